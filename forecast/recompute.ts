/**
 * One forecast run: history from ClickHouse → a forecast per tenant, queue and
 * channel for today and the coming days (15-minute intervals, local time) →
 * required agents (Erlang C with the queue's own AHT; chat channels with several
 * chats per agent, kits/erlang chat.ts) → rows for `forecasts`.
 * A series the library cannot forecast (too little history) is skipped with a
 * reason, never fails the run.
 *
 * The forecast trains on whole days only: today's partial day (and the partial
 * first day of the history window) would drag the daily level down. So the stored
 * forecast for today is the day-ahead one and stays put through the day, and
 * today's actuals so far feed the intraday re-forecast instead (reforecast.ts):
 * the rest of today and tomorrow, scaled by how today is running. The re-forecast
 * is returned, not stored; the service keeps the latest for the planner API.
 */
import { createYielder } from '../core/index.js'
import { loadQuery, type Warehouse } from '../warehouse/index.js'
import { forecastSeries, type ForecastRow } from './forecast.js'
import { reforecastDay } from './reforecast.js'
import { parseLocalTimestamp, dayOf, minuteOfDay, type Point } from './series.js'
import { staff, type ServiceTarget } from '../kits/erlang/index.js'
import { fromLocalMinutes, toLocalMinutes } from './local-time.js'
import { DEFAULT_CHAT, DEFAULT_TARGETS, staffingTarget, type ChatStaffing } from './service-settings.js'

const STEP_MIN = 15

export interface SeriesKey {
  tenant: string
  queue: string
  channel: string
}

export interface StoredForecast extends SeriesKey {
  /** Interval start, ms since the epoch (DateTime64 takes integer ms). */
  interval_start: number
  forecast: number
  lo: number
  hi: number
  required_agents: number
  aht_s: number
  sl_target: number
  sl_threshold_s: number
  method: string
  generated_at: number
}

export interface RecomputeOptions {
  timeZone: string
  now: number
  historyDays: number
  days: number
  targets?: Record<string, ServiceTarget>
  /** Chats per agent on chat channels. Default 3 (DEFAULT_CHAT). */
  chat?: ChatStaffing
  defaultAht: number
}

/** A forecast series' history and the method its forecast used (the weather uplift learns against it). */
export interface SeriesHistory {
  key: SeriesKey
  /** Offered per interval, local minutes, oldest first. */
  points: Point[]
  method: string
}

/** The intraday re-forecast of one interval (the rest of today and tomorrow). */
export interface ReforecastRow extends SeriesKey {
  /** Interval start, ms since the epoch. */
  interval_start: number
  reforecast: number
  lo: number
  hi: number
  required_agents: number
  /** Multiplier applied to the stored forecast of this interval. */
  ratio: number
  generated_at: number
}

export interface RecomputeResult {
  rows: StoredForecast[]
  /** Re-forecast of the rest of today and tomorrow from today's actuals so far, per series. */
  reforecast: ReforecastRow[]
  series: number
  skipped: { key: SeriesKey; reason: string }[]
  /** One per forecast series (skipped series are left out). */
  histories: SeriesHistory[]
}

const keyOf = (k: SeriesKey) => `${k.tenant}\u0000${k.queue}\u0000${k.channel}`

/** Forecasts a series, trying `auto` first and the plain 4-week mean when history is too short for model selection. */
function forecastOne(points: Point[], targets: number[]): { method: string; rows: ForecastRow[] } {
  try {
    return forecastSeries(points, targets)
  } catch {
    return forecastSeries(points, targets, { method: 'mean_weeks' })
  }
}

/** Forecasts from whole past days; a series with none yet (new today) forecasts from what it has. */
function forecastFromWholeDays(
  points: Point[],
  targets: number[],
  firstWholeDay: number,
  today: number,
): { method: string; rows: ForecastRow[] } {
  const whole = points.filter((p) => dayOf(p.t) >= firstWholeDay && dayOf(p.t) < today)
  try {
    return forecastOne(whole, targets)
  } catch (err) {
    if (whole.length === points.length) throw err
    return forecastOne(points, targets)
  }
}

/**
 * Pure part: history rows + AHT per series → rows to store. Async only to hand the event loop back between series
 * and rows: the run at start forecasts and staffs every tenant's series on the main thread (tens of ms each).
 */
