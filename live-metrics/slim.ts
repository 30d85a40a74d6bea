/**
 * The part of a StoredEvent the live metrics need. Interactions keep their events
 * so they can be re-derived when a late event arrives; keeping chat texts and
 * customer identities for a whole day would cost memory for nothing.
 */
import type { StoredEvent } from '../core/index.js'

export interface SlimEvent {
  event_id: string
  ts: number
  type: string
  channel: string
  agent_id?: string
  interaction_id?: string
  queue?: string
  team?: string
  site?: string
  skills?: string[]
  /** chat.message role */
  role?: string
  /** voice.transfer target queue */
  to_queue?: string
  /** agent.not_ready reason */
  reason?: string
  /** chat.transferred_to_agent from_bot */
  from_bot?: boolean
  /** survey score */
  score?: number
  /** agent events: the agent's display name */
  agent_name?: string
  /** ticket.created priority */
  priority?: string
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/**
 * One copy of each categorical string (types, channels, queues, teams, sites, agents, roles). The engine keeps a day
 * of events, and every parsed event brought its own copies: V8's JSON.parse shares only strings of up to 10
 * characters, so "voice.offered" was one more heap object per kept event for the garbage collector to mark over and
 * over. Bounded: past MAX_SHARED distinct values it starts again, which costs only the sharing.
 */
const sharedStrings = new Map<string, string>()
const MAX_SHARED = 50_000

function shared(value: string | undefined): string | undefined {
  if (!value) return undefined
  const known = sharedStrings.get(value)
  if (known !== undefined) return known
  if (sharedStrings.size >= MAX_SHARED) sharedStrings.clear()
  sharedStrings.set(value, value)
  return value
}

/** The fields every slimmed event has, whether it came parsed from the stream or was packed. */
type CommonFields = Pick<SlimEvent, 'event_id' | 'ts' | 'type' | 'channel' | 'agent_id' | 'queue' | 'team' | 'site'>

/**
 * Every common field in one literal, set or not: the object then holds them itself. Added one by one, they went to a
 * separate property array, a second object per kept event.
 */
function withCommonFields(e: CommonFields, interactionId: string | undefined, role: string | undefined): SlimEvent {
  return {
    event_id: e.event_id,
    ts: e.ts,
    type: shared(e.type)!,
    channel: shared(e.channel)!,
    agent_id: shared(e.agent_id),
    interaction_id: interactionId,
    queue: shared(e.queue),
    team: shared(e.team),
    site: shared(e.site),
    role: shared(role),
  }
}

/** `interactionId`: the engine's own copy of the event's interaction id, shared by all its events. */
export function slim(e: StoredEvent, interactionId = e.interaction_id || undefined): SlimEvent {
  const p = e.payload ?? {}
  const s = withCommonFields(e, interactionId, e.type === 'chat.message' ? str(p.role) : undefined)
  if (e.skills?.length) s.skills = e.skills
  if (e.agent_name) s.agent_name = e.agent_name
  if (e.type === 'voice.transfer') s.to_queue = str(p.to_queue)
  else if (e.type === 'agent.not_ready') s.reason = str(p.reason) ?? 'unknown'
  else if (e.type === 'chat.transferred_to_agent') s.from_bot = p.from_bot === true
  else if (e.type === 'ticket.created') s.priority = str(p.priority)
  else if (e.type === 'survey.nps' || e.type === 'survey.csat')
    s.score = typeof p.score === 'number' ? p.score : undefined
  return s
}

/** The fields slim() sets only for some types. */
const TYPE_FIELDS = ['skills', 'agent_name', 'to_queue', 'reason', 'from_bot', 'score', 'priority'] as const

/** Events packed with JSON.stringify, as slim() makes them (same shape, shared strings), all of `interactionId`. */
export function unpackEvents(packed: string, interactionId: string): SlimEvent[] {
  return (JSON.parse(packed) as SlimEvent[]).map((p) => {
    const s = withCommonFields(p, interactionId, p.role)
    for (const k of TYPE_FIELDS) if (p[k] !== undefined) (s as unknown as Record<string, unknown>)[k] = p[k]
    return s
  })
}

/** Same-millisecond events sort in the order they happen in a contact's life. */
const RANK: Record<string, number> = {
  'voice.offered': 0,
  'chat.started': 0,
  'ticket.created': 0,
  'voice.ivr': 1,
  'voice.queued': 2,
  'chat.transferred_to_agent': 3,
  'voice.answered': 4,
  'agent.login': 0,
  'voice.hold': 6,
  'voice.unhold': 7,
  'voice.transfer': 8,
  'voice.abandoned': 9,
  'voice.ended': 10,
  'chat.ended': 10,
  'agent.wrap_up': 11,
  'agent.logout': 12,
}

export function byTime(a: SlimEvent, b: SlimEvent): number {
  return (
    a.ts - b.ts ||
    (RANK[a.type] ?? 5) - (RANK[b.type] ?? 5) ||
    (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0)
  )
}

/**
 * Inserts `e` after the events that sort before or with it; events mostly arrive in order, so appending needs no
 * search.
 */
export function insertSorted(list: SlimEvent[], e: SlimEvent): void {
  if (list.length === 0 || byTime(list[list.length - 1], e) <= 0) {
    list.push(e)
    return
  }
  // Binary search for the first event sorting after `e` (the last one does).
  let lo = 0
  let hi = list.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (byTime(list[mid], e) > 0) hi = mid
    else lo = mid + 1
  }
  list.splice(lo, 0, e)
}
