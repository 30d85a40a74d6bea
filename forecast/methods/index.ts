/** Every forecasting method by name. `auto` is not here: it chooses among these (see auto.ts). */
import { meanWeeks, seasonalNaive } from './baselines.js'
import { dailyProfile } from './daily-profile.js'
import { dayLevelProfile } from './day-level.js'
import { ensemble } from './ensemble.js'
import { holtWinters } from './holt-winters.js'
import type { ForecastMethod } from './types.js'

const profile = dailyProfile()

export const METHODS: readonly ForecastMethod[] = [
  seasonalNaive,
  meanWeeks,
  holtWinters,
  profile,
  ensemble('ensemble', [holtWinters, profile]),
  dayLevelProfile(),
]

export function methodByName(name: string): ForecastMethod | undefined {
  return METHODS.find((m) => m.name === name)
}

export type { ForecastMethod, TargetDay } from './types.js'
