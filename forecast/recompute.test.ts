import { describe, it, expect } from 'vitest'
import { buildForecasts, type SeriesKey } from './recompute.js'
import { formatLocal } from './series.js'
import { parseChatConcurrency, staffingTarget } from './service-settings.js'

const TZ = 'UTC'
const DAY = 1440
const key: SeriesKey = { tenant: 't1', queue: 'cards', channel: 'voice' }
const today = Math.floor(Date.UTC(2024, 4, 15) / 60_000 / DAY) // a Wednesday
const now = Date.UTC(2024, 4, 15, 12, 0) // 12:00, the morning is known

/** 28 whole days of 10 contacts per quarter-hour 08:00-20:00, and today's morning at `morning` per quarter-hour. */
function history(morning: number, k: SeriesKey = key) {
  const rows: (SeriesKey & { local_ts: string; offered: number })[] = []
  for (let d = today - 28; d <= today; d++)
    for (let m = 8 * 60; m < 20 * 60; m += 15) {
      if (d === today && m >= 12 * 60) break
      rows.push({ ...k, local_ts: formatLocal(d * DAY + m), offered: d === today ? morning : 10 })
    }
  return rows
}

const opts = { timeZone: TZ, now, historyDays: 56, days: 8, defaultAht: 180 }

describe('buildForecasts', () => {
  it("trains on whole days, so today's partial day leaves the stored forecast alone", async () => {
    const r = await buildForecasts(history(13), new Map(), opts)
    expect(r.series).toBe(1)
    expect(r.rows).toHaveLength(8 * 96)
    const at = (minute: number) => r.rows.find((row) => row.interval_start === (today * DAY + minute) * 60_000)!
    expect(at(15 * 60).forecast).toBeCloseTo(10, 0)
    expect(at(3 * 60).forecast).toBe(0)
  })

  it('re-forecasts the rest of today and tomorrow from a busy morning', async () => {
    const r = await buildForecasts(history(13), new Map(), opts)
    const todayRows = r.reforecast.filter((x) => x.interval_start < (today + 1) * DAY * 60_000)
    const tomorrow = r.reforecast.filter((x) => x.interval_start >= (today + 1) * DAY * 60_000)
    expect(todayRows).toHaveLength(48) // 12:00 to midnight
    expect(tomorrow).toHaveLength(96)
    expect(r.reforecast.every((x) => x.tenant === 't1' && x.queue === 'cards')).toBe(true)
    // 30% above the forecast all morning (208 vs 160 contacts): the afternoon is raised, less than 30%.
    const ratio = todayRows[0].ratio
    expect(ratio).toBeGreaterThan(1.05)
    expect(ratio).toBeLessThan(1.3)
    const at15 = todayRows.find((x) => x.interval_start === (today * DAY + 15 * 60) * 60_000)!
    expect(at15.reforecast).toBeCloseTo(10 * ratio, 0)
    expect(at15.required_agents).toBeGreaterThan(0)
    expect(tomorrow[0].ratio).toBeGreaterThan(1)
    expect(tomorrow[0].ratio).toBeLessThan(ratio)
  })

  it('leaves the forecast as it is when the morning runs as forecast', async () => {
    const r = await buildForecasts(history(10), new Map(), opts)
    expect(r.reforecast[0].ratio).toBeCloseTo(1, 2)
  })
})

describe('chat staffing', () => {
  const targets = { '*': { serviceLevel: 0.8, threshold: 60 } }
  const at15 = (rows: { interval_start: number; required_agents: number }[]) =>
    rows.find((r) => r.interval_start === (today * DAY + 15 * 60) * 60_000)!.required_agents

  it('staffs chat channels with several chats per agent, voice and email one at a time', async () => {
    const run = async (channel: string, chat = parseChatConcurrency('3')) =>
      at15((await buildForecasts(history(10, { ...key, channel }), new Map(), { ...opts, targets, chat })).rows)
    const voice = await run('voice')
    expect(await run('email')).toBe(voice)
    expect(await run('webchat', parseChatConcurrency('1'))).toBe(voice)
    const chat = await run('webchat')
    expect(chat).toBeLessThan(voice)
    expect(await run('wechat', parseChatConcurrency('1,cards:3'))).toBe(chat) // the queue's own setting wins
  })

  it('parses MOFANG_CHAT_CONCURRENCY: a default, then queue overrides', () => {
    expect(parseChatConcurrency('2,vip:1, complaints:4')).toEqual({ concurrency: 2, queues: { vip: 1, complaints: 4 } })
    expect(() => parseChatConcurrency('9')).toThrow('MOFANG_CHAT_CONCURRENCY')
    expect(() => parseChatConcurrency('vip:0')).toThrow('queue:k')
    expect(() => parseChatConcurrency('three')).toThrow('1-8')
    const chat = { ...parseChatConcurrency('3,vip:2'), slowdown: 0.4 }
    expect(staffingTarget(targets, chat, 'vip', 'line')).toMatchObject({ concurrency: 2, slowdown: 0.4 })
    expect(staffingTarget(targets, chat, 'vip', 'voice').concurrency).toBeUndefined()
  })
})
