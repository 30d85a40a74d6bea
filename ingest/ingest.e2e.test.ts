/**
 * End to end through the real parts: HTTP → ingest → JetStream (real nats-server)
 * → warehouse sink → ClickHouse (real chDB).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSystem, type RunningSystem } from '../system/system.js'
import { customerHistory } from '../warehouse/customers.js'
import { TEST_TENANT, eventually, postEvents, tempDir, testConfig, uniqueNamespace } from '../testing/env.js'

let sys: RunningSystem
const dir = tempDir('ingest')
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0)

beforeAll(async () => {
  sys = await startSystem({
    config: testConfig(dir.path, { MOFANG_MAX_BODY_BYTES: String(2 * 1024 * 1024), MOFANG_MAX_BATCH_EVENTS: '5000' }),
    namespace: uniqueNamespace(),
    log: () => {},
  })
})
afterAll(async () => {
  await sys?.stop()
  dir.remove()
})

const count = async (where = '1') =>
  Number((await sys.warehouse.query<{ n: number }>(`SELECT count() AS n FROM events WHERE ${where}`))[0].n)

/**
 * 2,000 interactions × 5 events. Customer c appears by phone on voice; odd customers
 * first chat on WeChat by openid alone (a separate customer at first), then link the
 * openid and the phone on a later chat, which must merge the two.
 */
function tenThousandEvents() {
  const events: object[] = []
  for (let i = 0; i < 2000; i++) {
    const c = i % 500
    const phone = `1380000${String(c).padStart(4, '0')}`
    const openid = `oW${c}`
    const onWechat = c % 2 === 1 && i >= 500
    const customer = onWechat ? (i < 1000 ? { wechat_openid: openid } : { wechat_openid: openid, phone }) : { phone }
    const channel = onWechat ? 'wechat' : 'voice'
    const types = onWechat
      ? ['chat.started', 'chat.transferred_to_agent', 'chat.message', 'chat.message', 'chat.ended']
      : ['voice.offered', 'voice.queued', 'voice.answered', 'voice.ended', 'survey.nps']
    types.forEach((type, k) =>
      events.push({
        event_id: `ev-${i}-${k}`,
        tenant: TEST_TENANT,
        ts: T0 + i * 1000 + k * 100,
        channel,
        type,
        interaction_id: `int-${i}`,
        customer,
        queue: 'repair',
        agent_id: k >= 2 ? `agent-${i % 40}` : undefined,
        payload:
          type === 'chat.message'
            ? {
                role: k === 2 ? 'customer' : 'agent',
                text: k === 2 ? "'; DROP TABLE events; --" : '您好，请问有什么可以帮您？',
              }
            : type === 'voice.ended' || type === 'chat.ended'
              ? { ended_by: 'customer' }
              : type === 'survey.nps'
                ? { score: i % 11 }
                : {},
      }),
    )
  }
  return events
}

describe('ingest → JetStream → ClickHouse', () => {
  it('stores 10,000 posted events exactly once, with cross-channel customers merged', async () => {
    const events = tenThousandEvents()
    for (let i = 0; i < events.length; i += 2500) {
      const res = await postEvents(sys.url, JSON.stringify(events.slice(i, i + 2500)))
      expect(res.status).toBe(202)
      expect(await res.json()).toEqual({ accepted: 2500, duplicates: 0 })
    }
    // A client retry of the first batch is absorbed.
    const retry = await postEvents(sys.url, JSON.stringify(events.slice(0, 2500)))
    expect(await retry.json()).toEqual({ accepted: 0, duplicates: 2500 })

    await eventually(async () => (await count()) >= 10_000, { what: '10,000 rows' })
    const [stats] = await sys.warehouse.query<{ n: number; ids: number }>(
      'SELECT count() AS n, uniqExact(event_id) AS ids FROM events',
    )
    expect(stats).toEqual({ n: 10_000, ids: 10_000 })

    // The SQL-looking text is stored verbatim, and the table is still there.
    expect(await count(`payload LIKE '%DROP TABLE events%'`)).toBe(750)

    // Customer 1: voice by phone, WeChat by openid alone, then openid + phone: one customer.
    const [row] = await sys.warehouse.query<{ customer_id: string }>(
      `SELECT customer_id FROM events WHERE interaction_id = 'int-1' LIMIT 1`,
    )
    const history = await customerHistory(sys.warehouse, TEST_TENANT, row.customer_id)
    expect(history.channels.sort()).toEqual(['voice', 'wechat'])
    // int-1, 501, 1001, 1501 are customer 1's interactions, 5 events each.
    expect(new Set(history.events.map((e) => e.interaction_id))).toEqual(
      new Set(['int-1', 'int-501', 'int-1001', 'int-1501']),
    )
    expect(history.merged_ids.length).toBe(1)

    // Every customer ends up as exactly one customer across channels.
    const perCustomer = await sys.warehouse.query<{ c: number }>(
      `SELECT count() AS c FROM (SELECT DISTINCT JSONExtractString(toJSONString(identities), 'phone') AS phone, customer_id FROM events WHERE identities['phone'] != '' AND identities['wechat_openid'] = '')`,
    )
    expect(Number(perCustomer[0].c)).toBe(500)

    // Interaction facts are built by the materialized view (its parts commit just after the events' parts).
    const facts = await eventually(
      async () => {
        const [f] = await sys.warehouse.query<{ n: number; answered: number }>(
          `SELECT count() AS n, countIf(answered_at IS NOT NULL) AS answered FROM interaction_facts WHERE tenant = {t:String}`,
          { t: TEST_TENANT },
        )
        return Number(f.n) === 2000 ? f : undefined
      },
      { what: 'interaction facts' },
    )
    expect(Number(facts?.answered)).toBe(2000)
  })

  it('accepts NDJSON', async () => {
    const lines = [0, 1].map((k) =>
      JSON.stringify({
        event_id: `nd-${k}`,
        tenant: TEST_TENANT,
        ts: T0,
        channel: 'voice',
        type: 'agent.ready',
        agent_id: 'a1',
      }),
    )
    const res = await postEvents(sys.url, lines.join('\n') + '\n', { 'content-type': 'application/x-ndjson' })
    expect(res.status).toBe(202)
    await eventually(async () => (await count(`event_id LIKE 'nd-%'`)) === 2, { what: 'NDJSON rows' })
  })
})

