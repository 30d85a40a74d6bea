/**
 * The learned weather uplift in the real system (chDB, nats-server): 22 days of simulated traffic with a
 * known rain effect (+30% per 10 mm/h) go into the warehouse through the sink's row format, a weather feed
 * file reports the matching hours, and one forecast run stores them (weather_hours), learns the effect
 * per region against the calendar forecast, and raises the surge alert with it. A region without weather
 * history keeps the configured prior, and /healthz says which is which.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startSystem, type RunningSystem } from '../system/system.js'
import type { StoredEvent } from '../core/events.js'
import { generate } from '../simulator/index.js'
import { DAY, HOUR } from '../simulator/calendar.js'
import { eventRows, insertEventRows } from '../warehouse/event-rows.js'
import { eventually, tempDir, testConfig, uniqueNamespace } from '../testing/env.js'
import { forecastService, type ForecastService } from './service.js'
import { fromLocalMinutes, toLocalMinutes } from '../kits/time/index.js'
import { dayOf, formatLocal } from './series.js'

const TZ = 'Asia/Shanghai'
const TENANT = 'demo' // the simulator's tenant
const DAYS = 22 // 7 to warm the calendar forecast up + 15 to learn from
const EFFECT = 0.3 // the simulated truth
const PRIOR = 0.8 // the configured prior, far from the truth so the test sees which one is used
const QUEUES = ['repair', 'presales', 'aftersales', 'complaints', 'vip']
const dir = tempDir('weather-learning')
const feed = join(dir.path, 'weather.json')
const today = dayOf(toLocalMinutes(Date.now(), TZ)) * 1440
const START = fromLocalMinutes(today - DAYS * 1440, TZ)
const NOW = fromLocalMinutes(today + 9 * 60, TZ)
let sys: RunningSystem
let service: ForecastService
const logs: string[] = []

/** Deterministic showers: about one hour in six rains, 5-30 mm/h, constant within the hour. */
function rainAt(ts: number): number {
  const h = Math.floor((ts - START) / HOUR)
  const x = Math.sin(h * 12.9898 + 78.233) * 43758.5453
  const u = x - Math.floor(x)
  return u < 0.17 ? 5 + (u / 0.17) * 25 : 0
}

/** The feed: the simulated rain for every past hour, then 30 mm/h from 09:00 to 15:00 today. */
function writeFeed() {
  const hour = (local: number, rain: number) => ({
    time: formatLocal(local).slice(0, 16),
    precipitation: Math.round(rain * 10) / 10,
    temperature_2m: 22,
    wind_speed_10m: 10,
    wind_gusts_10m: 20,
    weather_code: rain > 0 ? 63 : 1,
  })
  const past = Array.from({ length: DAYS * 24 }, (_, h) => hour(today - DAYS * 1440 + h * 60, rainAt(START + h * HOUR)))
  const todays = Array.from({ length: 24 }, (_, h) => hour(today + h * 60, h >= 9 && h < 15 ? 30 : 0))
  writeFileSync(feed, JSON.stringify({ north: [...past, ...todays] }))
}

beforeAll(async () => {
  writeFeed()
  sys = await startSystem({
    config: testConfig(dir.path),
    namespace: uniqueNamespace(),
    services: [
      forecastService({
        timeZone: TZ,
        runAtStart: false,
        everyMinutes: 0,
        weatherSource: feed,
        rainUpliftPer10mm: PRIOR,
        regions: [
          { region: 'north', latitude: 39.9, longitude: 116.4, queues: QUEUES },
          { region: 'south', latitude: 22.3, longitude: 114.2, queues: ['presales'] }, // no weather in the feed
        ],
      }),
    ],
    log: (m) => logs.push(m),
  })
  service = sys.services.find((s) => s.name === 'forecast') as ForecastService
  const events = generate({
    seed: 7,
    start: START,
    durationMs: DAYS * DAY,
    ratePerHour: 60,
    agents: 30,
    drain: false,
    weather: { rainMmH: rainAt, maxRainMmH: 30, upliftPer10mm: EFFECT },
  })
  const stored = events.map(
    (e, i) =>
      ({ ...e, v: 1, event_id: e.event_id ?? `sim-${i}`, payload: e.payload ?? {}, received_at: e.ts }) as StoredEvent,
  )
  for (let i = 0; i < stored.length; i += 50_000)
    await insertEventRows(sys.warehouse, [eventRows(stored.slice(i, i + 50_000))])
  const contacts = new Set(
    events.filter((e) => e.channel !== 'ticket' && e.interaction_id).map((e) => e.interaction_id),
  ).size
  await eventually(
    async () =>
      Number(
        (
          await sys.warehouse.query<{ n: number }>(
            `SELECT count() AS n FROM interaction_facts WHERE tenant = '${TENANT}' AND channel != 'ticket'`,
          )
        )[0].n,
      ) >=
      contacts * 0.99,
    { what: 'simulated history in interaction_facts', timeoutMs: 60_000 },
  )
}, 120_000)

afterAll(async () => {
  await sys?.stop()
  dir.remove()
})

describe('learned weather uplift', () => {
  it('learns the simulated rain effect from stored weather and uses it for the surge alert', async () => {
    const t0 = Date.now()
    const run = await service.recompute(NOW)
    const runMs = Date.now() - t0
    const north = run.uplift.find((e) => e.tenant === TENANT && e.region === 'north')!
    console.log(
      `simulated +${100 * EFFECT}% per 10 mm/h, learned +${(100 * north.rain_per_10mm).toFixed(1)}% from ${north.days} days, ${north.rain_hours} rainy hours; run ${runMs} ms, ${run.series} series`,
    )
    expect(north.effect).toBe('learned')
    expect(north.rain_per_10mm).toBeGreaterThan(EFFECT * 0.8)
    expect(north.rain_per_10mm).toBeLessThan(EFFECT * 1.2)
    const surge = run.surges.find((s) => s.tenant === TENANT && s.region === 'north')!
    expect(surge).toBeDefined()
    // 30 mm/h for the whole window: the learned (1 + effect)^3 − 1, not the prior's 1.8^3 − 1 = +483%.
    expect(surge.reason).toContain(
      `rain up to 30.0 mm/h: +${Math.round(100 * ((1 + north.rain_per_10mm) ** 3 - 1))}% over the next 6 h`,
    )
    expect(logs.some((l) => l.includes('weather uplift demo/north: learned'))).toBe(true)
  })

  it('keeps the prior for a region without weather history and says so in /healthz', async () => {
    const south = service.lastRun!.uplift.find((e) => e.region === 'south')!
    expect(south).toMatchObject({ effect: 'prior', days: 0, rain_hours: 0 })
    expect(south.rain_per_10mm).toBeCloseTo(PRIOR, 6)
    const health = JSON.stringify(
      await (await fetch(`${sys.url}/healthz`, { headers: { authorization: `Bearer ${sys.adminToken}` } })).json(),
    )
    expect(health).toMatch(/"region":"north","effect":"learned"/)
    expect(health).toMatch(/"region":"south","effect":"prior","rain_per_10mm":0.8/)
  })

  it('stores each reported past hour once, however often it is re-read', async () => {
    await service.recompute(NOW)
    const [row] = await sys.warehouse.query<{ n: number; hours: number }>(
      `SELECT count() AS n, uniqExact(hour) AS hours FROM weather_hours FINAL WHERE tenant = '${TENANT}' AND region = 'north'`,
    )
    expect(Number(row.n)).toBe(DAYS * 24 + 9) // the past days, and today up to 09:00; later hours are forecasts
    expect(Number(row.hours)).toBe(Number(row.n))
  })
})
