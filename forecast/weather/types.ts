/** Weather as a forecasting signal: hourly observations/forecasts per region. */

/** One hour of weather in a region. Times are local minutes (see ../series.ts). */
export interface WeatherHour {
  time: number
  /** mm in the hour */
  precipitation: number
  /** °C at 2 m */
  temperature: number
  /** km/h at 10 m */
  windSpeed: number
  /** km/h at 10 m */
  windGusts: number
  /** WMO weather code (95-99 = thunderstorm) */
  weatherCode: number
}

/** A region and the queues its customers call. */
export interface Region {
  region: string
  latitude: number
  longitude: number
  queues: string[]
}

export interface WeatherResult {
  /** Hours per region; a region missing here has no weather signal. */
  byRegion: Map<string, WeatherHour[]>
  /** Why some or all of the signal is missing: a bad feed degrades, it never throws. */
  warnings: string[]
}

export interface WeatherSource {
  name: string
  fetch(regions: readonly Region[]): Promise<WeatherResult>
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Checks one hour's numbers; returns a reason when unusable. */
export function checkHour(h: Partial<WeatherHour>): WeatherHour | string {
  for (const k of ['time', 'precipitation', 'temperature', 'windSpeed', 'windGusts', 'weatherCode'] as const) {
    if (!finite(h[k])) return `${k} is missing or not a number`
  }
  return h as WeatherHour
}
