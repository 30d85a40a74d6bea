import { describe, it, expect } from 'vitest'
import { parseLocalTimestamp } from '../series.js'
import { detectSurges, type HourForecast } from './surge.js'
import { syntheticWeatherHistory } from './synthetic.js'
import { FEATURES, fitUplift, upliftFactor } from './uplift.js'
import type { WeatherHour } from './types.js'

const dry: WeatherHour = { time: 0, precipitation: 0, temperature: 22, windSpeed: 10, windGusts: 30, weatherCode: 1 }

describe('uplift model', () => {
  it('recovers a known +30% per 10 mm/h rain effect within ±20%', () => {
    const model = fitUplift(syntheticWeatherHistory({ effectPer10mm: 0.3 }))
    const effect = upliftFactor(model, 'north', { ...dry, precipitation: 10 }) - 1
    expect(effect).toBeGreaterThan(0.3 * 0.8)
    expect(effect).toBeLessThan(0.3 * 1.2)
    // Heat and wind had no effect in the generator: the model must not invent one.
    const beta = model.coefficients.get('north')!
    expect(Math.abs(beta[FEATURES.indexOf('heat_c')])).toBeLessThan(0.02)
    expect(Math.abs(beta[FEATURES.indexOf('gust_10kmh')])).toBeLessThan(0.03)
  })

  it('finds no effect where there is none, and is neutral for unknown regions', () => {
    const model = fitUplift(syntheticWeatherHistory({ effectPer10mm: 0, seed: 9 }))
    expect(Math.abs(upliftFactor(model, 'north', { ...dry, precipitation: 10 }) - 1)).toBeLessThan(0.05)
    expect(upliftFactor(model, 'elsewhere', { ...dry, precipitation: 30 })).toBe(1)
  })
})

describe('surge detector', () => {
  const model = fitUplift(syntheticWeatherHistory({ effectPer10mm: 0.3 }))
  const region = { region: 'north', latitude: 0, longitude: 0, queues: ['north-voice'] }
  const now = parseLocalTimestamp('2024-10-01T12:00') as number
  const hours = Array.from({ length: 8 }, (_, i) => now + i * 60)
  const forecasts = new Map<string, HourForecast[]>([['north', hours.map((time) => ({ time, forecast: 300 }))]])

  it('alerts on heavy rain with extra contacts and agents', () => {
    const weather = new Map([
      ['north', hours.map((time, i) => ({ ...dry, time, precipitation: i >= 1 && i <= 3 ? 20 : 0 }))],
    ])
    const [alert] = detectSurges(model, [region], forecasts, weather, { now, horizonHours: 6, aht: 300 })
    expect(alert.region).toBe('north')
    expect(alert.queues).toEqual(['north-voice'])
    expect(alert.window).toEqual({ start: '2024-10-01T13:00:00', end: '2024-10-01T16:00:00' })
    // 3 hours × 300 × (≈1.69 − 1) ≈ 620 extra contacts
    expect(alert.expected_extra_contacts).toBeGreaterThan(500)
    expect(alert.expected_extra_contacts).toBeLessThan(750)
    expect(alert.expected_extra_agents).toBeGreaterThan(5)
    expect(alert.reason).toMatch(/^rain up to 20\.0 mm\/h: \+\d+% over the next 6 h$/)
  })

  it('stays quiet in dry weather or without a weather signal', () => {
    const weather = new Map([['north', hours.map((time) => ({ ...dry, time }))]])
    expect(detectSurges(model, [region], forecasts, weather, { now })).toEqual([])
    expect(detectSurges(model, [region], forecasts, new Map(), { now })).toEqual([])
  })
})
