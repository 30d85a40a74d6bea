/**
 * How weather moves volume beyond the calendar forecast. Per region we regress
 * log((actual+1)/(forecast+1)) per hour on weather features, weighted by the
 * forecast (busy hours carry more information) and ridge-regularised (few
 * stormy hours must not produce wild coefficients). The intercept, the
 * forecast's own bias, is fitted but left out of the uplift.
 */
import type { WeatherHour } from './types.js'
import { solveLinear } from '../../kits/stats/index.js'

export interface UpliftOptions {
  /** Ridge penalty on the weather coefficients. Default 10. */
  ridge?: number
  /** °C above which heat counts. Default 30. */
  hotAbove?: number
  /** °C below which cold counts. Default 5. */
  coldBelow?: number
  /** km/h of gusts above which wind counts (typhoon, gale). Default 50. */
  gustAbove?: number
}

const DEFAULTS: Required<UpliftOptions> = { ridge: 10, hotAbove: 30, coldBelow: 5, gustAbove: 50 }

export const FEATURES = ['rain_mm_h', 'heat_c', 'cold_c', 'gust_10kmh', 'thunderstorm'] as const

export function weatherFeatures(h: WeatherHour, opts: UpliftOptions = {}): number[] {
  const o = { ...DEFAULTS, ...opts }
  return [
    Math.min(h.precipitation, 60), // cap: a gauge glitch must not extrapolate to absurd uplift
    Math.max(0, h.temperature - o.hotAbove),
    Math.max(0, o.coldBelow - h.temperature),
    Math.max(0, h.windGusts - o.gustAbove) / 10,
    h.weatherCode >= 95 ? 1 : 0,
  ]
}

/** One hour of history: what the calendar forecast said, what came, and the weather. */
export interface TrainingHour {
  region: string
  actual: number
  forecast: number
  weather: WeatherHour
}

export interface UpliftModel {
  options: Required<UpliftOptions>
  /** Per region: log-uplift per unit of each feature (order of FEATURES). */
  coefficients: Map<string, number[]>
}

export function fitUplift(rows: readonly TrainingHour[], options: UpliftOptions = {}): UpliftModel {
  const opts = { ...DEFAULTS, ...options }
  const byRegion = new Map<string, TrainingHour[]>()
  for (const r of rows) byRegion.set(r.region, [...(byRegion.get(r.region) ?? []), r])
  const coefficients = new Map<string, number[]>()
  for (const [region, hours] of byRegion) {
    const usable = hours.filter((h) => h.forecast > 0)
    const k = FEATURES.length + 1
    const xtx = Array.from({ length: k }, () => new Array(k).fill(0))
    const xty = new Array(k).fill(0)
    for (const h of usable) {
      const x = [1, ...weatherFeatures(h.weather, opts)]
      const y = Math.log((h.actual + 1) / (h.forecast + 1))
      for (let i = 0; i < k; i++) {
        xty[i] += h.forecast * x[i] * y
        for (let j = 0; j < k; j++) xtx[i][j] += h.forecast * x[i] * x[j]
      }
    }
    for (let i = 1; i < k; i++) xtx[i][i] += opts.ridge
    xtx[0][0] += 1e-9 // keeps the system solvable for a region with no usable hours
    coefficients.set(region, solveLinear(xtx, xty).slice(1))
  }
  return { options: opts, coefficients }
}

/** Multiplier on the calendar forecast for this weather (1 for a region the model has not seen). */
export function upliftFactor(model: UpliftModel, region: string, weather: WeatherHour): number {
  const beta = model.coefficients.get(region)
  if (!beta) return 1
  const x = weatherFeatures(weather, model.options)
  return Math.exp(x.reduce((s, v, i) => s + v * beta[i], 0))
}
