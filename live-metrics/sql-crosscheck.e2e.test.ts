/**
 * The live engine and the warehouse must tell the same story. A simulated
 * stretch of today goes through the real system (HTTP ingest → JetStream → live
 * metrics service + warehouse sink → ClickHouse); the live snapshot's "today"
 * rows and 15-minute series must equal sql/queries/contact_metrics.sql over the
 * same window: counts exactly, averages within 0.1 (both sides round num/den to 0.1 halves away from zero, but
 * a window's edge may cut a contact differently), the 15-minute series exactly.
 *
 * Then the system restarts on the same data directory: the live service replays
 * JetStream from the start of the local day, so the snapshot is rebuilt, not zeros.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startSystem, type RunningSystem } from '../system/system.js'
import { generate } from '../simulator/generate.js'
import { loadQuery } from '../warehouse/queries.js'
import { TEST_TENANT, eventually, postEvents, tempDir, testConfig, uniqueNamespace } from '../testing/env.js'
import { liveMetricsService } from './service.js'
import { wallboardService } from '../web/server/service.js'
import type { DimensionMetrics, Snapshot, WindowMetrics } from '../core/contracts/index.js'

const dir = tempDir('live-sql')
const namespace = uniqueNamespace()
const DISPLAY_TOKEN = 'crosscheck-display-token-0123'
const TIME_ZONE = 'Asia/Shanghai'
const config = testConfig(dir.path, {
  MOFANG_DISPLAY_TOKENS: `${TEST_TENANT}:${DISPLAY_TOKEN}`,
  MOFANG_TIMEZONE: TIME_ZONE,
})
/**
 * A fixed clock, 14:30 in Shanghai, still ticking: the simulated 150 minutes before it always fall inside one
 * local day, so the test gives the same answer at any time of day (it failed just after midnight before).
 * Only Date is faked; timers and I/O run for real.
 */
const FIXED_NOW = Date.parse('2026-11-02T14:30:00+08:00')
const start = () =>
  startSystem({
    config,
    namespace,
    services: [liveMetricsService({ timeZone: TIME_ZONE }), wallboardService()],
    log: () => {},
  })

interface SqlRow extends Record<string, number | string | null> {
  start_ms: number
  dimension: string
  name: string
}

const COUNTS = [
  'offered',
  'answered',
  'answered_in_sl',
  'abandoned',
  'abandoned_short',
  'transferred',
  'handled',
  'nps_responses',
  'csat_responses',
] as const
/** Counts that only grow as events arrive: equal on both sides means the live engine has read the whole stream. */
const TOTALS_THAT_GROW = ['offered', 'handled', 'nps_responses', 'csat_responses'] as const
const AVERAGES = ['sl_pct', 'abandon_pct', 'asa_s', 'aht_s', 'nps', 'csat_pct'] as const

let sys: RunningSystem
let posted = 0
let newestTs = 0

const snapshot = async (): Promise<Snapshot> => {
  const res = await fetch(`${sys.url}/api/snapshot`, { headers: { authorization: `Bearer ${DISPLAY_TOKEN}` } })
  return (await res.json()) as Snapshot
}

function sqlMetrics(fromMs: number, toMs: number, stepMinutes: number): Promise<SqlRow[]> {
  return sys.warehouse.query<SqlRow>(loadQuery('contact_metrics'), {
    tenant: TEST_TENANT,
    from_ms: fromMs,
    to_ms: toMs,
    tz: TIME_ZONE,
    step_minutes: stepMinutes,
    voice_sl_s: 20,
    chat_sl_s: 60,
    short_abandon_ms: 5000,
  })
}

function rowOf(snap: Snapshot, dimension: string, name: string): DimensionMetrics | undefined {
  if (dimension === 'all') return snap.totals
  const rows = { channel: snap.channels, queue: snap.queues, team: snap.teams }[dimension]
  return rows?.[name]
}

