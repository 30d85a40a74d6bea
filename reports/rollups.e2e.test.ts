/**
 * The rollup cross-check: over a simulated month (the simulator's generator, stored as the warehouse sink stores
 * events, plus made-up QA results and forecasts), the reports read from the daily rollups, built day by day in runs
 * of a week, give exactly the figures of the same reports computed from raw events in one pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportAnswer, ReportFilters, ReportPeriod } from '../core/contracts/index.js'
import type { Warehouse } from '../core/index.js'
import { tempDir } from '../testing/env.js'
import { localDay, parseDay, spanOf } from './period.js'
import { buildReport } from './report.js'
import { Rollups } from './rollups.js'
import { at, TZ } from './test-helpers/events.js'
import { reportWarehouse, simulatedEvents, storeEvents, storeQaResults } from './test-helpers/warehouse.js'

const T = 'sim'
const dir = tempDir('report-rollups')
let wh: Warehouse
let rollups: Rollups
let qaRows = 0

beforeAll(async () => {
  wh = await reportWarehouse(dir.path)
  // 40 days: the rest of January (the previous period of a February report) and February.
  const events = simulatedEvents({ tenant: T, start: at('2026-01-20 00:00:00'), days: 40, rate: 40, agents: 12 })
  await storeEvents(wh, events)
  qaRows = await storeQaResults(wh, events)
  // Required agents for the first week of February (one queue, every 15 minutes from 08:00 to 20:00).
  const forecasts = []
  for (let d = 0; d < 7; d++)
    for (let m = 8 * 60; m < 20 * 60; m += 15)
      forecasts.push({
        tenant: T,
        queue: 'repair',
        channel: 'voice',
        interval_start: at('2026-02-01 00:00:00') + d * 86_400_000 + m * 60_000,
        forecast: 10,
        lo: 8,
        hi: 12,
        required_agents: 3 + (m % 4),
        aht_s: 300,
        sl_target: 0.8,
        sl_threshold_s: 20,
        method: 'test',
        generated_at: Date.now(),
      })
  await wh.insert('forecasts', forecasts)
  rollups = new Rollups(wh, { timeZone: TZ, repeatDays: 7 })
}, 600_000)
afterAll(async () => {
  await wh?.close()
  dir.remove()
})

async function both(period: ReportPeriod, date: string, filters: ReportFilters = {}) {
  const span = spanOf(period, localDay(Date.now(), TZ), { day: parseDay(date)! })
  const req = { tenant: T, span, filters }
  const rollup = await buildReport(wh, rollups, req)
  const raw = await buildReport(wh, rollups, { ...req, source: 'raw' })
  const comparable = (r: ReportAnswer) => ({ ...r, generated_at: 0, source: '' })
  return { rollup, raw: comparable(raw), same: comparable(rollup) }
}

describe('daily rollups against raw events', () => {
  it('the materialized views saw the stored events: every day is marked changed', async () => {
    const [row] = await wh.query<{ hours: number }>(
      'SELECT count() AS hours FROM report_changes FINAL WHERE tenant = {t:String}',
      { t: T },
    )
    expect(Number(row.hours)).toBeGreaterThan(40 * 20)
  })

  it('a monthly report: the same figures from the rollups as from raw events', { timeout: 600_000 }, async () => {
    const { rollup, raw, same } = await both('monthly', '2026-02-10')
    expect(rollup.source).toBe('rollup')
    expect(rollup.range).toMatchObject({ start: '2026-02-01', end: '2026-02-28' })
    expect(rollup.previous_range).toMatchObject({ start: '2026-01-01', end: '2026-01-31' })
    expect(same).toEqual(raw)
    // The month is not empty: every kind of figure is there to compare.
    const v = Object.fromEntries(rollup.metrics.map((m) => [m.id, m.value]))
    for (const id of ['offered', 'aht', 'fcr', 'tickets_created', 'csat', 'qa_score', 'occupancy', 'required_hours'])
      expect(v[id], id).toBeGreaterThan(0)
    expect(qaRows).toBeGreaterThan(100)
    expect(rollup.agents.length).toBeGreaterThan(5)
    expect(rollup.top.some((t) => t.kind === 'error_code')).toBe(true)
    expect(rollup.metrics[0].series).toHaveLength(28)
  })

  it('weekly reports narrowed by team and by channel: the same both ways', { timeout: 300_000 }, async () => {
    const first = await both('weekly', '2026-02-11')
    const team = first.rollup.teams[0].key
    const byTeam = await both('weekly', '2026-02-11', { team })
    expect(byTeam.same).toEqual(byTeam.raw)
    const byChannel = await both('weekly', '2026-02-18', { channel: 'voice' })
    expect(byChannel.same).toEqual(byChannel.raw)
    expect(byChannel.rollup.metrics.find((m) => m.id === 'offered')!.value).toBeGreaterThan(0)
  })

  it('a rollup is built once: reading it again builds nothing', async () => {
    const span = spanOf('weekly', localDay(Date.now(), TZ), { day: parseDay('2026-02-11')! })
    const before = await rollups.refresh(T, { first: span.previous.first, last: span.current.last })
    const after = await rollups.refresh(T, { first: span.previous.first, last: span.current.last })
    expect([...after]).toEqual([...before])
  })
})
