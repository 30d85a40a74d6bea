/** The planner's what-if inputs, its plan rows and the CSV export (the data it plans from: core/contracts' PlannerData). */
import type { ForecastInterval, PlannerData } from '../../../../core/contracts/index.js'

/** What-if settings; undefined keeps each queue's own value from history. */
export interface WhatIf {
  /** Seconds. */
  aht?: number
  /** Share answered within the threshold, 0..1. */
  serviceLevel?: number
  /** Seconds. */
  threshold?: number
  /** Share of paid time off the phones, 0..1. */
  shrinkage: number
  /** Rain scenario, mm/h over the whole period (0 = none). */
  rainMmH: number
  /** Volume change per 10 mm/h of rain. */
  rainUpliftPer10mm: number
  /** Simple staffing plan: agents per open interval where no logins were seen. */
  plannedAgents?: number
  /** Only this queue; undefined = all. */
  queue?: string
}

export interface PlanInterval {
  t: number
  forecast: number
  lo: number
  hi: number
  actual: number | null
  /** Agents on the phones (Erlang C). */
  required: number
  /** Agents to schedule after shrinkage. */
  needed: number
  /** Agents logged in (from agent events); null when none were seen. */
  scheduled: number | null
  /** scheduled − needed; negative = short. */
  gap: number | null
}

const cell = (v: string | number | null) =>
  v === null
    ? ''
    : typeof v === 'number'
      ? String(Math.round(v * 10) / 10)
      : /[",\n]/.test(v)
        ? `"${v.replace(/"/g, '""')}"`
        : v

/** The plan as CSV; `aht` (seconds per interval start, see ahtByInterval) is the last column. */
export function planCsv(
  rows: readonly PlanInterval[],
  label: (t: number) => string,
  aht: ReadonlyMap<number, number>,
): string {
  const head = 'interval_start,forecast,lo,hi,actual,required_agents,scheduled_needed,logged_in,gap,aht_s'
  return (
    [
      head,
      ...rows.map((r) =>
        [label(r.t), r.forecast, r.lo, r.hi, r.actual, r.required, r.needed, r.scheduled, r.gap, aht.get(r.t) ?? null]
          .map(cell)
          .join(','),
      ),
    ].join('\n') + '\n'
  )
}

/**
 * The AHT (seconds) the staffing of each interval uses: the queues' AHT forecasts weighted by their forecast
 * contacts (one queue, or all), or the what-if AHT when one is set.
 */
export function ahtByInterval(
  forecasts: readonly ForecastInterval[],
  w: Pick<WhatIf, 'aht' | 'queue'>,
): Map<number, number> {
  const sums = new Map<number, [number, number]>()
  for (const f of forecasts) {
    if (w.queue && f.queue !== w.queue) continue
    const s = sums.get(f.t) ?? [0, 0]
    // A closed interval (no contacts forecast) still shows its queues' plain mean.
    const weight = f.forecast > 0 ? f.forecast : 1e-9
    s[0] += weight * f.aht_s
    s[1] += weight
    sums.set(f.t, s)
  }
  return new Map([...sums].map(([t, [seconds, weight]]) => [t, w.aht ?? seconds / weight]))
}

/** Tickets forecast and created per local day (email and web forms: not staffed, so apart from the plan). */
export interface TicketDay {
  day: string
  forecast: number
  /** Tickets created so far; null for a day with none (yet). */
  actual: number | null
}

export function ticketDays(
  data: Pick<PlannerData, 'tickets' | 'ticket_actuals'>,
  dayOf: (t: number) => string,
  queue?: string,
): TicketDay[] {
  const days = new Map<string, TicketDay>()
  const day = (t: number) => {
    const key = dayOf(t)
    let d = days.get(key)
    if (!d) days.set(key, (d = { day: key, forecast: 0, actual: null }))
    return d
  }
  for (const f of data.tickets) if (!queue || f.queue === queue) day(f.t).forecast += f.forecast
  for (const a of data.ticket_actuals)
    if (!queue || a.queue === queue) day(a.t).actual = (day(a.t).actual ?? 0) + a.offered
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day))
}
