/**
 * How well the AHT forecast holds up on unseen weeks: one week ahead from weekly origins, the tuning weeks apart from a
 * final block looked at once (the same scheme as weekly-eval.ts). Each week, every method forecasts the AHT of each
 * queue and channel from the `historyDays` before the Monday (the service's window), and is scored on the week's
 * intervals that had answered contacts:
 *
 *   - AHT per interval, contact-weighted: MAPE = Σ n·|a − f|/a / Σ n and WAPE = Σ n·|a − f| / Σ n·a, where n is the
 *     interval's answered contacts, a their mean handle time and f the forecast;
 *   - workload (arrivals × AHT): WAPE of forecast arrivals × f against offered × a. The arrivals forecast is the
 *     same for every AHT method (`day_level` from the same window), so the differences are the AHT's.
 */
import type { HandledPoint } from './aht.js'
import type { AhtMethod } from './aht-methods.js'
import { forecastSeries } from './forecast.js'
import type { Point } from './series.js'
import { firstDayOfWeek, weekBlocks } from './weekly-eval.js'

/** One queue and channel: offered contacts and answered contacts' handle time, per 15-minute interval. */
export interface AhtEvalSeries {
  queue: string
  channel: string
  offered: readonly Point[]
  handled: readonly HandledPoint[]
}

export interface AhtEvalOptions {
  methods: readonly AhtMethod[]
  /** Last weeks kept out of tuning. Default 4. */
  holdoutWeeks?: number
  /** Weeks before the first scored week. Default 6 (the mean of 6 same weekdays needs them). */
  minTrainWeeks?: number
  /** Days of history each forecast learns from. Default 56, as the forecast service (MOFANG_FORECAST_HISTORY_DAYS). */
  historyDays?: number
  /** Forecasts the arrivals of the workload score. Default `day_level` through forecastSeries. */
  arrivalsMethod?: string
  /** Score only this block (the other comes back empty). */
  only?: 'tuning' | 'holdout'
  /** Which series a score row pools, besides all of them. Default voice and chat (every other channel). */
  segments?: Record<string, (s: AhtEvalSeries) => boolean>
}

export interface AhtScore {
  method: string
  /** `all`, or a segment's name. */
  segment: string
  weeks: number
  /** Answered contacts scored. */
  contacts: number
  /** Contact-weighted MAPE of the interval AHT, 0..1. */
  mape: number
  /** Contact-weighted WAPE of the interval AHT, 0..1. */
  wape: number
  /** WAPE of the interval workload (arrivals × AHT), 0..1. */
  workloadWape: number
}

export interface AhtEval {
  first: { tuning: string; holdout: string }
  tuning: AhtScore[]
  holdout: AhtScore[]
}

const DEFAULT_SEGMENTS: Record<string, (s: AhtEvalSeries) => boolean> = {
  voice: (s) => s.channel === 'voice',
  chat: (s) => s.channel !== 'voice',
}

class AhtTally {
  contacts = 0
  apeSum = 0
  absSeconds = 0
  seconds = 0
  absWork = 0
  work = 0

  add(p: HandledPoint, forecast: number, arrivals: { actual: number; forecast: number } | undefined): void {
    const actual = p.seconds / p.contacts
    this.contacts += p.contacts
    this.apeSum += (p.contacts * Math.abs(actual - forecast)) / actual
    this.absSeconds += p.contacts * Math.abs(actual - forecast)
    this.seconds += p.seconds
    if (!arrivals) return
    this.absWork += Math.abs(arrivals.forecast * forecast - arrivals.actual * actual)
    this.work += arrivals.actual * actual
  }
}

const isoDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10)

