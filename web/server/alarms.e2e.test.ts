/**
 * Alarms raised and cleared by simulated traffic, through the real system (ingest → JetStream → live metrics
 * service → NATS → wallboard, chDB for the stored alarms), wired as `mofang start` wires it (defaultServices, with
 * MOFANG_ALARM_RULES set to short rules). A caller waits ten minutes on a queue nobody is skilled for: the
 * longest-wait and the no-agent-ready alarms are raised, stored, published on NATS and shown in the snapshot; a
 * wall saved with a rule raises its own, which ends when the wall is deleted; a supervisor acknowledges one through
 * the API; a restart takes both back from the warehouse, acknowledgement
 * included; an agent logs in and answers, and both end. The rules' for_s and clear_s are 2 s: the test waits for
 * states (eventually), never for a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Subscription } from '@nats-io/transport-node'
import { jetstream } from '@nats-io/jetstream'
import { startSystem, type RunningSystem } from '../../system/system.js'
import { defaultServices } from '../../system/services.js'
import { SESSION_COOKIE, SessionSigner } from '../../kits/auth/index.js'
import { eventually, postEvents, tempDir, testConfig, uniqueNamespace, TEST_TENANT } from '../../testing/env.js'
import type { Alarm, AlarmChange, AlarmListAnswer, AlarmRule, Snapshot } from '../../core/contracts/index.js'
import { openWallStore } from './wall-store.js'
import { defaultWalls } from './wall-defaults.js'

const SECRET = 'alarms-e2e-session-secret-0123456789abcdef'
const QUEUE = 'alarmq'
const WAIT = `_group:wait:queue:${QUEUE}`
const NOBODY = `_group:nobody:queue:${QUEUE}`
const RULES = [
  `wait: longest_wait_s queue:${QUEUE} above 120 for 2s clear 2s critical`,
  `nobody: agents_ready queue:${QUEUE} below 1 for 2s clear 2s warning`,
].join(';')

const dir = tempDir('alarms')
const namespace = uniqueNamespace()
const config = testConfig(dir.path, {
  MOFANG_ALARM_RULES: RULES,
  MOFANG_USERS: `lin:${TEST_TENANT}:supervisor:x,ana:${TEST_TENANT}:agent:x`,
  MOFANG_SESSION_SECRET: SECRET,
})
const services = defaultServices(config).filter((f) => ['live_metrics', 'wallboard'].includes(f.serviceName!))
const start = () => startSystem({ config, namespace, services, log: () => {} })

const signer = new SessionSigner(Buffer.from(SECRET))
const as = (user: string, role: string) => ({
  cookie: `${SESSION_COOKIE}=${signer.sign({ u: user, t: TEST_TENANT, r: [role], exp: Date.now() + 3_600_000 })}`,
})
const lin = as('lin', 'supervisor')

let sys: RunningSystem
let changes: AlarmChange[] = []
let sub: Subscription | undefined

/** Hears every alarm change of the tenant on NATS (core subscribers get the JetStream-published messages too). */
function listen() {
  const decoder = new TextDecoder()
  sub = sys.nats.nc.subscribe(`${sys.topology.alarmSubject}.${TEST_TENANT}`, {
    callback: (_e, m) => void changes.push(JSON.parse(decoder.decode(m.data)) as AlarmChange),
  })
}

const api = async <T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> => {
  const res = await fetch(`${sys.url}${path}`, { ...init, headers: { ...lin, ...init.headers } })
  return { status: res.status, body: (await res.json()) as T }
}
const snapshotAlarms = async () => ((await api<Snapshot>('/api/snapshot')).body.alarms ?? []).filter(ours)
const ours = (a: Alarm) => a.key === WAIT || a.key === NOBODY
/** Our alarms in the snapshot, once `ok` holds for them. */
async function wallAlarms(ok: (alarms: Alarm[]) => boolean, what: string): Promise<Alarm[]> {
  let last: Alarm[] = []
  await eventually(async () => ok((last = await snapshotAlarms())), { what })
  return last
}
const keysAndAcks = (alarms: Alarm[]) => alarms.map((a) => [a.key, a.acknowledged_by ?? null])
const seen = (change: AlarmChange['change'], key: string) =>
  changes.some((c) => c.change === change && c.alarm.key === key)

const base = { tenant: TEST_TENANT, channel: 'voice', interaction_id: 'alarm-call-1', queue: QUEUE }

beforeAll(async () => {
  sys = await start()
  listen()
}, 60_000)

afterAll(async () => {
  sub?.unsubscribe()
  await sys?.stop()
  dir.remove()
})

