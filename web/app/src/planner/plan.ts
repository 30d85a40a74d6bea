/** The planner's what-if inputs, its plan rows and the CSV export (the data it plans from: core/contracts' PlannerData). */

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

export function planCsv(rows: readonly PlanInterval[], label: (t: number) => string): string {
  const head = 'interval_start,forecast,lo,hi,actual,required_agents,scheduled_needed,logged_in,gap'
  return (
    [
      head,
      ...rows.map((r) =>
        [label(r.t), r.forecast, r.lo, r.hi, r.actual, r.required, r.needed, r.scheduled, r.gap].map(cell).join(','),
      ),
    ].join('\n') + '\n'
  )
}
