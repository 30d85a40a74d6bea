/**
 * `auto`: pick the method with the lowest WAPE in a rolling-origin backtest on
 * the queue's own history, and fit prediction intervals to that method's
 * backtest residuals.
 */
import { evaluate, rollingSplits } from './backtest.js'
import { fitIntervals, type IntervalModel } from './intervals.js'
import { METHODS } from './methods/index.js'
import { meanWeeks, seasonalNaive } from './methods/baselines.js'
import type { ForecastMethod } from './methods/types.js'
import type { History } from './series.js'

export interface Selection {
  method: ForecastMethod
  intervals: IntervalModel
  /** WAPE (%) per candidate in the selection backtest; empty when the history was too short to backtest. */
  wape: Record<string, number>
}

export interface SelectOptions {
  /** Open days per backtest window: the horizon you will forecast. Default 5. */
  horizonDays?: number
  /** Backtest windows. Default 3. */
  folds?: number
  /** Candidates; default every method. */
  candidates?: readonly ForecastMethod[]
  /** Central coverage of the prediction interval (0..1). Default 0.8. */
  level?: number
}

/** Backtests the candidates on `train` (special days already removed) and returns the best. */
export function selectMethod(train: History, opts: SelectOptions = {}): Selection {
  const candidates = opts.candidates ?? METHODS
  const splits = rollingSplits(train, opts.horizonDays ?? 5, opts.folds ?? 3)
  if (splits.length === 0) {
    // Too little history to backtest: the simplest method that has data.
    const method = candidates.length === 1 ? candidates[0] : train.days.length >= 20 ? meanWeeks : seasonalNaive
    return { method, intervals: fitIntervals({ forecast: [], actual: [] }, opts.level), wape: {} }
  }
  const results = evaluate(candidates, splits)
  let best = candidates[0]
  for (const m of candidates) if (results.get(m.name)!.tally.wape < results.get(best.name)!.tally.wape) best = m
  return {
    method: best,
    intervals: fitIntervals(results.get(best.name)!.residuals, opts.level),
    wape: Object.fromEntries([...results].map(([name, r]) => [name, r.tally.wape])),
  }
}