describe('alarms raised and cleared by traffic', () => {
  let raised: Alarm[] = []

  it('raises, stores, publishes and shows an alarm for a caller waiting with no agent ready', async () => {
    const t0 = Date.now() - 10 * 60_000
    const offered = [{ ...base, ts: t0, type: 'voice.offered', payload: {} }]
    expect((await postEvents(sys.url, JSON.stringify(offered))).status).toBe(202)

    raised = await wallAlarms((alarms) => alarms.length === 2, 'both alarms on the wall')
    // Critical first.
    expect(raised.map((a) => [a.key, a.severity, a.row, a.owner])).toEqual([
      [WAIT, 'critical', `queue:${QUEUE}`, '_group'],
      [NOBODY, 'warning', `queue:${QUEUE}`, '_group'],
    ])
    expect(raised[0].value).toBeGreaterThan(120)
    expect(raised[1].value).toBe(0)
    await eventually(async () => seen('raised', WAIT) && seen('raised', NOBODY), { what: 'raised on NATS' })
    const stored = await api<AlarmListAnswer>('/api/alarms?state=active')
    expect(stored.status).toBe(200)
    expect(stored.body.alarms.filter(ours).map((a) => [a.key, a.started_at])).toEqual(
      raised.map((a) => [a.key, a.started_at]),
    )
  })

  it("follows a wall's rules as the wall is saved and deleted", async () => {
    const store = await openWallStore(jetstream(sys.nats.nc), sys.topology.wallBucket)
    const busy = `busy-wall:busy:queue:${QUEUE}`
    const rule: AlarmRule = {
      id: 'busy',
      metric: 'waiting',
      scope: { kind: 'queue', name: QUEUE },
      op: 'above',
      threshold: 0,
      for_s: 0,
      clear_s: 0,
      severity: 'warning',
    }
    const wall = { ...defaultWalls(TEST_TENANT, Date.now())[0], id: 'busy-wall', name: 'busy' }
    await store.putWall({ ...wall, alarms: [rule] })
    await eventually(async () => seen('raised', busy), { what: "the wall's alarm raised" })
    expect(changes.find((c) => c.alarm.key === busy)?.alarm).toMatchObject({ owner: 'busy-wall', value: 1 })
    await store.deleteWall(TEST_TENANT, 'busy-wall')
    await eventually(async () => seen('ended', busy), { what: 'its alarm ended with the wall' })
  })

  it('lets a supervisor acknowledge it, and keeps who and when', async () => {
    const agent = await fetch(`${sys.url}/api/alarms/${encodeURIComponent(WAIT)}/ack`, {
      method: 'POST',
      headers: as('ana', 'agent'),
    })
    expect(agent.status).toBe(403)
    const before = Date.now()
    const ack = await api<Alarm>(`/api/alarms/${encodeURIComponent(WAIT)}/ack`, { method: 'POST' })
    expect(ack.status).toBe(200)
    expect(ack.body).toMatchObject({ key: WAIT, acknowledged_by: 'lin', started_at: raised[0].started_at })
    expect(ack.body.acknowledged_at).toBeGreaterThanOrEqual(before)
    // Acknowledged again: the first acknowledgement stays.
    const again = await api<Alarm>(`/api/alarms/${encodeURIComponent(WAIT)}/ack`, { method: 'POST' })
    expect(again.body.acknowledged_at).toBe(ack.body.acknowledged_at)
    const unknown = await api<{ error: string }>(`/api/alarms/${encodeURIComponent('_group:nope:tenant')}/ack`, {
      method: 'POST',
    })
    expect([unknown.status, unknown.body.error]).toEqual([404, 'not_found'])

    // Stored and published before the answer came.
    const acked = await api<AlarmListAnswer>('/api/alarms?state=acknowledged')
    expect(acked.body.alarms.filter(ours).map((a) => [a.key, a.acknowledged_by])).toEqual([[WAIT, 'lin']])
    const open = await api<AlarmListAnswer>('/api/alarms?state=active')
    expect(open.body.alarms.filter(ours).map((a) => a.key)).toEqual([NOBODY])
    expect(seen('acknowledged', WAIT)).toBe(true)
    // On the wall within a snapshot, after the alarm nobody acknowledged yet.
    const expected = [
      [NOBODY, null],
      [WAIT, 'lin'],
    ]
    await wallAlarms(
      (alarms) => JSON.stringify(keysAndAcks(alarms)) === JSON.stringify(expected),
      'the acknowledged alarm on the wall, after the other',
    )
    const bad = await api<{ field: string }>('/api/alarms?state=open')
    expect([bad.status, bad.body.field]).toEqual([400, 'state'])
  })

  it('takes the active alarms back after a restart, acknowledgement included', async () => {
    const before = await snapshotAlarms()
    sub?.unsubscribe()
    await sys.stop()
    sys = await start()
    changes = []
    listen()
    // The first snapshot of the new live service: the alarms were read back before it was computed.
    const after = await wallAlarms((alarms) => alarms.length > 0, 'the alarms after the restart')
    expect(after).toEqual(
      before.map((a) => expect.objectContaining({ ...a, value: expect.any(Number), text: expect.any(String) })),
    )
    expect(after[1]).toMatchObject({ key: WAIT, acknowledged_by: 'lin', started_at: raised[0].started_at })
  }, 60_000)

  it('ends both once an agent takes the call, and keeps them as ended', async () => {
    const now = Date.now()
    const agent = { tenant: TEST_TENANT, channel: 'voice', agent_id: 'alarm-agent', skills: [QUEUE], payload: {} }
    const recovery = [
      { ...agent, ts: now - 2_000, type: 'agent.login' },
      { ...base, ts: now - 1_000, type: 'voice.answered', agent_id: 'alarm-agent', payload: {} },
    ]
    expect((await postEvents(sys.url, JSON.stringify(recovery))).status).toBe(202)
    await eventually(async () => seen('ended', WAIT) && seen('ended', NOBODY), { what: 'both ended on NATS' })
    expect(changes.filter((c) => c.change === 'raised' && ours(c.alarm))).toEqual([])
    await wallAlarms((alarms) => alarms.length === 0, 'the wall clear')
    const ended = await api<AlarmListAnswer>('/api/alarms?state=ended')
    const mine = ended.body.alarms.filter(ours)
    expect(mine.map((a) => [a.key, a.started_at, a.acknowledged_by])).toEqual(
      expect.arrayContaining([
        [WAIT, raised[0].started_at, 'lin'],
        [NOBODY, raised[1].started_at, undefined],
      ]),
    )
    for (const a of mine) expect(a.ended_at).toBeGreaterThan(a.started_at)
    expect((await api<AlarmListAnswer>('/api/alarms?state=active,acknowledged')).body.alarms.filter(ours)).toEqual([])
  })
})
