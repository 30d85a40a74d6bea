import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { BadRequest, cameOverHttps, clientAddress, idFrom, intParam } from './helpers.js'
import { createHttpServer } from './server.js'
import { warehouseHandlers } from '../../warehouse/http.js'
import type { Warehouse } from '../../warehouse/client.js'

const u = (query: string) => new URL(`http://x/p?${query}`)
const thrown = (fn: () => unknown) => {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected a throw')
}

describe('intParam', () => {
  const limit = { min: 1, max: 10_000, default: 1000 }
  it('reads a whole number within bounds, the default when absent or empty', () => {
    expect(intParam(u('limit=25'), 'limit', limit)).toBe(25)
    expect(intParam(u(''), 'limit', limit)).toBe(1000)
    expect(intParam(u('limit='), 'limit', limit)).toBe(1000)
    expect(intParam(u('limit=10000'), 'limit', limit)).toBe(10_000)
  })
  it('throws BadRequest naming the parameter and the reason for anything else', () => {
    for (const bad of ['-1', '0', 'abc', '1e9', '10001', '1.5', '0x10', ' 5', 'Infinity', '99999999999999999999']) {
      const err = thrown(() => intParam(u(`limit=${encodeURIComponent(bad)}`), 'limit', limit)) as BadRequest
      expect(err, bad).toBeInstanceOf(BadRequest)
      expect(err.field).toBe('limit')
      expect(err.message).toMatch(/^limit: expected a whole number from 1 to 10000, got /)
    }
    expect(
      (thrown(() => intParam(u('offset=-1'), 'offset', { min: 0, max: 100, default: 0 })) as BadRequest).field,
    ).toBe('offset')
  })
})

describe('idFrom', () => {
  it('decodes a path segment and keeps a valid id', () => {
    expect(idFrom('c%2D1', 'customer_id', { encoded: true })).toBe('c-1')
    expect(idFrom('0190f3a2-7c1e-7000-8000-000000000000', 'customer_id')).toBe('0190f3a2-7c1e-7000-8000-000000000000')
  })
  it('refuses malformed escapes and forbidden characters with the field named', () => {
    expect(thrown(() => idFrom('%zz', 'customer_id', { encoded: true }))).toMatchObject({
      field: 'customer_id',
      reason: 'malformed percent-encoding',
    })
    expect(thrown(() => idFrom('a%E2%80%AEb', 'interaction_id', { encoded: true }))).toMatchObject({
      field: 'interaction_id',
      reason: expect.stringMatching(/U\+202E/),
    })
    expect(thrown(() => idFrom('a%00b', 'interaction_id', { encoded: true }))).toMatchObject({
      reason: expect.stringMatching(/U\+0000/),
    })
    expect(thrown(() => idFrom('', 'interaction_id'))).toMatchObject({ reason: 'must not be empty' })
  })
})

describe('the HTTP server answers bad request data with 400, not 500', () => {
  let server: Server
  let port: number
  const queries: Record<string, unknown>[] = []
  const logged: string[] = []
  const warehouse = {
    async query(_sql: string, params: Record<string, unknown>) {
      queries.push(params)
      return []
    },
  } as unknown as Warehouse

  beforeAll(async () => {
    const handlers = [
      warehouseHandlers({
        warehouse,
        adminToken: 'admin-token-0123456789',
        apiKeys: new Map([['key-0123456789abcdef', 'acme']]),
      }),
      async (_req: unknown, res: import('node:http').ServerResponse) => {
        res.end('fallback')
        return true
      },
    ]
    server = createHttpServer(handlers, (msg) => logged.push(msg))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise((r) => server.close(r)))

  // node:http's client sends the path as given (fetch would normalise it).
  const get = (path: string, headers: Record<string, string> = { authorization: 'Bearer key-0123456789abcdef' }) =>
    new Promise<{ status: number; body: Record<string, unknown> }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
        let text = ''
        res.on('data', (c) => (text += c))
        res.on('end', () =>
          resolve({ status: res.statusCode!, body: text.startsWith('{') ? JSON.parse(text) : { text } }),
        )
      })
      req.on('error', reject)
      req.end()
    })

  it('customer history: limit=-1 and friends are 400 naming limit', async () => {
    for (const limit of ['-1', 'abc', '1e9', '0', '10001']) {
      const res = await get(`/v1/customers/c1/history?limit=${limit}`)
      expect(res.status, limit).toBe(400)
      expect(res.body).toMatchObject({
        field: 'limit',
        reason: expect.stringMatching(/^limit: expected a whole number from 1 to 10000/),
      })
    }
    expect(queries).toEqual([])
    const ok = await get('/v1/customers/c1/history?limit=5')
    expect(ok.status).toBe(200)
    expect(queries.at(-1)).toMatchObject({ limit: 5 })
  })

  it('customer history: a malformed or invisible-character id is 400 naming customer_id', async () => {
    expect(await get('/v1/customers/%zz/history')).toMatchObject({
      status: 400,
      body: { field: 'customer_id', reason: 'customer_id: malformed percent-encoding' },
    })
    expect(await get('/v1/customers/a%E2%80%AEb/history')).toMatchObject({
      status: 400,
      body: { field: 'customer_id' },
    })
  })

  it('an unparsable request target is 400 before any handler, with nothing logged as a failure', async () => {
    expect(await get('//')).toMatchObject({ status: 400, body: { field: 'url' } })
    expect(await get('//[')).toMatchObject({ status: 400, body: { field: 'url' } })
    expect(logged).toEqual([])
  })
})

describe('clientAddress and cameOverHttps', () => {
  const req = (remoteAddress: string, headers: Record<string, string> = {}, encrypted = false) =>
    ({ socket: { remoteAddress, encrypted }, headers }) as unknown as import('node:http').IncomingMessage

  it('is the connecting address unless that is a trusted proxy', () => {
    expect(clientAddress(req('::ffff:10.0.0.7'))).toBe('10.0.0.7')
    expect(clientAddress(req('10.0.0.7', { 'x-forwarded-for': '1.2.3.4' }))).toBe('10.0.0.7')
    const proxies = new Set(['10.0.0.1', '10.0.0.2'])
    expect(clientAddress(req('10.0.0.1', { 'x-forwarded-for': '1.2.3.4' }), proxies)).toBe('1.2.3.4')
    // Read from the right: what the client wrote itself (the left) is not believed past the first untrusted hop.
    expect(clientAddress(req('10.0.0.1', { 'x-forwarded-for': '6.6.6.6, 1.2.3.4, 10.0.0.2' }), proxies)).toBe('1.2.3.4')
    expect(clientAddress(req('10.0.0.1'), proxies)).toBe('10.0.0.1')
  })

  it('believes a TLS socket or X-Forwarded-Proto: https', () => {
    expect(cameOverHttps(req('10.0.0.7'))).toBe(false)
    expect(cameOverHttps(req('10.0.0.7', {}, true))).toBe(true)
    expect(cameOverHttps(req('10.0.0.7', { 'x-forwarded-proto': 'https' }))).toBe(true)
    expect(cameOverHttps(req('10.0.0.7', { 'x-forwarded-proto': 'http, https' }))).toBe(false)
  })
})
