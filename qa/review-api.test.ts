import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createReviewApi } from './review-api.js'
import type { Warehouse } from '../warehouse/client.js'

// The desk's bad-input answers, against a warehouse stand-in: no chDB needed.
describe('review API input checks', () => {
  let server: Server
  let base: string
  const queries: Record<string, unknown>[] = []
  const backfills: unknown[][] = []
  const warehouse = {
    async query(_sql: string, params: Record<string, unknown>) {
      queries.push(params)
      return []
    },
    async insert() {},
  } as unknown as Warehouse

  beforeAll(async () => {
    const api = createReviewApi({
      warehouse,
      access: () => ({ kind: 'user', tenant: 'acme', user: 'lin', roles: ['qa_reviewer'] }),
      timeZone: 'UTC',
      backfill: async (...args) => {
        backfills.push(args)
        return { scored: 0, skipped: 0 }
      },
    })
    server = createServer((req, res) => void api(req, res))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((r) => server.close(r)))

  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`)
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }

  it('a malformed or invisible-character interaction id is 400 naming it, not 503', async () => {
    const refused = (reason: RegExp) => ({
      status: 400,
      body: { field: 'interaction_id', reason: expect.stringMatching(reason) },
    })
    expect(await get('/api/qa/interactions/%zz')).toMatchObject(refused(/percent-encoding/))
    expect(await get('/api/qa/interactions/a%E2%80%AEb/calibration')).toMatchObject(refused(/U\+202E/))
    expect(await get('/api/qa/interactions/a%00b')).toMatchObject({ status: 400, body: { field: 'interaction_id' } })
    expect(queries).toEqual([])
    expect((await get('/api/qa/interactions/c-1')).status).toBe(404) // a well-formed id reaches the store
  })

  it('queue limit is checked, not clamped silently', async () => {
    for (const limit of ['-1', 'abc', '1e3', '1001']) {
      const res = await get(`/api/qa/queue?limit=${limit}`)
      expect(res, limit).toMatchObject({
        status: 400,
        body: { field: 'limit', reason: expect.stringMatching(/^limit: /) },
      })
    }
    expect((await get('/api/qa/queue?limit=50')).status).toBe(200)
    expect(queries.at(-1)).toMatchObject({ limit: 50 })
  })

  it('backfill refuses times and limits the query cannot take', async () => {
    const post = async (body: unknown) => {
      const res = await fetch(`${base}/api/qa/backfill`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
      return { status: res.status, body: (await res.json()) as Record<string, unknown> }
    }
    expect(await post({ since: 1.5 })).toMatchObject({
      status: 400,
      body: { reason: expect.stringMatching(/^since: /) },
    })
    expect(await post({ since: 1e20 })).toMatchObject({ status: 400 })
    expect(await post({ since: '2025-01-01', limit: 1e12 })).toMatchObject({
      status: 400,
      body: { reason: expect.stringMatching(/^limit: /) },
    })
    expect(backfills).toEqual([])
    expect((await post({ since: '2025-01-01', limit: 10 })).status).toBe(200)
  })
})

// Item names are held to the stored result's checks with own-property checks: `__proto__`, `constructor` and the
// other names every object answers to are refused with 400 naming the field, and nothing is stored.
describe('review API item names', () => {
  let server: Server
  let base: string
  const inserted: unknown[][] = []
  const checks = { greeting: { fraction: 1, weight: 10, applicable: true, auto_failed: false } }
  const warehouse = {
    async query() {
      return [{ interaction_id: 'c-1', score: 100, flagged: 0, checks: JSON.stringify(checks) }]
    },
    async insert(_table: string, rows: unknown[]) {
      inserted.push(rows)
    },
  } as unknown as Warehouse

  beforeAll(async () => {
    const api = createReviewApi({
      warehouse,
      access: () => ({ kind: 'user', tenant: 'acme', user: 'lin', roles: ['qa_reviewer'] }),
      timeZone: 'UTC',
    })
    server = createServer((req, res) => void api(req, res))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((r) => server.close(r)))

  const post = async (what: string, body: string) => {
    const res = await fetch(`${base}/api/qa/interactions/c-1/${what}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown> }
  }
  const refused = (field: string) => ({
    status: 400,
    body: { error: 'bad_request', field, reason: `${field}: unknown item` },
  })

  it('refuses inherited names in reviews, calibrations and disputes', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const item = JSON.stringify(name)
      expect(await post('review', `{"items":[{"check":${item},"decision":"confirm"}]}`), name).toMatchObject(
        refused('items[0].check'),
      )
      // Written by hand: JSON.stringify would drop a "__proto__" key; JSON.parse keeps it as an own property.
      expect(await post('calibration', `{"items":{${item}:0.5}}`), name).toMatchObject(refused(`items.${name}`))
      expect(await post('dispute', `{"comment":"unfair","item":${item}}`), name).toMatchObject(refused('item'))
    }
    expect(inserted).toEqual([])
  })

  it('still takes the scorecard’s own items', async () => {
    expect((await post('review', '{"items":[{"check":"greeting","decision":"confirm"}]}')).status).toBe(200)
    expect((await post('dispute', '{"comment":"unfair","item":"greeting"}')).status).toBe(200)
    expect(inserted).toHaveLength(2)
  })
})
