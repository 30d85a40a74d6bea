/**
 * Partitioned live metrics: two live metrics instances against one nats-server share four tenants out. Half an hour
 * of each tenant's traffic this morning is in the stream before they start; each tenant must be owned by exactly
 * one instance and its snapshots, published by that instance, must carry the same counts as an engine fed the same
 * events directly, and so must the wallboard server's /api/snapshot; only the owner answers the tenant's alarm
 * acknowledgements. Then one instance stops: its tenants move to the other, whose snapshots of them carry the whole
 * day again (replayed, not counted from the hand-over on); it starts again and the tenants it owned come back to it.
 * Last, one dies (its NATS connection closes, its member entry is left behind): once the entry has expired, the
 * other serves every tenant again. Each instance has its own NATS connection, as a process of its own would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import type { Subscription } from '@nats-io/transport-node'
import { connectNats } from '../bus/index.js'
import { startSystem, type RunningSystem } from '../system/system.js'
import type { NatsLink, Service, ServiceContext, StoredEvent } from '../core/index.js'
import { alarmAckSubject, type Snapshot } from '../core/contracts/index.js'
import { eventually, lateMorningZone, postEvents, tempDir, testConfig, uniqueNamespace } from '../testing/env.js'
import { generate } from '../simulator/generate.js'
import { createLiveMetrics } from './engine.js'
import { liveMetricsService } from './service.js'
import type { AlarmRuleSource } from './alarms-runner.js'
import { LIVE_INSTANCE_HEADER } from './partitions.js'
import { tenantsOf } from './ownership.js'
import { wallboardService } from '../web/server/index.js'

const TENANTS = ['north', 'south', 'east', 'west']
const keyOf = (tenant: string) => `key-${tenant}-0123456789abcdef`
const displayTokenOf = (tenant: string) => `display-${tenant}-0123456789abcdef`
const INSTANCES = ['live-a', 'live-b']
const { timeZone, utcOffsetMinutes } = lateMorningZone()
const dir = tempDir('live-partitions')
const namespace = uniqueNamespace()
const config = testConfig(dir.path, {
  MOFANG_API_KEYS: TENANTS.map((t) => `${t}:${keyOf(t)}`).join(','),
  MOFANG_DISPLAY_TOKENS: TENANTS.map((t) => `${t}:${displayTokenOf(t)}`).join(','),
  MOFANG_TIMEZONE: timeZone,
})
const decoder = new TextDecoder()

/** The newest snapshot of each tenant on NATS, and which instance published it. */
const latest = new Map<string, { snap: Snapshot; from: string }>()
const expected = new Map<string, Snapshot>()
let sys: RunningSystem
let snapshots: Subscription
const running = new Map<string, { service: Service; nats: NatsLink }>()

/** Alarms on, with no rules: the instances answer acknowledgements (of alarms they do not have). */
const noWallRules: AlarmRuleSource = { rules: () => [], onChange: () => () => {}, close() {} }

const startInstance = async (id: string) => {
  const nats = await connectNats({ servers: sys.localNats!.url, name: id })
  const ctx: ServiceContext = {
    ...sys,
    nats,
    js: jetstream(nats.nc),
    jsm: await jetstreamManager(nats.nc),
    log: () => {},
  }
  const service = await liveMetricsService({
    timeZone,
    alarms: { walls: noWallRules },
    partitions: { instanceId: id, heartbeatMs: 300, ttlMs: 3_000, handoverMs: 60_000 },
  })(ctx)
  running.set(id, { service, nats })
}
const stopInstance = async (id: string) => {
  const { service, nats } = running.get(id)!
  running.delete(id)
  await service.stop()
  await nats.close()
}
const healthOf = async (id: string) =>
  (await running.get(id)!.service.health!()).detail as { owned: string[]; handing_over: string[]; rebuilt: boolean }

/** The day's figures a wall shows, without the clock-dependent ones. */
const counts = (snap: Snapshot) => {
  const { offered, answered, abandoned, handled } = snap.totals.windows.today
  return { offered, answered, abandoned, handled, last_event_ts: snap.last_event_ts }
}

/** Every tenant's newest snapshot comes from its owner in `owners`, with the day's full counts. */
const servedBy = (owners: Map<string, string>) => async () =>
  TENANTS.every((t) => {
    const got = latest.get(t)
    return (
      got !== undefined &&
      got.from === owners.get(t) &&
      JSON.stringify(counts(got.snap)) === JSON.stringify(counts(expected.get(t)!))
    )
  })

/** The wallboard server (no live engine of its own) shows every tenant's whole day, whichever instance serves it. */
const wallShowsTheDay = async () => {
  for (const t of TENANTS) {
    const res = await fetch(`${sys.url}/api/snapshot`, { headers: { authorization: `Bearer ${displayTokenOf(t)}` } })
    const snap = (await res.json()) as Snapshot
    if (snap.tenant !== t || JSON.stringify(counts(snap)) !== JSON.stringify(counts(expected.get(t)!))) return false
  }
  return true
}

const ownersWith = (members: string[]) =>
  new Map(members.flatMap((m) => tenantsOf(m, TENANTS, members).map((t) => [t, m] as const)))

