/**
 * Weather history in the warehouse (`weather_hours`, migration 0008). Each forecast run stores the hours the
 * source reports that are already over (observations, not forecasts), per tenant and region; the uplift model
 * learns from them. Re-reading the same hours every run keeps one row per hour (ReplacingMergeTree).
 */
import { loadQuery, type Warehouse } from '../../warehouse/index.js'
import { fromLocalMinutes, toLocalMinutes } from '../../kits/time/index.js'
import type { WeatherHour } from './types.js'

/** Per tenant, per region: stored hours, oldest first (times in local minutes). */
export type WeatherHistory = Map<string, Map<string, WeatherHour[]>>

export interface StoreWeatherOptions {
  /** Tenants the regions' weather is stored for (weather is per region; history is kept per tenant). */
  tenants: Iterable<string>
  timeZone: string
  /** The run's instant, ms: only hours ended by then are observations. */
  now: number
  /** Source name, kept with each row. */
  source: string
}

/** Stores the reported hours that are over; returns how many rows were written. */
export async function storeWeatherHours(
  warehouse: Warehouse,
  byRegion: ReadonlyMap<string, readonly WeatherHour[]>,
  opts: StoreWeatherOptions,
): Promise<number> {
  const nowLocal = toLocalMinutes(opts.now, opts.timeZone)
  const fetchedAt = Date.now()
  const rows = []
  for (const tenant of opts.tenants) {
    for (const [region, hours] of byRegion) {
      for (const h of hours) {
        if (h.time + 60 > nowLocal) continue
        rows.push({
          tenant,
          region,
          hour: fromLocalMinutes(h.time, opts.timeZone),
          precipitation: h.precipitation,
          temperature: h.temperature,
          wind_speed: h.windSpeed,
          wind_gusts: h.windGusts,
          weather_code: Math.max(0, Math.round(h.weatherCode)),
          source: opts.source,
          fetched_at: fetchedAt,
        })
      }
    }
  }
  if (rows.length) await warehouse.insert('weather_hours', rows)
  return rows.length
}

interface WeatherRow {
  tenant: string
  region: string
  hour_ms: number | string
  precipitation: number
  temperature: number
  wind_speed: number
  wind_gusts: number
  weather_code: number
}

/** The stored hours of the last `days` days, every tenant and region. */
export async function loadWeatherHistory(
  warehouse: Warehouse,
  days: number,
  timeZone: string,
): Promise<WeatherHistory> {
  const rows = await warehouse.query<WeatherRow>(loadQuery('weather_history'), { since_days: days })
  const out: WeatherHistory = new Map()
  for (const r of rows) {
    const regions = out.get(r.tenant) ?? new Map<string, WeatherHour[]>()
    out.set(r.tenant, regions)
    const hours = regions.get(r.region) ?? []
    regions.set(r.region, hours)
    hours.push({
      time: toLocalMinutes(Number(r.hour_ms), timeZone),
      precipitation: Number(r.precipitation),
      temperature: Number(r.temperature),
      windSpeed: Number(r.wind_speed),
      windGusts: Number(r.wind_gusts),
      weatherCode: Number(r.weather_code),
    })
  }
  return out
}
