/**
 * The wall's QA figures survive a restart. Simulated chats (and one abusive chat, which raises a QA alert) go
 * through the real system (ingest → JetStream → sink → ClickHouse → QA service); the QA service publishes results
 * and alerts through JetStream, with surge-style alerts beside them: one that stays, one cleared (raised again with
 * ttl_ms 0) and one already expired. The snapshot's QA section and alerts are read, the system is stopped and
 * started again on the same data directory and NATS store, and once the live service says it has rebuilt, the
 * snapshot's QA section and alerts must be equal. Needs a build (`npm run build`: dist/qa/worker.js).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startSystem, type RunningSystem } from '../system/system.js'
import { rootDir } from '../core/compiled.js'
import { eventually, postEvents, tempDir, testConfig, uniqueNamespace, TEST_TENANT } from '../testing/env.js'
import { generate } from '../simulator/generate.js'
import { QA_END_TYPES, qaConsumerName, qaService } from '../qa/service.js'
import { publishAlert, publishQaResult } from '../bus/qa-alerts.js'
import { liveMetricsService } from './service.js'
import { chatEvents } from '../qa/test-helpers/chat-events.js'
import type { AlertInput, QaResultInput, Snapshot } from '../core/contracts/index.js'

const built = existsSync(join(rootDir(), 'dist', 'qa', 'worker.js'))
if (!built) console.warn('SKIP QA restart test: needs `npm run build` (dist/qa/worker.js)')

const ABUSIVE = 'qa-restart-abusive'
const decoder = new TextDecoder()

/**
 * A fixed-offset zone where it is about noon now, so the test never straddles a local midnight: "today" is the same
 * day before and after the restart.
 */
