/**
 * The forecast service in the real system (chDB, nats-server, wallboard auth):
 * recompute and store from warehouse history, the planner API, and the weather
 * surge path end to end (feed file → alert on NATS → stored → wallboard banner),
 * including a malformed and a missing feed degrading to "no weather signal".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startSystem, type RunningSystem } from '../system/system.js'
import { liveMetricsService } from '../live-metrics/service.js'
import { wallboardService } from '../web/server/service.js'
import { eventually, tempDir, testConfig, uniqueNamespace } from '../testing/env.js'
import { forecastService, type ForecastService } from './service.js'
import { fromLocalMinutes, toLocalMinutes } from '../kits/time/index.js'
import { dayOf, formatLocal } from './series.js'
import { historyEvents, loginEvents, ticketEvents } from './test-helpers/history-events.js'

const TZ = 'Asia/Shanghai'
const TENANT = 'demo' // the dev supervisor's tenant
const dir = tempDir('forecast')
const feed = join(dir.path, 'weather.json')
const today = dayOf(toLocalMinutes(Date.now(), TZ)) * 1440
const NOW = fromLocalMinutes(today + 9 * 60, TZ) // 09:00 local today: the centre is open for the next hours
const calls = (m: number) => 3 + Math.round(3 * Math.sin((Math.PI * (m - 480)) / 720))
/** Calls take 4 minutes in the morning and 2 in the afternoon. */
const talkS = (m: number) => (m < 14 * 60 ? 240 : 120)
const logs: string[] = []
let sys: RunningSystem
let service: ForecastService

/** Heavy rain (30 mm/h) in the north from 09:00 to 15:00 today. */
function rainFeed() {
  const hours = Array.from({ length: 24 }, (_, h) => ({
    time: formatLocal(today + h * 60).slice(0, 16),
    precipitation: h >= 9 && h < 15 ? 30 : 0,
    temperature_2m: 24,
    wind_speed_10m: 10,
    wind_gusts_10m: 20,
    weather_code: h >= 9 && h < 15 ? 63 : 1,
  }))
  writeFileSync(feed, JSON.stringify({ north: hours }))
}

beforeAll(async () => {
  sys = await startSystem({
    config: testConfig(dir.path),
    namespace: uniqueNamespace(),
    services: [
      liveMetricsService({ timeZone: TZ }),
      wallboardService(),
      forecastService({
        timeZone: TZ,
        runAtStart: false,
        everyMinutes: 0,
        weatherSource: feed,
        regions: [{ region: 'north', latitude: 39.9, longitude: 116.4, queues: ['repair'] }],
      }),
    ],
    log: (m) => logs.push(m),
  })
  service = sys.services.find((s) => s.name === 'forecast') as ForecastService
  await sys.warehouse.insert(
    'events',
    historyEvents({
      tenant: TENANT,
      queue: 'repair',
      timeZone: TZ,
      firstDay: today - 28 * 1440,
      days: 28,
      calls,
      talkS,
    }),
  )
  // E-mails round the clock: 3 an hour by day, 1 at night.
  await sys.warehouse.insert(
    'events',
    ticketEvents({
      tenant: TENANT,
      queue: 'repair',
      channel: 'email',
      timeZone: TZ,
      firstDay: today - 28 * 1440,
      days: 28,
      perHour: (h) => (h >= 8 && h < 20 ? 3 : 1),
    }),
  )
  await sys.warehouse.insert('events', loginEvents(TENANT, TZ, 4, today + 8 * 60, today + 12 * 60))
  await eventually(
    async () =>
      Number(
        (
          await sys.warehouse.query<{ n: number }>(
            `SELECT count() AS n FROM interaction_facts WHERE tenant = '${TENANT}'`,
          )
        )[0].n,
      ) >=
      28 * 48 * 3 + 28 * 48,
    { what: 'history in interaction_facts' },
  )
}, 120_000)

afterAll(async () => {
  await sys?.stop()
  dir.remove()
})

