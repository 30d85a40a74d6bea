/** What every forecasting method implements. Methods are pure: history in, numbers out. */
import type { History } from '../series.js'

/** A day to forecast. */
export interface TargetDay {
  day: number
  weekday: number
  /** Open days from the end of the history to this day: 1 = the next open day. */
  ahead: number
}

/** What a method may know besides the training days. */
export interface ForecastContext {
  /** Days known to be closed: gaps in the history, holidays, weekdays the targets skip (business-days.ts). */
  closedDays: ReadonlySet<number>
  /** Weekdays the centre opens (0 = Sunday), learned from recent weeks. */
  openWeekdays: readonly boolean[]
}

export interface ForecastMethod {
  name: string
  /** One line for --help and the README. */
  description: string
  /**
   * Forecast per slot for each target day (same order). Closed slots may hold anything;
   * the caller zeroes them. `train` holds only open, non-special days, oldest first.
   */
  forecast(train: History, targets: readonly TargetDay[], context?: ForecastContext): Float64Array[]
}

/** A count where the slot was open, 0 where it was closed (NaN in the grid). */
export const countAt = (values: Float64Array, slot: number): number => {
  const v = values[slot]
  return v === v ? v : 0
}

/** The last `k` training days with this weekday, most recent first. */
export function recentSameWeekday(train: History, weekday: number, k: number) {
  const out = []
  for (let i = train.days.length - 1; i >= 0 && out.length < k; i--) {
    if (train.days[i].weekday === weekday) out.push(train.days[i])
  }
  return out
}

/** Mean of the given days per slot (closed slots count as 0). */
export function meanProfile(days: readonly { values: Float64Array }[], slots: number): Float64Array {
  const out = new Float64Array(slots)
  if (days.length === 0) return out
  for (const d of days) for (let s = 0; s < slots; s++) out[s] += countAt(d.values, s)
  for (let s = 0; s < slots; s++) out[s] /= days.length
  return out
}