beforeAll(async () => {
  sys = await startSystem({ config, namespace, services: [wallboardService()], log: () => {} })
  // Half an hour of this morning's traffic per tenant, at different rates so no two tenants' counts are alike.
  const now = Date.now()
  for (const [i, tenant] of TENANTS.entries()) {
    const events = generate({
      tenant,
      seed: 11 + i,
      start: now - 40 * 60_000,
      durationMs: 30 * 60_000,
      ratePerHour: 120 * (i + 1),
      utcOffsetMinutes,
    }).filter((e) => e.ts <= now - 5_000)
    const res = await postEvents(sys.url, JSON.stringify(events), { authorization: `Bearer ${keyOf(tenant)}` })
    expect(res.status).toBe(202)
    // What the wall must show: an engine fed the same events directly.
    const reference = createLiveMetrics({ timeZone })
    reference.rebuild(events.map((e) => ({ ...e, v: 1, payload: e.payload ?? {}, received_at: now }) as StoredEvent))
    expected.set(tenant, reference.snapshot(tenant, now))
  }
  snapshots = sys.nats.nc.subscribe(`${sys.topology.liveSubject}.*`, {
    callback: (_err, msg) => {
      const snap = JSON.parse(decoder.decode(msg.data)) as Snapshot
      latest.set(snap.tenant, { snap, from: msg.headers?.get(LIVE_INSTANCE_HEADER) ?? '' })
    },
  })
}, 60_000)

afterAll(async () => {
  snapshots?.unsubscribe()
  // A dead instance's stop meets a closed connection: what matters is that nothing is left running.
  await Promise.allSettled([...running.keys()].map(stopInstance))
  await sys?.stop()
  dir.remove()
})

describe('partitioned live metrics', () => {
  it('shares the four tenants out between two instances, each tenant served by exactly one', async () => {
    const owners = ownersWith(INSTANCES)
    // The test's premise: with these ids each instance owns some tenants.
    expect(new Set(owners.values())).toEqual(new Set(INSTANCES))
    for (const t of TENANTS) expect(counts(expected.get(t)!).offered).toBeGreaterThan(0)
    await Promise.all(INSTANCES.map(startInstance))
    await eventually(
      async () => {
        const [a, b] = await Promise.all(INSTANCES.map(healthOf))
        return a.owned.length + b.owned.length === TENANTS.length && a.rebuilt && b.rebuilt
      },
      { timeoutMs: 30_000, what: 'both instances to own their tenants' },
    )
    const [a, b] = await Promise.all(INSTANCES.map(healthOf))
    expect([...a.owned, ...b.owned].sort()).toEqual([...TENANTS].sort())
    expect(a.owned).toEqual(tenantsOf('live-a', TENANTS, INSTANCES).sort())
    await eventually(servedBy(owners), { timeoutMs: 30_000, what: 'every tenant served by its owner' })
    await eventually(wallShowsTheDay, { timeoutMs: 30_000, what: 'the wall showing every tenant' })
  }, 60_000)

  it("answers a tenant's alarm acknowledgements from its owner only", async () => {
    for (const t of TENANTS) {
      // Every instance hears the request; all replies within a second are collected (a second one would be a bug).
      const replies = await sys.nats.nc.requestMany(
        alarmAckSubject(sys.topology, t),
        JSON.stringify({ key: 'no-such-alarm', by: 'lin' }),
        { strategy: 'timer', maxWait: 1_000 },
      )
      const answers: unknown[] = []
      for await (const reply of replies) answers.push(JSON.parse(decoder.decode(reply.data)))
      expect(answers).toEqual([{ error: 'not_found' }])
    }
  }, 30_000)

  it('moves the tenants of an instance that stops to the other, replayed in full', async () => {
    await stopInstance('live-a')
    await eventually(async () => (await healthOf('live-b')).owned.length === TENANTS.length, {
      timeoutMs: 30_000,
      what: 'live-b to own every tenant',
    })
    await eventually(servedBy(ownersWith(['live-b'])), { timeoutMs: 30_000, what: 'every tenant served by live-b' })
    await eventually(wallShowsTheDay, { timeoutMs: 30_000, what: 'the wall showing every tenant' })
  }, 60_000)

  it('gives the tenants back when the instance starts again', async () => {
    await startInstance('live-a')
    const owners = ownersWith(INSTANCES)
    await eventually(servedBy(owners), { timeoutMs: 30_000, what: 'the tenants back with their owners' })
    // live-b saw live-a's snapshots and dropped what it handed over.
    await eventually(
      async () => {
        const b = await healthOf('live-b')
        return b.handing_over.length === 0 && b.owned.join() === tenantsOf('live-b', TENANTS, INSTANCES).sort().join()
      },
      { timeoutMs: 30_000, what: 'live-b to finish the hand-over' },
    )
  }, 60_000)

  it('moves the tenants of an instance that dies once its member entry has expired', async () => {
    const dead = running.get('live-b')!
    running.delete('live-b')
    await dead.nats.close() // no goodbye: its entry stays in the bucket until the bucket's max age removes it
    await eventually(servedBy(ownersWith(['live-a'])), { timeoutMs: 30_000, what: 'every tenant served by live-a' })
    expect((await healthOf('live-a')).owned).toEqual([...TENANTS].sort())
    await dead.service.stop().catch(() => {})
  }, 60_000)
})