describe('forecast service', () => {
  it('recomputes from warehouse history and stores forecasts with their AHT and required agents', async () => {
    rainFeed()
    const run = await service.recompute(NOW)
    expect(run.series).toBe(1) // e-mail is a ticket channel: forecast apart, not staffed
    expect(run.rows).toBe(8 * 96)
    const at = async (m: number) =>
      (
        await sys.warehouse.query<{ forecast: number; required_agents: number; aht_s: number; method: string }>(
          `SELECT forecast, required_agents, aht_s, method FROM forecasts FINAL WHERE tenant = '${TENANT}' AND queue = 'repair' AND interval_start = fromUnixTimestamp64Milli({t:Int64})`,
          { t: fromLocalMinutes(today + 1440 + m, TZ) },
        )
      )[0]
    const peak = await at(14 * 60)
    expect(peak.forecast).toBeGreaterThan(5)
    expect(peak.forecast).toBeLessThan(7)
    expect(peak.required_agents).toBeGreaterThanOrEqual(2)
    // Morning calls take twice as long: the AHT forecast says so per interval, and so do the agents (10:00 and
    // 18:00 both forecast about 5 calls).
    const [morning, evening] = [await at(10 * 60), await at(18 * 60)]
    expect(morning.aht_s).toBeCloseTo(240, -1)
    expect(evening.aht_s).toBeCloseTo(120, -1)
    expect(morning.forecast).toBeCloseTo(evening.forecast, 0)
    expect(morning.required_agents).toBeGreaterThan(evening.required_agents)
    expect((await at(3 * 60)).forecast).toBe(0) // closed at night
    expect((await at(3 * 60)).required_agents).toBe(0)
  })

  it('forecasts tickets apart, round the clock, without staffing', async () => {
    const run = await service.recompute(NOW)
    expect(run.ticketSeries).toBe(1)
    const rows = await sys.warehouse.query<{ channel: string; n: number; day: number; night: number }>(
      `SELECT channel, count() AS n,
              sumIf(forecast, interval_start >= fromUnixTimestamp64Milli({from:Int64}) AND interval_start < fromUnixTimestamp64Milli({from:Int64}) + INTERVAL 1 DAY) AS day,
              sumIf(forecast, interval_start >= fromUnixTimestamp64Milli({from:Int64}) AND interval_start < fromUnixTimestamp64Milli({from:Int64}) + INTERVAL 6 HOUR) AS night
       FROM ticket_forecasts FINAL WHERE tenant = '${TENANT}' GROUP BY channel`,
      { from: fromLocalMinutes(today + 1440, TZ) },
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ channel: 'email' })
    expect(Number(rows[0].n)).toBe(8 * 96)
    expect(Number(rows[0].day)).toBeCloseTo(12 * 3 + 12, -1) // 48 e-mails a day
    expect(Number(rows[0].night)).toBeCloseTo(6, 0) // one an hour from midnight to 06:00: e-mail never closes
  })

  it('raises a weather surge: alert on NATS, stored, on the wallboard banner', async () => {
    rainFeed()
    const received: Record<string, unknown>[] = []
    const sub = sys.nats.nc.subscribe(`${sys.topology.alertSubject}.${TENANT}`, {
      callback: (_e, m) => void received.push(JSON.parse(new TextDecoder().decode(m.data))),
    })
    const run = await service.recompute(NOW)
    expect(run.weather.signal).toBe('ok')
    expect(run.surges).toHaveLength(1)
    const surge = run.surges[0]
    expect(surge.region).toBe('north')
    // 1.3^3 − 1 ≈ 120% more than the ~100 calls forecast for 09:00-15:00
    expect(surge.expected_extra_contacts).toBeGreaterThan(80)
    expect(surge.expected_extra_agents).toBeGreaterThanOrEqual(1)
    await eventually(async () => received.length > 0, { what: 'alert on NATS' })
    expect(received[0]).toMatchObject({
      tenant: TENANT,
      id: 'weather-surge-north',
      severity: 'warning',
      source: 'forecast',
    })
    sub.unsubscribe()
    const stored = await sys.warehouse.query<{ region: string; expected_extra_contacts: number }>(
      `SELECT region, expected_extra_contacts FROM surge_alerts WHERE tenant = '${TENANT}'`,
    )
    expect(stored[0]).toMatchObject({ region: 'north', expected_extra_contacts: surge.expected_extra_contacts })
    const token = (JSON.parse(readFileSync(join(dir.path, 'dev-wallboard.json'), 'utf8')) as { displayToken: string })
      .displayToken
    await eventually(
      async () => {
        const snap = (await (await fetch(`${sys.url}/api/snapshot?token=${token}`)).json()) as {
          alerts: { id: string }[]
        }
        return snap.alerts.some((a) => a.id === 'weather-surge-north')
      },
      { what: 'surge on the wallboard banner' },
    )
  })

  it('degrades a malformed or missing feed to "no weather signal" with a warning', async () => {
    writeFileSync(feed, '{"north": [ {"time": "2024-')
    let run = await service.recompute(NOW)
    expect(run.weather.signal).toBe('no weather signal')
    expect(run.weather.warnings.join()).toMatch(/not valid JSON/)
    expect(run.surges).toHaveLength(0)
    expect(run.rows).toBe(8 * 96) // the forecast itself carries on
    rmSync(feed)
    run = await service.recompute(NOW)
    expect(run.weather.signal).toBe('no weather signal')
    expect(run.weather.warnings.join()).toMatch(/cannot read/)
    expect(logs.some((l) => l.includes('weather warning'))).toBe(true)
    const health = (await (
      await fetch(`${sys.url}/healthz`, { headers: { authorization: `Bearer ${sys.adminToken}` } })
    ).json()) as Record<string, unknown>
    expect(JSON.stringify(health)).toContain('no weather signal')
  })

  it('serves the planner API to planners only', async () => {
    expect((await fetch(`${sys.url}/api/planner/data`)).status).toBe(401)
    const dev = JSON.parse(readFileSync(join(dir.path, 'dev-wallboard.json'), 'utf8')) as {
      displayToken: string
      supervisor: string
      password: string
    }
    expect((await fetch(`${sys.url}/api/planner/data?token=${dev.displayToken}`)).status).toBe(403)
    const login = await fetch(`${sys.url}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: dev.supervisor, password: dev.password }),
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]
    const res = await fetch(`${sys.url}/api/planner/data?days=2`, { headers: { cookie } })
    expect(res.status, logs.filter((l) => l.startsWith('planner')).join('\n')).toBe(200)
    const body = (await res.json()) as {
      forecasts: { channel: string }[]
      tickets: { channel: string; forecast: number }[]
      ticket_actuals: { offered: number }[]
      reforecast: { t: number; reforecast: number; ratio: number }[]
      logged_in: { t: number; agents: number }[]
      actuals: unknown[]
    }
    expect(body.forecasts).toHaveLength(2 * 96)
    expect(body.forecasts.every((f) => f.channel === 'voice')).toBe(true)
    expect(body.tickets).toHaveLength(2 * 96)
    expect(body.tickets.every((f) => f.channel === 'email')).toBe(true)
    const yesterday = formatLocal(today - 1440).slice(0, 10)
    const before = (await (
      await fetch(`${sys.url}/api/planner/data?date=${yesterday}&days=1`, { headers: { cookie } })
    ).json()) as { ticket_actuals: { offered: number }[] }
    expect(before.ticket_actuals.reduce((s, a) => s + a.offered, 0)).toBe(48)
    // The re-forecast of the last run (at 09:00): the rest of today from 09:00, and tomorrow.
    expect(body.reforecast).toHaveLength(60 + 96)
    expect(body.reforecast[0].t).toBe(fromLocalMinutes(today + 9 * 60, TZ))
    expect(body.logged_in.find((r) => r.t === fromLocalMinutes(today + 10 * 60, TZ))?.agents).toBe(4)
    expect((await fetch(`${sys.url}/api/planner/data?days=99`, { headers: { cookie } })).status).toBe(400)
  })
})
