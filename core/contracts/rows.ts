/**
 * The one rounding rule of every rate and average, and rows of the snapshot added up (a wall showing several
 * channels at once: the chat floor's seven channels, email and tickets). Pure; the live engine and the wall app both
 * use it.
 */
import type { DimensionMetrics, IntervalSeries, WindowMetrics } from './snapshot.js'

/**
 * num / den rounded to 0.1, halves away from zero: the one rounding rule of every rate and average, shared
 * with sql/queries/contact_metrics.sql (which rounds a Decimal the same way). Computed on integers, so a
 * ratio that is exactly a half (39/48 = 81.25 %) rounds the same on both sides; Math.round on a float would
 * round -0.5 up and ClickHouse's float round() halves to even.
 */
export function ratio1(num: number, den: number): number {
  const tenths = Math.floor((2 * 10 * Math.abs(num) + den) / (2 * den))
  return (Math.sign(num) * tenths) / 10 || 0
}

const pct = (num: number, den: number): number | null => (den > 0 ? ratio1(100 * num, den) : null)

/** The weighted mean of rounded averages (ASA, AHT…): within 0.05 of the mean over the raw sums. */
function mean(parts: [avg: number | null, n: number][]): number | null {
  let sum = 0
  let n = 0
  for (const [avg, k] of parts)
    if (avg !== null && k > 0) {
      sum += avg * k
      n += k
    }
  return n > 0 ? Math.round((10 * sum) / n) / 10 : null
}

/**
 * The counts added; SL, abandon and ticket SL recomputed from them (exact); averages, NPS and CSAT weighted by their
 * counts (within 0.05 of the figure over the raw sums).
 */
export function addWindows(ws: WindowMetrics[]): WindowMetrics {
  const sum = (k: keyof WindowMetrics) => ws.reduce((a, w) => a + ((w[k] as number | undefined) ?? 0), 0)
  const answered = sum('answered')
  const abandoned = sum('abandoned')
  const handled = sum('handled')
  const inSla = sum('tickets_resolved_in_sla')
  const late = sum('tickets_resolved_late')
  const weighted = (k: 'aht_s' | 'avg_talk_s' | 'avg_hold_s' | 'avg_wrap_s') => mean(ws.map((w) => [w[k], w.handled]))
  return {
    offered: sum('offered'),
    answered,
    answered_in_sl: sum('answered_in_sl'),
    abandoned,
    abandoned_short: sum('abandoned_short'),
    transferred: sum('transferred'),
    handled,
    sl_pct: pct(sum('answered_in_sl'), answered + abandoned),
    abandon_pct: pct(abandoned, answered + abandoned),
    asa_s: mean(ws.map((w) => [w.asa_s, w.answered])),
    aht_s: weighted('aht_s'),
    avg_talk_s: weighted('avg_talk_s'),
    avg_hold_s: weighted('avg_hold_s'),
    avg_wrap_s: weighted('avg_wrap_s'),
    tickets_created: sum('tickets_created'),
    tickets_resolved: sum('tickets_resolved'),
    tickets_resolved_in_sla: inSla,
    tickets_resolved_late: late,
    ticket_sl_pct: pct(inSla, inSla + late),
    nps: mean(ws.map((w) => [w.nps, w.nps_responses])),
    nps_responses: sum('nps_responses'),
    csat_pct: mean(ws.map((w) => [w.csat_pct, w.csat_responses])),
    csat_responses: sum('csat_responses'),
  }
}

/**
 * Several rows as one: the windows added (addWindows), the contacts waiting added and the longest wait the longest,
 * open tickets added. The SL target is the first row's. Agent counts and occupancy are left out: channel and
 * queue rows have none, and a wall of several teams reads them per team.
 */
export function addRows(rows: DimensionMetrics[]): DimensionMetrics {
  if (rows.length === 1) return rows[0]
  const names = [...new Set(rows.flatMap((r) => Object.keys(r.windows)))]
  const open = rows.reduce((a, r) => a + (r.tickets?.open ?? 0), 0)
  return {
    waiting: rows.reduce((a, r) => a + r.waiting, 0),
    longest_wait_s: Math.max(0, ...rows.map((r) => r.longest_wait_s)),
    target: rows[0]?.target ?? { percent: 80, seconds: 20 },
    windows: Object.fromEntries(
      names.map((n) => [n, addWindows(rows.flatMap((r) => (r.windows[n] ? [r.windows[n]] : [])))]),
    ),
    ...(open > 0 && {
      tickets: {
        open,
        overdue: rows.reduce((a, r) => a + (r.tickets?.overdue ?? 0), 0),
        oldest_open_s: Math.max(...rows.map((r) => r.tickets?.oldest_open_s ?? 0)),
      },
    }),
  }
}

/** Interval series added: counts per interval, SL weighted by the contacts closed in it (answered + abandoned). */
export function addSeries(series: IntervalSeries[]): IntervalSeries | undefined {
  const [first] = series
  if (series.length <= 1) return first
  const len = Math.max(...series.map((s) => s.offered.length))
  const at = (k: 'offered' | 'answered' | 'abandoned', i: number) => series.reduce((a, s) => a + (s[k][i] ?? 0), 0)
  const idx = Array.from({ length: len }, (_, i) => i)
  return {
    start: first.start,
    step_ms: first.step_ms,
    offered: idx.map((i) => at('offered', i)),
    answered: idx.map((i) => at('answered', i)),
    abandoned: idx.map((i) => at('abandoned', i)),
    sl_pct: idx.map((i) =>
      mean(series.map((s) => [s.sl_pct[i] ?? null, (s.answered[i] ?? 0) + (s.abandoned[i] ?? 0)])),
    ),
  }
}
