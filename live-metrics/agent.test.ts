import { describe, expect, it } from 'vitest'
import type { AgentStateName } from '../core/contracts/index.js'
import { deriveTimeline, type StateSpan } from './agent.js'
import type { ContactSegment } from './interaction.js'
import { insertSorted, type SlimEvent } from './slim.js'

/** The timeline as first written: every event and contact mark as a point, all sorted together. The spec. */
function timelineBySorting(events: SlimEvent[], segments: ContactSegment[]): StateSpan[] {
  type Point = { ts: number; event?: SlimEvent; active?: 1 | -1 }
  const points: Point[] = events.map((event) => ({ ts: event.ts, event }))
  for (const s of segments) {
    points.push({ ts: s.start, active: 1 })
    if (s.end !== null) points.push({ ts: s.end, active: -1 })
  }
  points.sort((a, b) => a.ts - b.ts || (a.active ?? 0) - (b.active ?? 0))
  const spans: StateSpan[] = []
  let presence: { state: AgentStateName; reason?: string } | undefined
  let active = 0
  for (let i = 0; i < points.length; i++) {
    const p = points[i]
    if (p.event) {
      const t = p.event.type
      const next =
        t === 'agent.login' || t === 'agent.ready'
          ? { state: 'ready' as const }
          : t === 'agent.not_ready'
            ? { state: 'not_ready' as const, reason: p.event.reason }
            : t === 'agent.wrap_up'
              ? { state: 'wrap_up' as const }
              : t === 'agent.logout'
                ? { state: 'offline' as const }
                : undefined
      presence = next ?? presence ?? { state: 'ready' }
    } else {
      active += p.active ?? 0
      presence ??= { state: 'ready' }
    }
    if (i + 1 < points.length && points[i + 1].ts === p.ts) continue
    const state: AgentStateName = presence.state === 'offline' ? 'offline' : active > 0 ? 'on_contact' : presence.state
    const reason = state === 'not_ready' ? presence.reason : undefined
    const last = spans.at(-1)
    if (last && last.state === state && last.reason === reason) continue
    if (last) last.end = p.ts
    spans.push(reason === undefined ? { start: p.ts, end: null, state } : { start: p.ts, end: null, state, reason })
  }
  return spans
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure names its seed. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TYPES = ['agent.login', 'agent.ready', 'agent.not_ready', 'agent.wrap_up', 'agent.logout', 'agent.heartbeat']

/** Few distinct instants, so events and contact marks often share one. */
function day(seed: number): { events: SlimEvent[]; segments: ContactSegment[] } {
  const rnd = random(seed)
  const at = () => 1_000 * Math.floor(rnd() * 12)
  const events: SlimEvent[] = []
  for (let i = 0; i < rnd() * 30; i++) {
    const type = TYPES[Math.floor(rnd() * TYPES.length)]
    const e: SlimEvent = { event_id: `e${i}`, ts: at(), type, channel: 'voice' }
    if (type === 'agent.not_ready') e.reason = rnd() < 0.5 ? 'lunch' : 'training'
    insertSorted(events, e)
  }
  const segments: ContactSegment[] = []
  for (let i = 0; i < rnd() * 6; i++) {
    const start = at()
    const end = rnd() < 0.2 ? null : start + 1_000 * Math.floor(rnd() * 4)
    segments.push({ agent: 'a', start, end, channel: 'voice' })
  }
  return { events, segments }
}

describe('deriveTimeline', () => {
  it('merging the sorted events with the contact marks gives the timeline of sorting them all together', () => {
    for (let seed = 1; seed <= 2_000; seed++) {
      const { events, segments } = day(seed)
      expect(deriveTimeline(events, segments), `seed ${seed}`).toEqual(timelineBySorting(events, segments))
    }
  })
})
