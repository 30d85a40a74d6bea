/**
 * An agent's day as a timeline of states, derived (pure) from its agent.* events
 * and the contact segments the interactions report for it.
 *
 * State at an instant, by precedence: offline (logged out) > on_contact (≥ 1 open
 * contact) > wrap_up (agent.wrap_up until the next ready/not_ready/logout) >
 * not_ready (reason) > ready. An agent never seen logging in is taken as logged in
 * from its first event or contact (the engine may have started mid-shift).
 */
import type { AgentStateName } from '../core/contracts/index.js'
import type { ContactSegment } from './interaction.js'
import type { SlimEvent } from './slim.js'

export interface StateSpan {
  start: number
  /** null = still in this state */
  end: number | null
  state: AgentStateName
  reason?: string
}

type Presence = Readonly<{ state: 'offline' | 'ready' | 'wrap_up' | 'not_ready'; reason?: string }>

// Shared: a busy agent's day has thousands of events, and the timeline is derived again whenever it changes.
const READY: Presence = { state: 'ready' }
const WRAP_UP: Presence = { state: 'wrap_up' }
const OFFLINE: Presence = { state: 'offline' }

function presenceAfter(e: SlimEvent): Presence | undefined {
  switch (e.type) {
    case 'agent.login':
    case 'agent.ready':
      return READY
    case 'agent.not_ready':
      return { state: 'not_ready', reason: e.reason }
    case 'agent.wrap_up':
      return WRAP_UP
    case 'agent.logout':
      return OFFLINE
  }
  return undefined
}

/** Spans in time order; adjacent spans always differ in state or reason. */
export function deriveTimeline(events: SlimEvent[], segments: ContactSegment[]): StateSpan[] {
  // The agent's events are in time order already (insertSorted), so they merge with the few contact starts (+1) and
  // ends (-1) instead of being sorted again with them: an agent with a busy day has thousands of events.
  const marks: { ts: number; active: 1 | -1 }[] = []
  for (const s of segments) {
    marks.push({ ts: s.start, active: 1 })
    if (s.end !== null) marks.push({ ts: s.end, active: -1 })
  }
  marks.sort((a, b) => a.ts - b.ts)
  const spans: StateSpan[] = []
  let presence: Presence | undefined
  let active = 0
  let i = 0
  let j = 0
  while (i < events.length || j < marks.length) {
    const e = events[i] as SlimEvent | undefined
    const m = marks[j] as (typeof marks)[number] | undefined
    // Agent events apply in their own order; the state is taken once all that happened at one instant is in.
    let ts: number
    if (m && (!e || m.ts <= e.ts)) {
      ts = m.ts
      active += m.active
      presence ??= READY
      j++
    } else {
      ts = e!.ts
      // The first thing seen is not a login: assume the agent was logged in already.
      presence = presenceAfter(e!) ?? presence ?? READY
      i++
    }
    if ((i < events.length && events[i].ts === ts) || (j < marks.length && marks[j].ts === ts)) continue
    const state: AgentStateName = presence.state === 'offline' ? 'offline' : active > 0 ? 'on_contact' : presence.state
    const reason = state === 'not_ready' ? presence.reason : undefined
    const last = spans.at(-1)
    if (last && last.state === state && last.reason === reason) continue
    if (last) last.end = ts
    spans.push(reason === undefined ? { start: ts, end: null, state } : { start: ts, end: null, state, reason })
  }
  return spans
}

export interface Occupancy {
  /** on contact + wrap, ms */
  busyMs: number
  /** ready (idle and available), ms */
  readyMs: number
}

/** Time in each bucket of occupancy within [from, to). */
export function occupancyIn(spans: StateSpan[], from: number, to: number, into: Occupancy): void {
  for (const s of spans) {
    const a = Math.max(s.start, from)
    const b = Math.min(s.end ?? to, to)
    if (b <= a) continue
    if (s.state === 'on_contact' || s.state === 'wrap_up') into.busyMs += b - a
    else if (s.state === 'ready') into.readyMs += b - a
  }
}

/** The span holding `ts` (the last one when `ts` is past the end). */
export function spanAt(spans: StateSpan[], ts: number): StateSpan | undefined {
  for (let i = spans.length - 1; i >= 0; i--) if (spans[i].start <= ts) return spans[i]
  return undefined
}

/**
 * Wrap-up time per interaction: each agent.wrap_up lasts until the agent's next
 * ready/not_ready/logout/login (an open wrap counts nothing yet). It belongs to the
 * interaction named on the event, else to the agent's contact that ended last, at
 * most `linkMs` before it (and not after it, allowing 2 s of clock skew).
 */
export function wrapLinks(
  events: SlimEvent[],
  segments: Map<string, ContactSegment[]>,
  linkMs: number,
): Map<string, number> {
  const links = new Map<string, number>()
  // Walk backwards so the next non-wrap event is known in one pass.
  let endTs: number | undefined
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]
    if (e.type !== 'agent.wrap_up') {
      endTs = e.ts
      continue
    }
    if (endTs === undefined) continue
    const target = e.interaction_id ?? lastEndedBefore(segments, e.ts, linkMs)
    if (target !== undefined) links.set(target, (links.get(target) ?? 0) + (endTs - e.ts))
  }
  return links
}

const SKEW_MS = 2000

function lastEndedBefore(segments: Map<string, ContactSegment[]>, ts: number, linkMs: number): string | undefined {
  let best: string | undefined
  let bestEnd = -Infinity
  for (const [iid, list] of segments) {
    for (const s of list) {
      if (s.end !== null && s.end <= ts + SKEW_MS && s.end >= ts - linkMs && s.end > bestEnd) {
        best = iid
        bestEnd = s.end
      }
    }
  }
  return best
}