function noonZone(now: number): string {
  const offset = 12 - new Date(now).getUTCHours() // −11 … 12
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`
}

const TIME_ZONE = noonZone(Date.now())
const dir = tempDir('qa-restart')
const namespace = uniqueNamespace()
const config = testConfig(dir.path, { MOFANG_TIMEZONE: TIME_ZONE })
const start = () =>
  startSystem({
    config,
    namespace,
    services: [liveMetricsService({ timeZone: TIME_ZONE }), qaService({ workers: 1 })],
    log: () => {},
  })

/** A chat whose agent tells the customer to get lost: a critical flag, so a QA alert. */
const abusiveChat = (t0: number) =>
  chatEvents({
    tenant: TEST_TENANT,
    interactionId: ABUSIVE,
    t0,
    openid: 'o-restart',
    agentId: 'a-rude',
    turns: [
      ['customer', '你好，我的电脑蓝屏了'],
      ['agent', '这不归我们管，你自己去问厂家。'],
      ['agent', '滚'],
    ],
  })

/** The next snapshot of the tenant computed after `after` (ms), from the live service's subject. */
function nextSnapshot(sys: RunningSystem, after = Date.now()): Promise<Snapshot> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (sub.unsubscribe(), reject(new Error('no snapshot within 10 s'))), 10_000)
    const sub = sys.nats.nc.subscribe(`${sys.topology.liveSubject}.${TEST_TENANT}`, {
      callback: (_e, m) => {
        const snap = JSON.parse(decoder.decode(m.data)) as Snapshot
        if (snap.as_of <= after) return
        clearTimeout(timer)
        sub.unsubscribe()
        resolve(snap)
      },
    })
  })
}

/** True once both QA consumers have nothing left to deliver or waiting for an ack: every result is published. */
async function qaDrained(sys: RunningSystem): Promise<boolean> {
  const jsm = await jetstreamManager(sys.nats.nc)
  const infos = await Promise.all(
    QA_END_TYPES.map((type) => jsm.consumers.info(sys.topology.eventStream, qaConsumerName(sys.topology.prefix, type))),
  )
  return infos.every((i) => i.num_pending === 0 && i.num_ack_pending === 0)
}

const liveHealth = async (sys: RunningSystem) =>
  (await sys.services.find((s) => s.name === 'live_metrics')!.health!()).detail as { rebuilt: boolean }

describe.skipIf(!built)('QA figures and alerts on the wall across a restart', () => {
  let sys: RunningSystem
  const published: QaResultInput[] = []

  beforeAll(async () => {
    sys = await start()
    sys.nats.nc.subscribe(`${sys.topology.qaSubject}.*`, {
      callback: (_e, m) => void published.push(JSON.parse(decoder.decode(m.data)) as QaResultInput),
    })
  }, 60_000)

  afterAll(async () => {
    await sys?.stop()
    dir.remove()
  })

  it('shows the same QA average, flagged share, sentiment and alerts after the restart', async () => {
    // Ten minutes of a Monday 10:00 in China, chats only (tickets are scored too, but are not needed here).
    const events = generate({
      tenant: TEST_TENANT,
      seed: 11,
      start: Date.UTC(2025, 2, 3, 2),
      durationMs: 10 * 60_000,
      ratePerHour: 600,
    }).filter((e) => !e.type.startsWith('ticket.'))
    for (let i = 0; i < events.length; i += 2000)
      expect((await postEvents(sys.url, JSON.stringify(events.slice(i, i + 2000)))).status).toBe(202)
    expect((await postEvents(sys.url, JSON.stringify(abusiveChat(Date.now() - 60_000)))).status).toBe(202)

    // Alerts from another part (the forecast's surge watch publishes the same way).
    const js = jetstream(sys.nats.nc)
    const now = Date.now()
    const surge = (id: string, ts: number, ttl_ms: number): AlertInput => ({
      tenant: TEST_TENANT,
      id,
      severity: 'warning',
      text: `Weather surge ${id}`,
      ts,
      source: 'forecast',
      ttl_ms,
    })
    await publishAlert(js, sys.topology, surge('weather-surge-east', now, 6 * 3_600_000))
    await publishAlert(js, sys.topology, surge('weather-surge-west', now, 6 * 3_600_000))
    await publishAlert(js, sys.topology, surge('weather-surge-west', now + 1, 0)) // cleared
    await publishAlert(js, sys.topology, surge('weather-surge-north', now - 600_000, 60_000)) // expired
    // A retried publish (same Nats-Msg-Id) is dropped by the stream's duplicate window.
    const again = await publishAlert(js, sys.topology, surge('weather-surge-east', now, 6 * 3_600_000))
    expect(again.duplicate).toBe(true)

    await eventually(() => qaDrained(sys), { timeoutMs: 90_000, intervalMs: 250, what: 'every chat scored' })
    const [{ n: stored }] = await sys.warehouse.query<{ n: number }>(
      'SELECT toUInt32(count()) AS n FROM qa_results FINAL WHERE tenant = {t:String}',
      { t: TEST_TENANT },
    )
    expect(stored).toBeGreaterThan(5)
    const first = published.find((p) => p.interaction_id === ABUSIVE)
    expect(first).toBeDefined()
    expect((await publishQaResult(js, sys.topology, first!)).duplicate).toBe(true)

    const before = (await eventually(
      async () => {
        const snap = await nextSnapshot(sys)
        return snap.qa.today_count === stored ? snap : null
      },
      { timeoutMs: 20_000, intervalMs: 0, what: 'every QA result on the wall' },
    ))!
    expect(before.qa.today_avg_score).not.toBeNull()
    expect(before.qa.today_flagged_pct).toBeGreaterThan(0)
    expect(before.alerts.map((a) => a.id)).toEqual([`qa:${ABUSIVE}`, 'weather-surge-east'])

    await sys.stop()
    sys = await start()
    await eventually(async () => (await liveHealth(sys)).rebuilt, { timeoutMs: 30_000, what: 'the rebuilt wall' })
    const after = await nextSnapshot(sys)

    expect(after.qa).toEqual(before.qa)
    expect(after.alerts).toEqual(before.alerts)
  }, 180_000)
})
