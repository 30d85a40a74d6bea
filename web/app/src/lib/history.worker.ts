/**
 * Off the main thread: folds a past day's interval rows (one per queue/channel)
 * into one series on the wall's interval grid, and smooths it, so the big screen
 * never stutters while a history loads.
 */
import { expose } from 'comlink'
import type { HistoryInterval } from '../../../../core/contracts/index.js'

export interface HistoryFilter {
  queue?: string
  channel?: string
}

/** Sums rows per interval of `stepMs` from `dayStart`; `count` intervals. */
function aggregate(
  rows: HistoryInterval[],
  filter: HistoryFilter,
  dayStart: number,
  stepMs: number,
  count: number,
): { offered: number[]; answered: number[] } {
  const offered = new Array<number>(count).fill(0)
  const answered = new Array<number>(count).fill(0)
  for (const r of rows) {
    if (filter.queue && r.queue !== undefined && r.queue !== filter.queue) continue
    if (filter.channel && r.channel !== undefined && r.channel !== filter.channel) continue
    const i = Math.floor((r.t - dayStart) / stepMs)
    if (i < 0 || i >= count) continue
    offered[i] += r.offered
    answered[i] += r.answered
  }
  return { offered, answered }
}

/** Centred moving average over 2·radius+1 points (shorter at the ends). */
function smooth(values: number[], radius: number): number[] {
  return values.map((_, i) => {
    let sum = 0
    let n = 0
    for (let j = Math.max(0, i - radius); j <= Math.min(values.length - 1, i + radius); j++) {
      sum += values[j]
      n++
    }
    return Math.round((sum / n) * 10) / 10
  })
}

const api = {
  /** Last week's offered volume for the trend chart, aggregated and smoothed. */
  lastWeekCurve(
    rows: HistoryInterval[],
    filter: HistoryFilter,
    dayStart: number,
    stepMs: number,
    count: number,
    radius = 1,
  ): number[] {
    return smooth(aggregate(rows, filter, dayStart, stepMs, count).offered, radius)
  },
  aggregate,
  smooth,
}

export type HistoryApi = typeof api

expose(api)
