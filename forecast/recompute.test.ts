import { describe, it, expect } from 'vitest'
import { buildForecasts, type HistoryRow } from './recompute.js'
import { formatLocal } from './series.js'
import type { SeriesKey } from './series-key.js'
import { buildTicketForecasts } from './tickets.js'
import { parseChatConcurrency, staffingTarget } from './service-settings.js'

const TZ = 'UTC'
const DAY = 1440
const key: SeriesKey = { tenant: 't1', queue: 'cards', channel: 'voice' }
const today = Math.floor(Date.UTC(2024, 4, 15) / 60_000 / DAY) // a Wednesday
const now = Date.UTC(2024, 4, 15, 12, 0) // 12:00, the morning is known

/**
 * 28 whole days of 10 contacts per quarter-hour 08:00-20:00, and today's morning at `morning` per quarter-hour;
 * each answered contact takes `handleS(m)` seconds (none answered when it returns 0).
 */
function history(morning: number, k: SeriesKey = key, handleS = (m: number): number => (m < 14 * 60 ? 240 : 120)) {
  const rows: HistoryRow[] = []
  for (let d = today - 28; d <= today; d++)
    for (let m = 8 * 60; m < 20 * 60; m += 15) {
      if (d === today && m >= 12 * 60) break
      const offered = d === today ? morning : 10
      const handled = handleS(m) > 0 ? offered : 0
      rows.push({ ...k, local_ts: formatLocal(d * DAY + m), offered, handled, handle_s: handled * handleS(m) })
    }
  return rows
}

const opts = { timeZone: TZ, now, historyDays: 56, days: 8, defaultAht: 180 }

describe('buildForecasts', () => {
  it("trains on whole days, so today's partial day leaves the stored forecast alone", async () => {
    const r = await buildForecasts(history(13), opts)
    expect(r.series).toBe(1)
    expect(r.rows).toHaveLength(8 * 96)
    const at = (minute: number) => r.rows.find((row) => row.interval_start === (today * DAY + minute) * 60_000)!
    expect(at(15 * 60).forecast).toBeCloseTo(10, 0)
    expect(at(3 * 60).forecast).toBe(0)
  })

  it('re-forecasts the rest of today and tomorrow from a busy morning', async () => {
    const r = await buildForecasts(history(13), opts)
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
    const r = await buildForecasts(history(10), opts)
    expect(r.reforecast[0].ratio).toBeCloseTo(1, 2)
  })

  it('staffs each interval with its own AHT forecast: long morning calls need more agents than short afternoon ones', async () => {
    const r = await buildForecasts(history(10), opts)
    const at = (minute: number) => r.rows.find((row) => row.interval_start === ((today + 1) * DAY + minute) * 60_000)!
    expect(at(10 * 60).aht_s).toBeGreaterThan(225)
    expect(at(10 * 60).aht_s).toBeLessThan(250)
    expect(at(17 * 60).aht_s).toBeGreaterThan(115)
    expect(at(17 * 60).aht_s).toBeLessThan(135)
    expect(at(10 * 60).forecast).toBeCloseTo(at(17 * 60).forecast, 0)
    expect(at(10 * 60).required_agents).toBeGreaterThan(at(17 * 60).required_agents)
  })

  it("gives a queue with no answered contacts its channel's AHT, and a channel with none the default", async () => {
    const other = { ...key, queue: 'loans' }
    const r = await buildForecasts([...history(10), ...history(10, other, () => 0)], opts)
    const at = (queue: string, minute: number) =>
      r.rows.find((row) => row.queue === queue && row.interval_start === ((today + 1) * DAY + minute) * 60_000)!
    expect(at('loans', 10 * 60).aht_s).toBeCloseTo(at('cards', 10 * 60).aht_s, 1)
    const alone = await buildForecasts(
      history(10, key, () => 0),
      opts,
    )
    expect(alone.rows.every((row) => row.aht_s === opts.defaultAht)).toBe(true)
  })
})

describe('buildTicketForecasts', () => {
  it('forecasts tickets round the clock, intervals without a ticket counted as none', async () => {
    // 2 tickets an hour, at :00 only (three quarter-hours in four have no row), every day of 28.
    const rows = Array.from({ length: 28 * 24 }, (_, h) => ({
      tenant: 't1',
      queue: 'cards',
      channel: 'email',
      local_ts: formatLocal((today - 28) * DAY + h * 60),
      created: 2,
    }))
    const r = await buildTicketForecasts(rows, opts)
    expect(r.series).toBe(1)
    expect(r.rows).toHaveLength(8 * 96)
    const tomorrow = r.rows.filter((x) => x.interval_start >= (today + 1) * DAY * 60_000).slice(0, 96)
    expect(tomorrow.reduce((s, x) => s + x.forecast, 0)).toBeCloseTo(48, 0)
    expect(tomorrow.find((x) => x.interval_start === ((today + 1) * DAY + 3 * 60) * 60_000)!.forecast).toBeCloseTo(2, 0)
  })
})

describe('chat staffing', () => {
  const targets = { '*': { serviceLevel: 0.8, threshold: 60 } }
  const at15 = (rows: { interval_start: number; required_agents: number }[]) =>
    rows.find((r) => r.interval_start === (today * DAY + 15 * 60) * 60_000)!.required_agents

  it('staffs chat channels with several chats per agent, voice and email one at a time', async () => {
    const run = async (channel: string, chat = parseChatConcurrency('3')) =>
      at15((await buildForecasts(history(10, { ...key, channel }), { ...opts, targets, chat })).rows)
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
