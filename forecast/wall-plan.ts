/**
 * The walls' plans: for every tenant with a stored forecast today, today's forecast and latest intraday re-forecast
 * per series (all, per queue, per channel) and each agent's shifts today from the roster covering today, published
 * on core NATS (`wallPlanSubject`) for the live metrics service, which merges them into the snapshot the walls read
 * (a display token has no planner role, so the wall cannot call the planner API). Published after each forecast
 * run and roster change, and every minute: core NATS keeps nothing, so a live service that (re)started has it
 * within a minute, and a new day's plan replaces the old one.
 */
import type { Warehouse } from '../warehouse/index.js'
import { loadQuery } from '../warehouse/index.js'
import type { PlanSeries, PlanShift, RosterAnswer, WallPlan } from '../core/contracts/index.js'
import { shiftsOnDay } from '../roster/index.js'
import { fromLocalMinutes, toLocalMinutes } from '../kits/time/index.js'
import type { ReforecastRow } from './recompute.js'
import { ROSTER_DAYS } from './roster-api.js'
import type { RosterStore } from './roster-store.js'
import { dayOf, formatDay } from './series.js'

const STEP_MS = 15 * 60_000

/** A stored forecast interval of one tenant, queue and channel (query wall_plan_forecast). */
export interface PlanForecastRow {
  tenant: string
  queue: string
  channel: string
  t: number
  forecast: number
}

/** The series keys a contact of this queue and channel counts in, as the live snapshot keys its series. */
const seriesKeys = (queue: string, channel: string) => ['all', `queue:${queue}`, `channel:${channel}`]

/**
 * One tenant's plan for the local day starting at `dayStart` (ms; `dayEnd` the next midnight). Forecasts and
 * re-forecasts are summed per series; shifts are the roster's that touch the day (breaks included). Pure.
 */
export function wallPlanOf(p: {
  tenant: string
  date: string
  dayStart: number
  dayEnd: number
  forecasts: readonly PlanForecastRow[]
  reforecasts: readonly ReforecastRow[]
  roster: RosterAnswer | undefined
  timeZone: string
  now: number
}): WallPlan {
  const n = Math.round((p.dayEnd - p.dayStart) / STEP_MS)
  const series: Record<string, PlanSeries> = {}
  const seriesOf = (key: string) =>
    (series[key] ??= { forecast: new Array<number>(n).fill(0), reforecast: new Array<number | null>(n).fill(null) })
  const slot = (t: number) => Math.floor((t - p.dayStart) / STEP_MS)
  for (const r of p.forecasts) {
    const i = slot(Number(r.t))
    if (i >= 0 && i < n)
      for (const key of seriesKeys(r.queue, r.channel)) seriesOf(key).forecast[i] += Number(r.forecast)
  }
  for (const r of p.reforecasts) {
    const i = slot(r.interval_start)
    if (r.tenant !== p.tenant || i < 0 || i >= n) continue
    for (const key of seriesKeys(r.queue, r.channel)) {
      const s = seriesOf(key)
      s.reforecast[i] = (s.reforecast[i] ?? 0) + r.reforecast
    }
  }
  const round = (v: number) => Math.round(v * 100) / 100
  for (const s of Object.values(series)) {
    s.forecast = s.forecast.map(round)
    s.reforecast = s.reforecast.map((v) => (v === null ? null : round(v)))
  }
  const shifts: PlanShift[] = []
  if (p.roster) {
    const midnight = toLocalMinutes(p.dayStart, p.timeZone)
    // Day numbers: local dates counted as days since 1970-01-01, as the forecast's local minutes count them.
    const day = dayOf(midnight) - Date.parse(`${p.roster.week}T00:00:00Z`) / 86_400_000
    const at = (m: number) => fromLocalMinutes(midnight + m, p.timeZone)
    for (const a of p.roster.roster.agents)
      for (const s of shiftsOnDay(a, day))
        shifts.push({
          agent_id: a.id,
          start: at(s.start),
          end: at(s.end),
          breaks: s.breaks.map((b) => ({ start: at(b.start), end: at(b.end) })),
        })
  }
  return {
    tenant: p.tenant,
    date: p.date,
    day_start: p.dayStart,
    step_ms: STEP_MS,
    generated_at: p.now,
    series,
    roster_week: p.roster?.week ?? null,
    roster_version: p.roster?.version ?? null,
    shifts,
  }
}

export interface WallPlansOptions {
  warehouse: Warehouse
  store: RosterStore
  timeZone: string
  /** The latest re-forecast rows (every tenant). */
  reforecast(): readonly ReforecastRow[]
  publish(plan: WallPlan): void
  /** Milliseconds between publications. Default 60,000. */
  everyMs?: number
  log(line: string): void
}

export interface WallPlans {
  /** Builds and publishes every tenant's plan now (after a forecast run or a roster change). */
  refresh(): Promise<void>
  stop(): Promise<void>
}

export function wallPlans(opts: WallPlansOptions): WallPlans {
  const sql = loadQuery('wall_plan_forecast')
  const tz = opts.timeZone
  // One refresh at a time; a request meanwhile runs once after it, with what is newest then.
  let running: Promise<void> = Promise.resolve()
  let queued = false
  let failing = false

  async function publishAll(): Promise<void> {
    const now = Date.now()
    const today = dayOf(toLocalMinutes(now, tz))
    const dayStart = fromLocalMinutes(today * 1440, tz)
    const dayEnd = fromLocalMinutes((today + 1) * 1440, tz)
    const rows = await opts.warehouse.query<PlanForecastRow>(sql, { from_ms: dayStart, to_ms: dayEnd })
    const byTenant = new Map<string, PlanForecastRow[]>()
    for (const r of rows) byTenant.set(r.tenant, [...(byTenant.get(r.tenant) ?? []), r])
    const date = formatDay(today)
    for (const [tenant, forecasts] of byTenant) {
      const roster = await opts.store.covering(tenant, date, ROSTER_DAYS)
      const plan = wallPlanOf({
        tenant,
        date,
        dayStart,
        dayEnd,
        forecasts,
        reforecasts: opts.reforecast(),
        roster,
        timeZone: tz,
        now,
      })
      opts.publish(plan)
    }
  }

  const refresh = (): Promise<void> => {
    if (queued) return running
    queued = true
    running = running.then(async () => {
      queued = false
      try {
        await publishAll()
        failing = false
      } catch (err) {
        // Once per failing stretch: the timer retries every minute.
        if (!failing) opts.log(`wall plan: ${(err as Error).message}`)
        failing = true
      }
    })
    return running
  }
  const timer = setInterval(() => void refresh(), opts.everyMs ?? 60_000)
  timer.unref()
  return {
    refresh,
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
