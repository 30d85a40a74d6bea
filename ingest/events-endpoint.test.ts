import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createEventsEndpoint } from './events-endpoint.js'
import { DedupWindow } from './dedup.js'
import { packEvents } from './publish.js'
import type { StoredEvent } from '../core/events.js'
import { FORGED_DECISION_PAYLOAD } from '../testing/forged-decision.js'

// POST /v1/events validation over HTTP, with JetStream and the identity store stood in for.
describe('POST /v1/events: ts range and id characters', () => {
  let server: Server
  let url: string
  const published: StoredEvent[] = []
  const KEY = 'key-acme-0123456789'

  beforeAll(async () => {
    const endpoint = createEventsEndpoint({
      apiKeys: new Map([[KEY, 'acme']]),
      maxBodyBytes: 1 << 20,
      maxBatchEvents: 100,
      tsRange: { maxFutureMs: 300_000, maxPastMs: 1830 * 86_400_000 },
      dedup: new DedupWindow({ windowSeconds: 600 }),
      identity: { resolve: async () => {} },
      brokerUp: () => true,
      pack: (events) => packEvents(events, { prefix: 'cx' }),
      publish: async (messages) => {
        published.push(...messages.flatMap((m) => m.events))
        return { failed: [] }
      },
    })
    server = createServer((req, res) => void endpoint.handle(req, res))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/events`
  })
  afterAll(() => new Promise((r) => server.close(r)))

  const post = async (events: unknown[]) => {
    const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(events) })
    return {
      status: res.status,
      body: (await res.json()) as { errors?: { index: number; field: string; reason: string }[] },
    }
  }
  const event = (extra: Record<string, unknown>) => ({
    tenant: 'acme',
    ts: Date.now(),
    channel: 'voice',
    type: 'voice.offered',
    interaction_id: 'c1',
    ...extra,
  })

  it('refuses ts in the year 2100, naming ts and the setting; nothing is published', async () => {
    const res = await post([event({}), event({ ts: Date.UTC(2099, 11, 31) })])
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([{ index: 1, field: 'ts', reason: expect.stringContaining('MOFANG_MAX_FUTURE_S') }])
    expect(published).toEqual([])
  })

  it('accepts an event from three years ago (historical import)', async () => {
    const res = await post([event({ ts: Date.now() - 3 * 365 * 86_400_000 })])
    expect(res.status).toBe(202)
    expect(published).toHaveLength(1)
  })

  it('refuses NUL and U+202E in event_id, naming event_id', async () => {
    const res = await post([event({ event_id: 'evt\u0000' }), event({ event_id: 'evt\u202e1' })])
    expect(res.status).toBe(400)
    expect(res.body.errors?.map((e) => [e.index, e.field])).toEqual([
      [0, 'event_id'],
      [1, 'event_id'],
    ])
    expect(res.body.errors?.[1].reason).toMatch(/U\+202E/)
  })
})

// Every refusal of the request pipeline, answered and counted as before it was one.
describe('POST /v1/events: refusals and their counters', () => {
  const KEY = 'key-acme-0123456789'
  let server: Server
  let url: string
  let endpoint: ReturnType<typeof createEventsEndpoint>
  const state = { brokerUp: true, storage: undefined as string | undefined, refuse: new Set<string>() }

  beforeAll(async () => {
    endpoint = createEventsEndpoint({
      apiKeys: new Map([[KEY, 'acme']]),
      maxBodyBytes: 1 << 16,
      maxBatchEvents: 3,
      dedup: new DedupWindow({ windowSeconds: 600 }),
      identity: { resolve: async () => {} },
      brokerUp: () => state.brokerUp,
      storageProblem: () => state.storage,
      pack: (events) => packEvents(events, { prefix: 'cx' }),
      publish: async (messages) => ({
        failed: messages
          .filter((m) => m.events.some((e) => state.refuse.has(e.interaction_id!)))
          .map((message) => ({ message, maybeStored: message.events.some((e) => e.interaction_id === 'maybe') })),
        error: new Error('no answer'),
      }),
    })
    server = createServer((req, res) => void endpoint.handle(req, res))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/events`
  })
  afterAll(() => new Promise((r) => server.close(r)))

  const send = async (body: string | Uint8Array, headers: Record<string, string> = {}, method = 'POST') => {
    const res = await fetch(url, {
      method,
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json', ...headers },
      ...(method === 'POST' ? { body } : {}),
    })
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers }
  }
  const event = (interaction_id: string, extra: Record<string, unknown> = {}) => ({
    tenant: 'acme',
    ts: Date.now(),
    channel: 'voice',
    type: 'voice.offered',
    interaction_id,
    ...extra,
  })

  it('names the steps of a request and of each event', async () => {
    const { eventPipeline } = await import('./events-endpoint.js')
    expect(eventPipeline.steps.map((s) => s.name)).toEqual(['validate', 'tenant', 'source', 'complete'])
    expect(endpoint.pipeline.steps.map((s) => s.name)).toEqual([
      'method',
      'auth',
      'content_type',
      'read_body',
      'admit',
      'decode_utf8',
      'parse',
      'batch_size',
      'validate',
      'broker',
      'storage',
      'backlog',
      'accept',
    ])
  })

  it('answers each refusal with its status and body, counted under its outcome', async () => {
    const before = endpoint.counters.snapshot()
    expect((await send('', {}, 'GET')).status).toBe(405)
    const noKey = await send('[]', { authorization: '' })
    expect([noKey.status, noKey.body.reason, noKey.headers.get('www-authenticate')]).toEqual([
      401,
      'missing API key: send Authorization: Bearer <key>',
      'Bearer',
    ])
    expect((await send('[]', { authorization: 'Bearer wrong-key-0123456789' })).body.reason).toBe('invalid API key')
    expect(await send('[]', { 'content-type': 'text/csv' })).toMatchObject({
      status: 415,
      body: { reason: 'unsupported content type "text/csv": use application/json or application/x-ndjson' },
    })
    expect(await send('[]')).toMatchObject({ status: 400, body: { reason: 'empty batch: send at least one event' } })
    expect(await send(JSON.stringify([1, 2, 3, 4].map((i) => event(`c${i}`))))).toMatchObject({
      status: 413,
      body: { reason: 'batch has 4 events; the limit is 3 (MOFANG_MAX_BATCH_EVENTS)' },
    })
    expect((await send(new Uint8Array([0x5b, 0xff, 0x5d]))).body).toEqual({
      error: 'bad_request',
      reason: 'body is not valid UTF-8',
      field: 'body',
    })
    const ndjson = await send(`${JSON.stringify(event('c1'))}\n{oops`, { 'content-type': 'application/x-ndjson' })
    expect([ndjson.status, ndjson.body.line]).toEqual([400, 2])
    expect(ndjson.body.reason).toMatch(/^malformed JSON on NDJSON line 2: /)
    const other = await send(JSON.stringify([event('c1'), event('c2', { tenant: 'umbrella' })]))
    expect(other).toMatchObject({
      status: 403,
      body: {
        reason: 'events for another tenant; nothing was accepted',
        errors: [{ index: 1, field: 'tenant', reason: `"umbrella" does not match the API key's tenant "acme"` }],
      },
    })
    const invalid = await send(JSON.stringify([event('c1', { tenant: 'umbrella' }), event('c2', { ts: 'x' })]))
    expect(invalid.status).toBe(400)
    expect(invalid.body.reason).toBe('1 invalid event(s); nothing was accepted')
    expect(invalid.body.errors).toEqual([{ index: 1, field: 'ts', reason: expect.any(String) }])
    const big = await send(JSON.stringify([event('c1', { customer_name: 'x'.repeat(1 << 16) })]))
    expect([big.status, big.body.reason]).toEqual([413, 'body larger than 65536 bytes (MOFANG_MAX_BODY_BYTES)'])
    const after = endpoint.counters.snapshot()
    const delta = Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as keyof typeof before]]))
    expect(delta).toEqual({
      accepted: 0,
      duplicate_event_id: 0,
      rejected_invalid: 2,
      rejected_tenant: 2,
      rejected_service_type: 0,
      rejected_auth: 2,
      rejected_body: 5,
      unavailable: 0,
      busy: 0,
      insufficient_storage: 0,
      backpressure: 0,
    })
  })

  it("refuses the types only Mofang's services emit (routing.*) from an API key: 403 naming the type", async () => {
    const before = endpoint.counters.snapshot()
    const assigned = event('c2', {
      type: 'routing.assigned',
      agent_id: 'mallory',
      payload: FORGED_DECISION_PAYLOAD,
    })
    const overflowed = event('c3', { type: 'routing.overflowed', payload: { from_queue: 'a', to_queue: 'b' } })
    const res = await send(JSON.stringify([event('c1'), assigned, overflowed]))
    expect(res).toMatchObject({ status: 403 })
    expect(res.body).toEqual({
      error: 'forbidden',
      reason:
        "routing.assigned, routing.overflowed events are emitted only by Mofang's own services; nothing was accepted",
      field: 'type',
      errors: [
        {
          index: 1,
          field: 'type',
          reason: "routing.assigned events are emitted only by Mofang's own services, not posted with an API key",
        },
        {
          index: 2,
          field: 'type',
          reason: "routing.overflowed events are emitted only by Mofang's own services, not posted with an API key",
        },
      ],
    })
    // An invalid event is told first (400), then another tenant's (403 on tenant), then the type.
    const invalid = await send(JSON.stringify([assigned, event('c4', { ts: 'x' })]))
    expect([invalid.status, invalid.body.errors]).toEqual([
      400,
      [{ index: 1, field: 'ts', reason: expect.any(String) }],
    ])
    const other = await send(JSON.stringify([assigned, event('c4', { tenant: 'umbrella' })]))
    expect([other.status, other.body.field, other.body.errors]).toEqual([
      403,
      'tenant',
      [{ index: 1, field: 'tenant', reason: `"umbrella" does not match the API key's tenant "acme"` }],
    ])
    const after = endpoint.counters.snapshot()
    expect(after.rejected_service_type - before.rejected_service_type).toBe(3)
    expect(after.rejected_tenant - before.rejected_tenant).toBe(2)
    expect(after.accepted - before.accepted).toBe(0)
  })

  it('refuses with 503 while the broker is down and 507 while storage is short, keeping nothing', async () => {
    state.brokerUp = false
    const down = await send(JSON.stringify([event('c1')]))
    expect([down.status, down.body.reason, down.headers.get('retry-after')]).toEqual([
      503,
      'event broker unavailable: not connected to NATS; retry later',
      '1',
    ])
    state.brokerUp = true
    state.storage = 'disk full'
    const full = await send(JSON.stringify([event('c1')]))
    expect([full.status, full.body.reason, full.headers.get('retry-after')]).toEqual([
      507,
      'insufficient storage: disk full; nothing was accepted, retry later',
      '10',
    ])
    state.storage = undefined
  })

  it('lists the indexes JetStream did not acknowledge, and those it may hold', async () => {
    state.refuse = new Set(['lost', 'maybe'])
    const res = await send(
      JSON.stringify([
        event('kept', { event_id: 'e1' }),
        event('lost', { event_id: 'e2', type: 'voice.hold' }),
        event('maybe', { type: 'voice.unhold' }),
      ]),
    )
    state.refuse = new Set()
    expect(res).toMatchObject({
      status: 503,
      body: { accepted: 1, duplicates: 0, failed_indexes: [1], unconfirmed_indexes: [2] },
    })
    expect(res.body.reason).toBe('event broker unavailable: 2 of 3 events not acknowledged by JetStream; retry later')
    const again = await send(JSON.stringify([event('kept', { event_id: 'e1' })]))
    expect(again).toMatchObject({ status: 202, body: { accepted: 0, duplicates: 1 } })
  })
})