/** Mismatches between one SQL row and the live window, as readable lines (empty = agree). */
function differences(sql: SqlRow, live: WindowMetrics | undefined): string[] {
  const where = `${sql.dimension}:${sql.name}`
  if (!live) return [`${where}: missing from the live snapshot`]
  const out: string[] = []
  for (const k of COUNTS) if (Number(sql[k]) !== live[k]) out.push(`${where} ${k}: sql ${sql[k]} live ${live[k]}`)
  for (const k of AVERAGES) {
    const a = sql[k] === null ? null : Number(sql[k])
    const b = live[k]
    if (a === null || b === null ? a !== b : Math.abs(a - b) > 0.11) out.push(`${where} ${k}: sql ${a} live ${b}`)
  }
  return out
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: FIXED_NOW, shouldAdvanceTime: true })
  sys = await start()
  // About two and a half hours of traffic ending now: all of it inside the engine's 6 h retention.
  const now = Date.now()
  const events = generate({
    tenant: TEST_TENANT,
    seed: 7,
    start: now - 150 * 60_000,
    durationMs: 140 * 60_000,
    ratePerHour: 600,
  }).filter((e) => e.ts <= now - 5_000)
  for (let i = 0; i < events.length; i += 2_000) {
    const res = await postEvents(sys.url, JSON.stringify(events.slice(i, i + 2_000)))
    expect(res.status).toBe(202)
  }
  posted = events.length
  newestTs = Math.max(...events.map((e) => e.ts))
  await eventually(
    async () => Number((await sys.warehouse.query<{ n: number }>('SELECT count() AS n FROM events'))[0].n) === posted,
    { timeoutMs: 60_000, what: 'the sink' },
  )
  // The newest event's ts is not enough: one request's events go out as several messages, so the message holding
  // the newest ts may be consumed before its neighbours. Wait until the live totals count every contact SQL counts.
  await eventually(
    async () => {
      const snap = await snapshot()
      if (snap.last_event_ts !== newestTs) return false
      const [all] = (await sqlMetrics(snap.day_start, snap.as_of + 1, 0)).filter((r) => r.dimension === 'all')
      const live = snap.totals.windows.today
      return TOTALS_THAT_GROW.every((k) => Number(all[k]) === live[k])
    },
    { timeoutMs: 60_000, what: 'the live snapshot to count every event' },
  )
}, 240_000)

afterAll(async () => {
  await sys?.stop()
  vi.useRealTimers()
  dir.remove()
})

describe('live engine vs SQL over the same simulated day', () => {
  it('agrees on today per tenant, channel, queue and team', async () => {
    const snap = await snapshot()
    const rows = await sqlMetrics(snap.day_start, snap.as_of + 1, 0)
    expect(rows.length).toBeGreaterThan(10)
    expect(snap.totals.windows.today.offered).toBeGreaterThan(200)
    expect(snap.totals.windows.today.transferred).toBeGreaterThan(0)
    const diffs = rows.flatMap((r) => differences(r, rowOf(snap, r.dimension, r.name)?.windows.today))
    // Every live row with traffic today has its SQL twin.
    for (const [dimension, map] of [
      ['channel', snap.channels],
      ['queue', snap.queues],
      ['team', snap.teams],
    ] as const) {
      for (const [name, d] of Object.entries(map)) {
        if (
          d.windows.today.offered + d.windows.today.handled > 0 &&
          !rows.some((r) => r.dimension === dimension && r.name === name)
        )
          diffs.push(`${dimension}:${name}: missing from SQL`)
      }
    }
    expect(diffs).toEqual([])
  })

  it('agrees on every 15-minute interval of today, and /api/history serves the same', async () => {
    const snap = await snapshot()
    const rows = (await sqlMetrics(snap.day_start, snap.as_of + 1, 15)).filter((r) => r.dimension === 'all')
    const series = snap.series.all
    const fromSql = series.offered.map((_, i) => {
      const r = rows.find((x) => x.start_ms === series.start + i * series.step_ms)
      return r ? [r.offered, r.answered, r.abandoned, r.sl_pct === null ? null : Number(r.sl_pct)] : [0, 0, 0, null]
    })
    const live = series.offered.map((_, i) => [
      series.offered[i],
      series.answered[i],
      series.abandoned[i],
      series.sl_pct[i],
    ])
    expect(fromSql).toEqual(live)

    const date = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(snap.as_of)
    const res = await fetch(`${sys.url}/api/history?date=${date}`, {
      headers: { authorization: `Bearer ${DISPLAY_TOKEN}` },
    })
    const body = (await res.json()) as {
      intervals: { t: number; offered: number; answered: number; abandoned: number; sl_pct: number | null }[]
    }
    const history = series.offered.map((_, i) => {
      const r = body.intervals.find((x) => x.t === series.start + i * series.step_ms)
      return r ? [r.offered, r.answered, r.abandoned, r.sl_pct] : [0, 0, 0, null]
    })
    expect(history).toEqual(live)
  })
})

describe('restart', () => {
  it('rebuilds the live snapshot from JetStream after a restart on the same data directory', async () => {
    const before = (await snapshot()).totals.windows.today
    await sys.stop()
    sys = await start()
    // Same wait as above: the replay is in stream order, not ts order, so wait for the counts, then compare them all.
    const rebuilt = async () => {
      const snap = await snapshot()
      const today = snap.totals.windows.today
      return snap.last_event_ts === newestTs && TOTALS_THAT_GROW.every((k) => today[k] === before[k])
    }
    await eventually(rebuilt, { timeoutMs: 60_000, what: 'the rebuilt snapshot' })
    const after = (await snapshot()).totals.windows.today
    expect(after.offered).toBeGreaterThan(0)
    for (const k of COUNTS) expect(after[k], k).toBe(before[k])
  })
})
