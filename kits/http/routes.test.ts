import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { BadRequest, HttpError, idFrom, readJsonObject, type Handler } from './helpers.js'
import { routes } from './routes.js'
import { createHttpServer } from './server.js'

describe('routes()', () => {
  let server: Server
  let port: number
  const logged: string[] = []
  const guarded: string[] = []

  beforeAll(async () => {
    const items = routes<{ user: string }>(
      {
        'GET /api/items/:id': ({ params, who }) => ({
          id: params.id,
          decoded: idFrom(params.id, 'item_id', { encoded: true }),
          who,
        }),
        'DELETE /api/items/:id': ({ params }) => ({ deleted: params.id }),
        'GET /api/items/:id/notes/:note': ({ params }) => params,
        'POST /api/items': async ({ req }) => ({ got: await readJsonObject(req, 64) }),
        'GET /api/items/bad': () => {
          throw new BadRequest('colour', 'expected red or blue')
        },
        'GET /api/items/gone/forever': () => {
          throw new HttpError(410, 'gone', 'that item was removed', undefined, { 'x-extra': '1' })
        },
        'GET /api/items/broken/now': () => {
          throw new Error('disk on fire')
        },
        'GET /api/items/stream/now': ({ res }) => {
          res.writeHead(202, { 'content-type': 'text/plain' })
          res.end('streamed')
        },
        'GET /api/items/cookie/now': ({ res }) => {
          res.setHeader('set-cookie', 'a=1')
          return { ok: true }
        },
      },
      {
        prefix: '/api/items',
        headers: { 'cache-control': 'no-store' },
        guard(req, _url, route) {
          guarded.push(route)
          if (req.headers.authorization !== 'Bearer good') throw new HttpError(401, 'unauthorized', 'sign in first')
          return { user: 'lin' }
        },
      },
    )
    const mapped = routes(
      {
        'GET /mapped/fail': () => {
          throw new Error('warehouse down')
        },
      },
      { unexpected: (err) => new HttpError(503, 'unavailable', (err as Error).message) },
    )
    const open = routes({ 'GET /open': () => 'hello', 'PUT /open': () => null })
    const ruled = routes<readonly string[] | undefined>(
      { 'GET /ruled': { needs: ['reader'], handle: ({ who }) => who }, 'POST /ruled/text': () => 'taken' },
      { guard: (_req, _url, _route, needs) => needs },
    )
    const anyBody = routes({ 'POST /any': () => 'taken' }, { bodies: 'any' })
    const fallback: Handler = async (req, res) => {
      if (req.url !== '/fallback') return false
      res.end('fallback')
      return true
    }
    server = createHttpServer([items, mapped, open, ruled, anyBody, fallback], (msg) => logged.push(msg), {
      allowedOrigins: ['https://proxy.example'],
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    port = (server.address() as AddressInfo).port
  })
  afterAll(() => new Promise((r) => server.close(r)))

  // node:http's client sends the path as given (fetch would normalise it).
  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<{ status: number; headers: Record<string, unknown>; body: unknown; text: string }>(
      (resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path, method, headers: { authorization: 'Bearer good', ...headers } },
          (res) => {
            let text = ''
            res.on('data', (c) => (text += c))
            res.on('end', () =>
              resolve({
                status: res.statusCode!,
                headers: res.headers,
                text,
                body: /^[{["n]/.test(text) ? JSON.parse(text) : undefined,
              }),
            )
          },
        )
        req.on('error', reject)
        req.end(body)
      },
    )

  it('hands path parameters over still percent-encoded, and the guard what it returned', async () => {
    const res = await call('GET', '/api/items/c%2D1')
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.body).toEqual({ id: 'c%2D1', decoded: 'c-1', who: { user: 'lin' } })
    expect(guarded.at(-1)).toBe('GET /api/items/:id')
    expect((await call('GET', '/api/items/a/notes/b%20c')).body).toEqual({ id: 'a', note: 'b%20c' })
  })

  it('prefers a literal segment to a param; a param needs a non-empty segment', async () => {
    expect(await call('GET', '/api/items/bad')).toMatchObject({ status: 400 })
    expect(await call('DELETE', '/api/items/bad')).toMatchObject({ status: 200, body: { deleted: 'bad' } })
    expect(await call('GET', '/api/items/')).toMatchObject({ status: 404 })
  })

  it('answers a known path with another method 405 and an Allow header, before the guard', async () => {
    const before = guarded.length
    const res = await call('PATCH', '/api/items/x', { authorization: '' })
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe('GET, DELETE, HEAD')
    expect(res.body).toEqual({
      error: 'method_not_allowed',
      reason: 'PATCH is not allowed on /api/items/x: use GET, DELETE, HEAD',
    })
    expect(res.headers['cache-control']).toBe('no-store')
    expect((await call('GET', '/api/items')).headers.allow).toBe('POST')
    expect(guarded.length).toBe(before)
  })

  it('answers HEAD with the GET route', async () => {
    const res = await call('HEAD', '/api/items/c1')
    expect(res.status).toBe(200)
    expect(res.text).toBe('')
  })

  it('owns its prefix: an unknown path under it is 404 in the one shape; others pass on', async () => {
    expect(await call('GET', '/api/items/a/b/c/d')).toMatchObject({
      status: 404,
      body: { error: 'not_found', reason: 'no route for GET /api/items/a/b/c/d' },
    })
    // Without a prefix a table resolves false for what it does not know: the next handler answers.
    expect((await call('GET', '/fallback')).text).toBe('fallback')
    expect(await call('GET', '/nowhere?x=1')).toMatchObject({
      status: 404,
      body: { error: 'not_found', reason: 'no route for GET /nowhere' },
    })
  })

  it('answers a table without prefix for its own paths, with 405 for another method', async () => {
    expect(await call('GET', '/open')).toMatchObject({ status: 200, body: 'hello' })
    expect(await call('PUT', '/open')).toMatchObject({ status: 200, body: null })
    expect(await call('POST', '/open')).toMatchObject({ status: 405, headers: { allow: 'GET, PUT, HEAD' } })
  })

  it('answers a thrown BadRequest 400 naming the field, and any HttpError with its status, code and headers', async () => {
    expect(await call('GET', '/api/items/bad')).toMatchObject({
      status: 400,
      body: { error: 'bad_request', reason: 'colour: expected red or blue', field: 'colour' },
    })
    expect(await call('GET', '/api/items/%zz')).toMatchObject({
      status: 400,
      body: { error: 'bad_request', reason: 'item_id: malformed percent-encoding', field: 'item_id' },
    })
    const gone = await call('GET', '/api/items/gone/forever')
    expect(gone).toMatchObject({ status: 410, headers: { 'x-extra': '1', 'cache-control': 'no-store' } })
    expect(gone.body).toEqual({ error: 'gone', reason: 'that item was removed' })
    expect(await call('GET', '/api/items/x', { authorization: '' })).toMatchObject({
      status: 401,
      body: { error: 'unauthorized', reason: 'sign in first' },
    })
    expect(logged).toEqual([])
  })

  it('reads JSON object bodies: 415, 413 and 400 in the one shape', async () => {
    const post = (body: string, type = 'application/json') => call('POST', '/api/items', { 'content-type': type }, body)
    expect(await post('{"a":1}')).toMatchObject({ status: 200, body: { got: { a: 1 } } })
    expect(await post('{"a":1}', 'text/plain')).toMatchObject({
      status: 415,
      body: { error: 'unsupported_media_type', reason: 'send JSON (content-type: application/json), not text/plain' },
    })
    expect(await post(`{"a":"${'x'.repeat(100)}"}`)).toMatchObject({
      status: 413,
      body: { error: 'payload_too_large', reason: 'body over 64 bytes' },
    })
    for (const bad of ['[1]', 'null', 'nope'])
      expect(await post(bad), bad).toMatchObject({
        status: 400,
        body: { error: 'bad_request', reason: 'body: expected a JSON object', field: 'body' },
      })
  })

  it('leaves the answer to a handler that wrote it, and keeps the headers it set', async () => {
    expect(await call('GET', '/api/items/stream/now')).toMatchObject({ status: 202, text: 'streamed' })
    expect(await call('GET', '/api/items/cookie/now')).toMatchObject({
      status: 200,
      headers: { 'set-cookie': ['a=1'] },
      body: { ok: true },
    })
  })

  it('lets the server answer any other throw 500 internal and log it; `unexpected` maps it instead', async () => {
    const res = await call('GET', '/api/items/broken/now')
    expect(res.status).toBe(500)
    expect(res.body).toEqual({ error: 'internal', reason: 'internal error (disk on fire); see the server log' })
    expect(logged.splice(0)).toEqual([expect.stringContaining('disk on fire')])
    expect(await call('GET', '/mapped/fail')).toMatchObject({
      status: 503,
      body: { error: 'unavailable', reason: 'warehouse down' },
    })
    expect(logged).toEqual([])
  })

  it('answers an unparsable request target 400 in the one shape', async () => {
    expect(await call('GET', '//[')).toMatchObject({
      status: 400,
      body: { error: 'bad_request', reason: 'url: malformed request target', field: 'url' },
    })
  })

  it("hands the guard the route's needs, and lists the table's routes with them", async () => {
    expect((await call('GET', '/ruled')).body).toEqual(['reader'])
    const table = routes({ 'GET /a': { needs: ['x'], handle: () => 1 }, 'POST /b': () => 2 })
    expect(table.routes).toEqual([{ key: 'GET /a', needs: ['x'] }, { key: 'POST /b' }])
    expect(() => routes({ 'POST /b': () => 2 }, { needsRequired: true })).toThrow(/declare what it needs/)
  })

  it('takes JSON or nothing on state-changing routes (415 for a form), unless the table takes any body', async () => {
    expect(await call('POST', '/ruled/text')).toMatchObject({ status: 200 })
    expect(await call('POST', '/ruled/text', { 'content-type': 'application/json' }, '{}')).toMatchObject({
      status: 200,
    })
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain'])
      expect(await call('POST', '/ruled/text', { 'content-type': type }, 'a=1'), type).toMatchObject({
        status: 415,
        body: { error: 'unsupported_media_type' },
      })
    expect(await call('POST', '/any', { 'content-type': 'text/plain' }, 'SELECT 1')).toMatchObject({ status: 200 })
  })

  it('refuses a state-changing request from another origin (403 cross_origin) before any handler', async () => {
    const from = (origin: string, method = 'POST') => call(method, '/ruled/text', { origin })
    expect(await from('https://evil.example')).toMatchObject({ status: 403, body: { error: 'cross_origin' } })
    expect(await from('null')).toMatchObject({ status: 403 })
    expect(await from(`http://127.0.0.1:${port}`)).toMatchObject({ status: 200 })
    expect(await from('https://proxy.example')).toMatchObject({ status: 200 })
    expect(await from('https://evil.example', 'GET')).toMatchObject({ status: 405 })
  })

  it('refuses a malformed table when it is built', () => {
    expect(() => routes({ '/no-method': () => 1 })).toThrow(/expected "METHOD \/path"/)
    expect(() => routes({ 'GET /other': () => 1 }, { prefix: '/api/' })).toThrow(/outside the table's prefix/)
  })
})