describe('bad input gets a clear 4xx and stores nothing', () => {
  const good = (over: Record<string, unknown> = {}) => ({
    tenant: TEST_TENANT,
    ts: T0,
    channel: 'voice',
    type: 'voice.offered',
    interaction_id: 'bad-1',
    ...over,
  })
  const cases: [string, () => Promise<Response>, number, RegExp][] = [
    ['malformed JSON', () => postEvents(sys.url, '[{"tenant": '), 400, /malformed JSON/],
    [
      'wrong content type',
      () => postEvents(sys.url, '[]', { 'content-type': 'text/plain' }),
      415,
      /unsupported content type/,
    ],
    [
      'missing field',
      () => postEvents(sys.url, JSON.stringify([good({ ts: undefined })])),
      400,
      /"field":"ts","reason":"required"/,
    ],
    [
      'wrongly typed field',
      () => postEvents(sys.url, JSON.stringify([good({ ts: 'yesterday' })])),
      400,
      /"field":"ts"/,
    ],
    [
      'unknown event type',
      () => postEvents(sys.url, JSON.stringify([good({ type: 'voice.exploded' })])),
      400,
      /unknown event type/,
    ],
    [
      'payload out of range',
      () => postEvents(sys.url, JSON.stringify([good({ type: 'survey.nps', payload: { score: 11 } })])),
      400,
      /"field":"payload.score"/,
    ],
    [
      'unknown field',
      () => postEvents(sys.url, JSON.stringify([good({ colour: 'red' })])),
      400,
      /"field":"colour","reason":"unknown field"/,
    ],
    [
      'oversize body',
      () => postEvents(sys.url, JSON.stringify([good({ customer_name: 'x'.repeat(3 * 1024 * 1024) })])),
      413,
      /MOFANG_MAX_BODY_BYTES/,
    ],
    [
      'oversize batch',
      () => postEvents(sys.url, JSON.stringify(Array.from({ length: 5001 }, () => good()))),
      413,
      /limit is 5000/,
    ],
    [
      'invalid UTF-8',
      () => postEvents(sys.url, Buffer.from([0x5b, 0x22, 0xff, 0xfe, 0x22, 0x5d])),
      400,
      /not valid UTF-8/,
    ],
    [
      'missing API key',
      () =>
        fetch(`${sys.url}/v1/events`, { method: 'POST', body: '[]', headers: { 'content-type': 'application/json' } }),
      401,
      /missing API key/,
    ],
    [
      'wrong API key',
      () => postEvents(sys.url, '[]', { authorization: 'Bearer nope-nope-nope-nope' }),
      401,
      /invalid API key/,
    ],
    ['tenant mismatch', () => postEvents(sys.url, JSON.stringify([good({ tenant: 'other' })])), 403, /does not match/],
    [
      'a routing decision from an API key',
      () =>
        postEvents(
          sys.url,
          JSON.stringify([good({ type: 'routing.overflowed', payload: { from_queue: 'a', to_queue: 'b' } })]),
        ),
      403,
      /"field":"type".*routing\.overflowed events are emitted only by Mofang's own services/,
    ],
    ['empty batch', () => postEvents(sys.url, '[]'), 400, /empty batch/],
    [
      'event on the wrong channel',
      () => postEvents(sys.url, JSON.stringify([good({ channel: 'wechat' })])),
      400,
      /cannot occur on channel/,
    ],
  ]
  it.each(cases)('%s', async (_name, send, status, body) => {
    const res = await send()
    expect(res.status).toBe(status)
    expect(await res.text()).toMatch(body)
  })

  it('names the index of the bad event and accepts nothing from its batch', async () => {
    const res = await postEvents(sys.url, JSON.stringify([good({ interaction_id: 'mixed-1' }), good({ channel: 42 })]))
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { index: number; field: string }[] }
    expect(body.errors).toEqual([expect.objectContaining({ index: 1, field: 'channel' })])
    const health = await fetch(`${sys.url}/healthz`)
    expect(health.status).toBe(200)
    expect(await count(`interaction_id IN ('bad-1', 'mixed-1')`)).toBe(0)
  })
})
