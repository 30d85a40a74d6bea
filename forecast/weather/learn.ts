/**
 * The uplift learned from a tenant's own history. Per region, each past hour with stored weather becomes a
 * training hour: the offered contacts of the region's queues against what the calendar forecast (the method
 * each series' forecast uses) predicted for that hour one day ahead, weather unseen. `fitUplift` fits those.
 * A region with too little of it (days, rainy hours) keeps the configured prior, and says so.
 */
import { dayAheadForecasts } from '../backtest.js'
import { meanWeeks } from '../methods/baselines.js'
import { methodByName } from '../methods/index.js'
import { dayOf, detectInterval, toHistory } from '../series.js'
import type { SeriesHistory } from '../recompute.js'
import { FEATURES, fitUplift, type TrainingHour, type UpliftModel } from './uplift.js'
import type { Region, WeatherHour } from './types.js'

export interface LearnOptions {
  regions: readonly Region[]
  /** The configured prior (used where there is too little history). */
  prior: UpliftModel
  /** Local minutes of the run: only hours over by then train. */
  nowLocal: number
  /** Fewest days with training hours before the learned effect is used. Default 14. */
  minDays?: number
  /** …and fewest of those hours with rain (≥ `rainMmH`). Default 10. */
  minRainHours?: number
  /** mm/h from which an hour counts as rainy. Default 0.5. */
  rainMmH?: number
  /** Days of history a series needs before a day can be forecast for training. Default 7 (one of each weekday). */
  warmupDays?: number
}

/** Which rain effect a region uses, for /healthz and the logs. */
export interface RegionEffect {
  tenant: string
  region: string
  effect: 'learned' | 'prior'
  /** Relative volume change per 10 mm/h of rain in use (0.3 = +30%). */
  rain_per_10mm: number
  /** Days and rainy hours of training history found. */
  days: number
  rain_hours: number
}

export interface LearnedUplift {
  /** Per tenant: learned coefficients where there was enough history, the prior's elsewhere. */
  models: Map<string, UpliftModel>
  effects: RegionEffect[]
}

const RAIN = FEATURES.indexOf('rain_mm_h')

/** Actual and calendar forecast per local hour of a set of series, for the days in `days` only. */
function hourlyResiduals(
  series: readonly SeriesHistory[],
  days: ReadonlySet<number>,
  warmupDays: number,
): Map<number, { actual: number; forecast: number }> {
  const hours = new Map<number, { actual: number; forecast: number }>()
  for (const s of series) {
    const interval = detectInterval(s.points)
    if (typeof interval === 'string') continue
    const method = methodByName(s.method) ?? meanWeeks
    for (const { day, forecast } of dayAheadForecasts(toHistory(s.points, interval), method, warmupDays, days)) {
      forecast.forEach((f, slot) => {
        const hour = Math.floor((day.day * 1440 + slot * interval) / 60) * 60
        const h = hours.get(hour) ?? { actual: 0, forecast: 0 }
        hours.set(hour, h)
        const actual = day.values[slot]
        h.actual += actual === actual ? actual : 0 // NaN: no contacts in the interval
        h.forecast += f
      })
    }
  }
  return hours
}

export const rainPer10mm = (beta: readonly number[]): number => Math.exp(10 * beta[RAIN]) - 1

/** Training hours per tenant and region, then the learned or prior model per tenant. */
export function learnUplift(
  histories: readonly SeriesHistory[],
  weather: ReadonlyMap<string, ReadonlyMap<string, readonly WeatherHour[]>>,
  opts: LearnOptions,
): LearnedUplift {
  const minDays = opts.minDays ?? 14
  const minRainHours = opts.minRainHours ?? 10
  const rainMmH = opts.rainMmH ?? 0.5
  const tenants = [...new Set(histories.map((h) => h.key.tenant))]
  const models = new Map<string, UpliftModel>()
  const effects: RegionEffect[] = []
  for (const tenant of tenants) {
    const coefficients = new Map(opts.prior.coefficients)
    for (const region of opts.regions) {
      const queues = new Set(region.queues)
      const observed = (weather.get(tenant)?.get(region.region) ?? []).filter((w) => w.time + 60 <= opts.nowLocal)
      const series = histories.filter((h) => h.key.tenant === tenant && queues.has(h.key.queue))
      const rows: TrainingHour[] = []
      if (observed.length && series.length) {
        const residuals = hourlyResiduals(series, new Set(observed.map((w) => dayOf(w.time))), opts.warmupDays ?? 7)
        for (const w of observed) {
          const r = residuals.get(w.time)
          if (r && r.forecast > 0)
            rows.push({ region: region.region, actual: r.actual, forecast: r.forecast, weather: w })
        }
      }
      const days = new Set(rows.map((r) => dayOf(r.weather.time))).size
      const rainHours = rows.filter((r) => r.weather.precipitation >= rainMmH).length
      const enough = days >= minDays && rainHours >= minRainHours
      if (enough) coefficients.set(region.region, fitUplift(rows, opts.prior.options).coefficients.get(region.region)!)
      const beta = coefficients.get(region.region) ?? FEATURES.map(() => 0)
      effects.push({
        tenant,
        region: region.region,
        effect: enough ? 'learned' : 'prior',
        rain_per_10mm: rainPer10mm(beta),
        days,
        rain_hours: rainHours,
      })
    }
    models.set(tenant, { options: opts.prior.options, coefficients })
  }
  return { models, effects }
}
