import { describe, expect, it } from 'vitest'
import type { Channel } from '../core/index.js'
import { TimeHeap } from '../kits/sim/index.js'
import { HOUR } from './calendar.js'
import { generate } from './generate.js'
import { BURST_WINDOW_MS, scheduleIncidentBursts, type IncidentHost } from './incidents.js'
import { screenshotOf } from './screenshots.js'

const MONDAY = Date.parse('2024-05-06T00:00:00+08:00')

/** A host that runs the scheduled actions in time order and records the burst chats. */
function bursts(seed: number, hours: number) {
  const heap = new TimeHeap<() => void>()
  const chats: { at: number; channel: Channel; error: string }[] = []
  const host: IncidentHost = {
    now: MONDAY,
    finishing: false,
    at: (t, run) => heap.push(t, run),
    arriveWithError: (channel, error) => chats.push({ at: host.now, channel, error }),
  }
  scheduleIncidentBursts(host, seed, MONDAY)
  while (heap.size > 0 && heap.peekTime() <= MONDAY + hours * HOUR) {
    ;(host as { now: number }).now = heap.peekTime()
    heap.pop()!()
  }
  return chats
}

describe('incident bursts', () => {
  it('bring 8–12 chats about one error code within 10 minutes, every few hours, the same for a seed', () => {
    const chats = bursts(7, 48)
    expect(bursts(7, 48)).toEqual(chats)
    // Group by error and burst: chats less than an hour apart belong to one burst (bursts are ≥ 1 h apart).
    const groups: (typeof chats)[] = []
    for (const c of [...chats].sort((a, b) => a.at - b.at)) {
      const last = groups.at(-1)
      if (last && c.at - last[0].at < HOUR) last.push(c)
      else groups.push([c])
    }
    expect(groups.length).toBeGreaterThanOrEqual(4)
    for (const g of groups.slice(0, -1)) {
      expect(g.length).toBeGreaterThanOrEqual(8)
      expect(g.length).toBeLessThanOrEqual(12)
      expect(new Set(g.map((c) => c.error)).size).toBe(1)
      expect(g.at(-1)!.at - g[0].at).toBeLessThanOrEqual(BURST_WINDOW_MS)
    }
  })

  it('send screenshots of the error in some repair chats, inline PNG, and bursts only when asked', () => {
    const opts = { seed: 7, start: MONDAY + 9 * HOUR, durationMs: 6 * HOUR, drain: false }
    const withShots = (events: ReturnType<typeof generate>) =>
      events.filter((e) => e.type === 'chat.message' && (e.payload as { attachments?: unknown[] }).attachments)
    const plain = generate(opts)
    const shots = withShots(plain)
    expect(shots.length).toBeGreaterThan(0)
    for (const e of shots) {
      const [a] = (e.payload as { attachments: { kind: string; content_type: string; data: string }[] }).attachments
      expect(a).toMatchObject({ kind: 'image', content_type: 'image/png' })
      expect(Buffer.from(a.data, 'base64').subarray(1, 4).toString()).toBe('PNG')
      expect((e.payload as { role: string }).role).toBe('customer')
    }
    const started = (events: ReturnType<typeof generate>) => events.filter((e) => e.type === 'chat.started').length
    const withIncidents = generate({ ...opts, incidents: true })
    expect(started(withIncidents)).toBeGreaterThan(started(plain))
    expect(withShots(withIncidents).length).toBeGreaterThan(shots.length)
  })

  it('draw a blue screen for a stop code and a dialog for the rest', () => {
    expect(screenshotOf('INACCESSIBLE_BOOT_DEVICE', 'en')).toEqual({
      kind: 'blue_screen',
      language: 'en',
      stopCode: '0x0000007B',
      name: 'INACCESSIBLE_BOOT_DEVICE',
    })
    expect(screenshotOf('2100: Detection error on HDD0', 'zh')).toEqual({
      kind: 'error_dialog',
      language: 'zh',
      code: '2100',
      message: 'Detection error on HDD0',
    })
    expect(screenshotOf('Error 0271', 'en')).toMatchObject({ kind: 'error_dialog', code: '0271', message: undefined })
  })
})
