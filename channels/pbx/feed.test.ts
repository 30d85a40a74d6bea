/**
 * The feed end to end over real sockets: the AMI client against a stand-in Asterisk on a local port that checks the
 * Login action, replays a recorded call and drops the connection mid-call; the client reconnects, the stream
 * resumes (overlapping what was already sent) and every voice event is stored once, with the ids the mapper gives
 * the whole stream. No clock is asserted on: the tests wait for outcomes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { IncomingEvent } from '../../core/index.js'
import { eventually } from '../../testing/env.js'
import { startAmiFeed, type AmiFeed, type AmiFeedOptions } from './feed.js'
import { AmiMapper } from './map.js'
import { blocksOf, startFakeAmi, type FakeAmi } from './test-helpers/fake-ami.js'
import { fixtureMessages, fixtureWire } from './test-helpers/fixtures.js'

const AGENTS = { 'PJSIP/1001': 'a-1001' }
const CREDENTIALS = { username: 'mofang', secret: 's3cret:with@odd#chars' }
const FIXTURE = 'answered-hold-blind-transfer'

const servers: FakeAmi[] = []
const feeds: AmiFeed[] = []
afterEach(async () => {
  await Promise.all(feeds.splice(0).map((f) => f.stop({ drainMs: 100 })))
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function pbx(session: Parameters<typeof startFakeAmi>[0]['session'], secret = CREDENTIALS.secret) {
  const server = await startFakeAmi({ username: CREDENTIALS.username, secret, session })
  servers.push(server)
  return server
}

function feed(port: number, submit: AmiFeedOptions['submit'], extra: Partial<AmiFeedOptions> = {}) {
  const logs: string[] = []
  const f = startAmiFeed({
    host: '127.0.0.1',
    port,
    ...CREDENTIALS,
    tenant: 'acme',
    agents: AGENTS,
    submit,
    log: (m) => logs.push(m),
    connection: { initialDelayMs: 10, maxDelayMs: 50 },
    ...extra,
  })
  feeds.push(f)
  return { feed: f, logs }
}

/** What the mapper makes of the whole recorded stream, as the feed stores it. */
function expectedEvents(): IncomingEvent[] {
  const mapper = new AmiMapper({ agents: AGENTS })
  return fixtureMessages(FIXTURE).flatMap((m) => mapper.map(m, 0).map((e) => ({ ...e, tenant: 'acme' })))
}

describe('PBX feed over AMI', () => {
  it('logs in, survives a drop mid-call, and stores every event once', async () => {
    const blocks = blocksOf(fixtureWire(FIXTURE))
    // The first connection ends after the hold, before the transfer; the second resumes five events back.
    const cut = 22
    const server = await pbx((n) =>
      n === 0 ? { blocks: blocks.slice(0, cut), drop: true } : { blocks: blocks.slice(cut - 5), drop: false },
    )
    const stored: IncomingEvent[] = []
    const { feed: f } = feed(server.port, async (events) => void stored.push(...events))
    const expected = expectedEvents()
    await eventually(async () => stored.length === expected.length && f.status().connected, { what: 'every event' })

    expect(stored).toEqual(expected)
    expect(new Set(stored.map((e) => e.event_id)).size).toBe(stored.length)
    // The drop fell mid-call: events before and after it.
    const second = stored.findIndex((e) => e.type === 'voice.transfer')
    expect(second).toBeGreaterThan(2)
    expect(server.actions).toHaveLength(2)
    for (const actions of server.actions)
      expect(actions[0].fields).toMatchObject({
        Action: 'Login',
        ...{ Username: 'mofang', Secret: CREDENTIALS.secret },
        Events: 'on',
      })
    expect(f.status()).toMatchObject({ connected: true, events: expected.length, pending: 0, open_calls: 0 })
    expect(f.status().errors).toBeGreaterThanOrEqual(1)
    expect(f.status().last_event_at).not.toBeNull()

    await f.stop()
    await eventually(async () => server.actions[1].some((a) => a.fields.Action === 'Logoff'), { what: 'a logoff' })
  })

  it('keeps retrying a refused login, and stores nothing', async () => {
    const server = await pbx(() => ({ blocks: blocksOf(fixtureWire(FIXTURE)), drop: false }), 'another-secret')
    const stored: IncomingEvent[] = []
    const { feed: f, logs } = feed(server.port, async (events) => void stored.push(...events))
    await eventually(async () => server.actions.length >= 3, { what: 'three login attempts' })
    expect(f.status()).toMatchObject({ connected: false, events: 0 })
    expect(f.status().errors).toBeGreaterThanOrEqual(2)
    expect(f.status().last_error).toContain('Authentication failed')
    expect(logs.some((l) => l.includes('login refused: Authentication failed'))).toBe(true)
    expect(stored).toEqual([])
  })

  it('retries while storage is down, drops only the events that can never be stored, keeps the order', async () => {
    const server = await pbx(() => ({ blocks: blocksOf(fixtureWire(FIXTURE)), drop: false }))
    const stored: IncomingEvent[] = []
    let outages = 2
    const submit = async (events: IncomingEvent[]) => {
      if (outages-- > 0) throw Object.assign(new Error('not connected to NATS'), { code: 'unavailable' })
      // As ingest refuses a batch holding one invalid event: all or nothing.
      if (events.some((e) => e.type === 'voice.hold'))
        throw Object.assign(new Error('event 0: payload invalid'), { code: 'invalid' })
      stored.push(...events)
    }
    const { feed: f } = feed(server.port, submit, { batchEvents: 4 })
    const expected = expectedEvents().filter((e) => e.type !== 'voice.hold')
    await eventually(async () => stored.length === expected.length, { what: 'the storable events' })
    expect(stored).toEqual(expected)
    expect(f.status()).toMatchObject({ events: expected.length, pending: 0 })
    expect(f.status().errors).toBeGreaterThanOrEqual(3)
  })

  it('stops reading while events wait to be stored, and loses none', async () => {
    const server = await pbx(() => ({ blocks: blocksOf(fixtureWire(FIXTURE)), drop: false }))
    const stored: IncomingEvent[] = []
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const { feed: f, logs } = feed(
      server.port,
      async (events) => {
        await gate
        stored.push(...events)
      },
      { maxPending: 3, batchEvents: 2 },
    )
    await eventually(async () => logs.some((l) => l.includes('reading from the PBX paused')), { what: 'a pause' })
    release()
    const expected = expectedEvents()
    await eventually(async () => stored.length === expected.length, { what: 'every event' })
    expect(stored).toEqual(expected)
    expect(f.status().pending).toBe(0)
  })
})
