import { readFileSync } from 'node:fs'
import { describe, it, expect } from 'vitest'
import { parseLocalTimestamp } from '../series.js'
import { fileFeedSource, parseWeatherFeed } from './file-feed.js'
import { openMeteoSource, openMeteoUrl, parseOpenMeteo } from './open-meteo.js'
import type { Region } from './types.js'

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')
const hk: Region = { region: 'hk', latitude: 22.25, longitude: 114.25, queues: ['hk-voice', 'hk-chat'] }

/** A fetch that answers from a fixture and records the URL. */
function fakeFetch(status: number, body: string, seen: string[] = []): typeof fetch {
  return (async (url: string) => {
    seen.push(String(url))
    return new Response(body, { status, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch
}

describe('Open-Meteo client', () => {
  it('asks for the documented hourly variables in local time', () => {
    const url = new URL(openMeteoUrl(hk, { baseUrl: 'http://meteo.local/v1/forecast' }))
    expect(url.origin + url.pathname).toBe('http://meteo.local/v1/forecast')
    expect(url.searchParams.get('hourly')).toBe(
      'precipitation,temperature_2m,wind_speed_10m,wind_gusts_10m,weather_code',
    )
    expect(url.searchParams.get('timezone')).toBe('auto')
    expect(url.searchParams.get('past_days')).toBe('1') // yesterday's last hours reach the weather history
  })

  it('parses a response in local time', async () => {
    const seen: string[] = []
    const r = await openMeteoSource({ fetch: fakeFetch(200, fixture('open-meteo-hk-typhoon.json'), seen) }).fetch([hk])
    expect(r.warnings).toEqual([])
    const hours = r.byRegion.get('hk')!
    expect(hours).toHaveLength(48)
    expect(hours[13]).toEqual({
      time: parseLocalTimestamp('2024-07-01T13:00'),
      precipitation: 31,
      temperature: hours[13].temperature,
      windSpeed: 62,
      windGusts: 118.8,
      weatherCode: 95,
    })
    expect(seen[0]).toContain('latitude=22.25')
  })

  it.each([
    ['an HTTP error', fakeFetch(400, fixture('open-meteo-error.json')), /HTTP 400/],
    [
      'a malformed body',
      fakeFetch(200, '{"hourly": {"time": ["2024-07-01T00:00"]}}'),
      /hourly.precipitation is missing/,
    ],
    ['non-JSON', fakeFetch(200, '<html>busy</html>'), /JSON/],
    [
      'a network failure',
      (async () => {
        throw new TypeError('fetch failed')
      }) as unknown as typeof fetch,
      /fetch failed/,
    ],
  ])('degrades to no signal with a warning on %s', async (_, f, reason) => {
    const r = await openMeteoSource({ fetch: f }).fetch([hk])
    expect(r.byRegion.size).toBe(0)
    expect(r.warnings[0]).toMatch(/open-meteo hk: no weather signal/)
    expect(r.warnings[0]).toMatch(reason)
  })

  it('times out a hanging server', async () => {
    const hang = ((_: string, init: RequestInit) =>
      new Promise((_, reject) =>
        init.signal!.addEventListener('abort', () => reject(init.signal!.reason)),
      )) as unknown as typeof fetch
    const r = await openMeteoSource({ fetch: hang, timeoutMs: 20 }).fetch([hk])
    expect(r.warnings[0]).toMatch(/no weather signal/)
  })

  it('skips single null hours instead of failing the region', () => {
    const body = JSON.parse(fixture('open-meteo-hk-typhoon.json'))
    body.hourly.temperature_2m[5] = null
    expect((parseOpenMeteo(body) as unknown[]).length).toBe(47)
  })
})

describe('file feed', () => {
  it('reads CSV, skipping a bad row with its line number', () => {
    const r = parseWeatherFeed(fixture('weather-feed.csv'), 'feed.csv')
    expect(r.byRegion.get('north')).toHaveLength(2)
    expect(r.byRegion.get('south')![0].temperature).toBe(31.5)
    expect(r.warnings).toEqual(['feed.csv line 4: precipitation is missing or not a number; row skipped'])
  })

  it('reads JSON', () => {
    const r = parseWeatherFeed(
      JSON.stringify({
        hk: [
          {
            time: '2024-07-01T10:00',
            precipitation: 3,
            temperature_2m: 30,
            wind_speed_10m: 10,
            wind_gusts_10m: 20,
            weather_code: 61,
          },
        ],
      }),
      'f.json',
    )
    expect(r.byRegion.get('hk')![0].precipitation).toBe(3)
  })

  it('degrades on a missing file, bad JSON or a wrong header', async () => {
    const missing = await fileFeedSource('/nonexistent/weather.json').fetch([hk])
    expect(missing.byRegion.size).toBe(0)
    expect(missing.warnings[0]).toMatch(/cannot read/)
    expect(parseWeatherFeed('{oops', 'f.json').warnings[0]).toMatch(/not valid JSON/)
    expect(parseWeatherFeed('a,b\n1,2', 'f.csv').warnings[0]).toMatch(/header must have/)
  })

  it('keeps only configured regions', async () => {
    const r = await fileFeedSource('feed.csv', async () => fixture('weather-feed.csv')).fetch([
      { ...hk, region: 'south' },
    ])
    expect([...r.byRegion.keys()]).toEqual(['south'])
  })
})