export function ahtEvaluation(series: readonly AhtEvalSeries[], opts: AhtEvalOptions): AhtEval {
  const historyDays = opts.historyDays ?? 56
  const blocks = weekBlocks(
    series.flatMap((s) => s.offered),
    { holdoutWeeks: opts.holdoutWeeks ?? 4, minTrainWeeks: opts.minTrainWeeks ?? 6 },
  )
  const segments: Record<string, (s: AhtEvalSeries) => boolean> = {
    all: () => true,
    ...(opts.segments ?? DEFAULT_SEGMENTS),
  }
  const channels = [...new Set(series.map((s) => s.channel))]

  function block(weeks: readonly number[]): AhtScore[] {
    const tallies = new Map(
      opts.methods.map((m) => [m.name, new Map(Object.keys(segments).map((g) => [g, new AhtTally()]))]),
    )
    for (const week of weeks) {
      const origin = firstDayOfWeek(week) * 1440
      const from = origin - historyDays * 1440
      const end = origin + 7 * 1440
      const inWeek = (p: { t: number }) => p.t >= origin && p.t < end
      const window = <P extends { t: number }>(points: readonly P[]) =>
        points.filter((p) => p.t >= from && p.t < origin)
      const arrivals = new Map(
        series.map((s) => [
          s,
          arrivalsOf(
            window(s.offered),
            s.handled.filter(inWeek).map((p) => p.t),
            opts.arrivalsMethod,
          ),
        ]),
      )
      for (const channel of channels) {
        const queues = series.filter((s) => s.channel === channel)
        const history = queues.map((s) => window(s.handled))
        for (const method of opts.methods) {
          const forecasts = method.fit(history, origin)
          queues.forEach((s, i) => {
            const actualOffered = new Map(s.offered.filter(inWeek).map((p) => [p.t, p.count]))
            const forecastArrivals = arrivals.get(s)
            for (const p of s.handled) {
              if (!inWeek(p) || p.contacts === 0) continue
              const f = forecasts[i](p.t)
              const a = forecastArrivals && {
                actual: actualOffered.get(p.t) ?? p.contacts,
                forecast: forecastArrivals(p.t),
              }
              for (const [name, inSegment] of Object.entries(segments))
                if (inSegment(s)) tallies.get(method.name)!.get(name)!.add(p, f, a)
            }
          })
        }
      }
    }
    return [...tallies].flatMap(([method, bySegment]) =>
      [...bySegment].map(([segment, t]) => ({
        method,
        segment,
        weeks: weeks.length,
        contacts: t.contacts,
        mape: t.apeSum / t.contacts,
        wape: t.absSeconds / t.seconds,
        workloadWape: t.absWork / t.work,
      })),
    )
  }
  const first = (weeks: readonly number[]) => (weeks.length ? isoDay(firstDayOfWeek(weeks[0])) : '')
  return {
    first: { tuning: first(blocks.tuning), holdout: first(blocks.holdout) },
    tuning: opts.only === 'holdout' ? [] : block(blocks.tuning),
    holdout: opts.only === 'tuning' ? [] : block(blocks.holdout),
  }
}

/** The week's arrivals forecast per interval start, or undefined when the series cannot be forecast yet. */
function arrivalsOf(
  history: readonly Point[],
  targets: readonly number[],
  method = 'day_level',
): ((t: number) => number) | undefined {
  if (!history.length || !targets.length) return undefined
  try {
    const rows = forecastSeries(history, targets, { method, interval: 15 }).rows
    const byT = new Map(rows.map((r) => [r.t, r.forecast]))
    return (t) => byT.get(t) ?? 0
  } catch {
    return undefined
  }
}

/** A markdown table per block. */
export function formatAhtEval(e: AhtEval): string {
  const pct = (v: number) => (100 * v).toFixed(2)
  const table = (title: string, rows: readonly AhtScore[]) => [
    title,
    '',
    '| method | series | contacts | AHT MAPE % | AHT WAPE % | workload WAPE % |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.method} | ${r.segment} | ${r.contacts} | ${pct(r.mape)} | ${pct(r.wape)} | ${pct(r.workloadWape)} |`,
    ),
  ]
  return [
    ...table(`Tuning block: ${e.tuning[0]?.weeks ?? 0} weekly origins from ${e.first.tuning}`, e.tuning),
    '',
    ...table(`Holdout block: ${e.holdout[0]?.weeks ?? 0} weekly origins from ${e.first.holdout}`, e.holdout),
  ].join('\n')
}
