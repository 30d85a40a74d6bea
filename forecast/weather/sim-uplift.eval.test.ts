/**
 * The uplift model against the simulator: rain with a known effect (+30% per
 * 10 mm/h) drives the simulator's arrivals; the model, fitted on hourly counts
 * of the generated contacts against the calendar expectation, must recover the
 * effect within ±20%.
 */
import { describe, expect, it } from 'vitest'
import { generate } from '../../simulator/index.js'
import { CHANNEL_MIX } from '../../simulator/catalog.js'
import { HOUR, LocalClock, MINUTE, patternOf, seasonality } from '../../simulator/calendar.js'
import { fitUplift, type TrainingHour } from './uplift.js'

const START = Date.UTC(2025, 2, 3, 0, 0) - 8 * HOUR // Monday 00:00 in China
const DAYS = 10
const RATE = 240
const EFFECT = 0.3

/** Deterministic showers: about one hour in six rains, 5-30 mm/h, constant within the hour. */
function rainAt(ts: number): number {
  const h = Math.floor((ts - START) / HOUR)
  const x = Math.sin(h * 12.9898 + 78.233) * 43758.5453
  const u = x - Math.floor(x)
  return u < 0.17 ? 5 + (u / 0.17) * 25 : 0
}

/** Contacts the calendar expects in the hour starting at `ts`, without weather. */
function expected(clock: LocalClock, ts: number): number {
  let sum = 0
  for (let m = 0.5; m < 60; m++)
    for (const [channel, share] of CHANNEL_MIX) sum += share * seasonality(clock, patternOf(channel), ts + m * MINUTE)
  return (RATE * sum) / 60
}

describe('weather uplift recovered from simulated arrivals', () => {
  it('finds +30% per 10 mm/h of rain within ±20%', () => {
    const events = generate({
      seed: 11,
      start: START,
      durationMs: DAYS * 24 * HOUR,
      ratePerHour: RATE,
      agents: 120,
      drain: false,
      weather: { rainMmH: rainAt, maxRainMmH: 30, upliftPer10mm: EFFECT },
    })
    const first = new Map<string, number>()
    for (const e of events)
      if (e.interaction_id && !first.has(e.interaction_id)) first.set(e.interaction_id, e.ts as number)
    const counts = new Array<number>(DAYS * 24).fill(0)
    for (const ts of first.values()) {
      const h = Math.floor((ts - START) / HOUR)
      if (h >= 0 && h < counts.length) counts[h]++
    }
    const clock = new LocalClock(8 * HOUR)
    const rows: TrainingHour[] = counts.map((actual, h) => {
      const ts = START + h * HOUR
      return {
        region: 'centre',
        actual,
        forecast: expected(clock, ts),
        weather: {
          time: h * 60,
          precipitation: rainAt(ts),
          temperature: 20,
          windSpeed: 10,
          windGusts: 20,
          weatherCode: rainAt(ts) > 0 ? 63 : 1,
        },
      }
    })
    const beta = fitUplift(rows, { ridge: 1 }).coefficients.get('centre')!
    const per10mm = Math.exp(10 * beta[0]) - 1
    console.log(
      `simulated +${(100 * EFFECT).toFixed(0)}% per 10 mm/h, recovered +${(100 * per10mm).toFixed(1)}% from ${first.size} contacts`,
    )
    expect(per10mm).toBeGreaterThan(EFFECT * 0.8)
    expect(per10mm).toBeLessThan(EFFECT * 1.2)
  })
})