export async function buildForecasts(
  history: readonly (SeriesKey & { local_ts: string; offered: number })[],
  aht: ReadonlyMap<string, number>,
  opts: RecomputeOptions,
): Promise<RecomputeResult> {
  const maybeYield = createYielder(50)
  const bySeries = new Map<string, { key: SeriesKey; points: Point[] }>()
  for (const h of history) {
    const t = parseLocalTimestamp(h.local_ts)
    if (typeof t === 'string') continue
    const k = keyOf(h)
    const s = bySeries.get(k) ?? { key: { tenant: h.tenant, queue: h.queue, channel: h.channel }, points: [] }
    s.points.push({ t, count: Number(h.offered) })
    bySeries.set(k, s)
  }
  const nowLocal = toLocalMinutes(opts.now, opts.timeZone)
  const today = dayOf(nowLocal)
  const firstWholeDay = dayOf(nowLocal - opts.historyDays * 1440) + 1
  const firstDay = today * 1440
  const targets = Array.from({ length: (opts.days * 1440) / STEP_MIN }, (_, i) => firstDay + i * STEP_MIN)
  const result: RecomputeResult = { rows: [], reforecast: [], series: 0, skipped: [], histories: [] }
  for (const { key, points } of bySeries.values()) {
    await maybeYield()
    points.sort((a, b) => a.t - b.t)
    let fc: { method: string; rows: ForecastRow[] }
    try {
      fc = forecastFromWholeDays(points, targets, firstWholeDay, today)
    } catch (err) {
      result.skipped.push({ key, reason: (err as Error).message })
      continue
    }
    result.series++
    result.histories.push({ key, points, method: fc.method })
    const seconds = aht.get(keyOf(key)) ?? opts.defaultAht
    const target = staffingTarget(opts.targets ?? DEFAULT_TARGETS, opts.chat ?? DEFAULT_CHAT, key.queue, key.channel)
    for (const r of fc.rows) {
      await maybeYield()
      const forecast = Math.max(0, r.forecast)
      result.rows.push({
        ...key,
        interval_start: fromLocalMinutes(r.t, opts.timeZone),
        forecast,
        lo: Math.max(0, r.lo),
        hi: Math.max(0, r.hi),
        required_agents: staff({ lambda: forecast / (STEP_MIN * 60), aht: seconds }, target).required,
        aht_s: seconds,
        sl_target: target.serviceLevel,
        sl_threshold_s: target.threshold,
        method: fc.method,
        generated_at: opts.now,
      })
    }
    const staffFor = (volume: number) => staff({ lambda: volume / (STEP_MIN * 60), aht: seconds }, target).required
    result.reforecast.push(...reforecastRows(key, points, fc.rows, nowLocal, opts, staffFor))
  }
  return result
}

/** Re-forecast rows of one series: today's intervals from now on, and tomorrow's. */
function reforecastRows(
  key: SeriesKey,
  points: readonly Point[],
  rows: readonly ForecastRow[],
  nowLocal: number,
  opts: RecomputeOptions,
  staffFor: (volume: number) => number,
): ReforecastRow[] {
  const today = dayOf(nowLocal)
  const slot = (t: number) => Math.floor(minuteOfDay(t) / STEP_MIN)
  const expected = new Float64Array(1440 / STEP_MIN)
  const actual = new Float64Array(1440 / STEP_MIN)
  for (const r of rows) if (dayOf(r.t) === today) expected[slot(r.t)] = r.forecast
  for (const p of points) if (dayOf(p.t) === today) actual[slot(p.t)] += p.count
  const nowSlot = slot(nowLocal)
  const rf = reforecastDay(expected, actual, nowSlot)
  const out: ReforecastRow[] = []
  const push = (r: ForecastRow, ratio: number) => {
    const reforecast = Math.max(0, r.forecast * ratio)
    out.push({
      ...key,
      interval_start: fromLocalMinutes(r.t, opts.timeZone),
      reforecast,
      lo: Math.max(0, r.lo * ratio),
      hi: Math.max(0, r.hi * ratio),
      required_agents: staffFor(reforecast),
      ratio,
      generated_at: opts.now,
    })
  }
  for (const r of rows) {
    if (dayOf(r.t) === today && slot(r.t) >= nowSlot) push(r, rf.ratio)
    else if (dayOf(r.t) === today + 1) push(r, rf.tomorrow)
  }
  return out
}

/** Reads history and AHT, forecasts, and stores the rows. */
export async function recomputeForecasts(warehouse: Warehouse, opts: RecomputeOptions): Promise<RecomputeResult> {
  const history = await warehouse.query<SeriesKey & { local_ts: string; offered: number }>(
    loadQuery('forecast_history'),
    { since_days: opts.historyDays, tz: opts.timeZone },
  )
  const ahtRows = await warehouse.query<SeriesKey & { aht_s: number }>(loadQuery('forecast_aht'), {
    since_days: Math.min(opts.historyDays, 28),
  })
  const aht = new Map(ahtRows.filter((r) => Number(r.aht_s) > 0).map((r) => [keyOf(r), Number(r.aht_s)]))
  const result = await buildForecasts(history, aht, opts)
  if (result.rows.length) await warehouse.insert('forecasts', result.rows)
  return result
}
