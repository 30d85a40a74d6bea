/**
 * What one interaction contributes to the metrics, derived from all its events so
 * far (sorted by time). Pure: the engine re-runs it after events arrive (in batches,
 * not on every event), so late and out-of-order events simply change the result.
 *
 * A contact is split into queue legs: the first starts when it is offered, each
 * transfer starts another. Queue and team rows count every leg; tenant and channel
 * rows count the contact once, by its first leg.
 */
import type { CounterDelta } from './counters.js'
import { slTargetFor, type ResolvedOptions } from './options.js'
import type { SlimEvent } from './slim.js'

/** One contribution to the counters, at the time of the event that closes it. */
export interface Fact {
  ts: number
  /** Counted in tenant and channel rows too (false for the offered/answered/abandoned of a second leg). */
  contactLevel: boolean
  channel: string
  queue?: string
  team?: string
  delta: CounterDelta
}

/** Row keys a fact counts in: `all`, `channel:…` (first leg only), `queue:…`, `team:…`. */
export function rowKeys(f: Fact): string[] {
  const keys: string[] = []
  if (f.contactLevel) keys.push('all', `channel:${f.channel}`)
  if (f.queue !== undefined) keys.push(`queue:${f.queue}`)
  if (f.team !== undefined) keys.push(`team:${f.team}`)
  return keys
}

/** An agent busy with this contact from `start` until `end` (null = still on it). */
export interface ContactSegment {
  agent: string
  start: number
  end: number | null
  channel: string
  queue?: string
  team?: string
}

export interface Waiting {
  since: number
  channel: string
  queue?: string
  team?: string
}

export interface DerivedInteraction {
  facts: Fact[]
  waiting: Waiting | null
  segments: ContactSegment[]
}

/** Wrap-up time, ms, that the agent spent on this interaction after the segment ending at `end`. */
export type WrapLookup = (agent: string, end: number) => number

interface Leg {
  index: number
  channel: string
  queue?: string
  team?: string
  offeredAt: number
  /** The SL clock starts here: entering the queue (voice.queued) or being offered. */
  waitFrom: number
  answeredAt?: number
  agent?: string
  holdMs: number
  holdStart?: number
  /** End of the agent segment (transfer or end), or of the wait (abandon). */
  closedAt?: number
  abandoned?: boolean
  transferredAt?: number
}

export function deriveInteraction(events: SlimEvent[], opts: ResolvedOptions, wrap: WrapLookup): DerivedInteraction {
  const first = events[0]
  if (!first) return { facts: [], waiting: null, segments: [] }
  const family = first.type.slice(0, first.type.indexOf('.'))
  if (family === 'ticket') return { facts: ticketFacts(events), waiting: null, segments: [] }
  const legs = family === 'voice' ? voiceLegs(events) : chatLegs(events)
  return fromLegs(legs, opts, wrap)
}

function ticketFacts(events: SlimEvent[]): Fact[] {
  const queue = events.find((e) => e.queue)?.queue
  const facts: Fact[] = []
  for (const e of events) {
    const team = e.team ?? events.findLast((x) => x.team && x.ts <= e.ts)?.team
    if (e.type === 'ticket.created')
      facts.push({
        ts: e.ts,
        contactLevel: true,
        channel: e.channel,
        queue: e.queue ?? queue,
        team,
        delta: { ticketsCreated: 1 },
      })
    else if (e.type === 'ticket.resolved')
      facts.push({
        ts: e.ts,
        contactLevel: true,
        channel: e.channel,
        queue: e.queue ?? queue,
        team,
        delta: { ticketsResolved: 1 },
      })
  }
  return facts
}

function openLeg(legs: Leg[], e: SlimEvent, queue: string | undefined): Leg {
  const leg: Leg = {
    index: legs.length,
    channel: e.channel,
    queue,
    team: e.team,
    offeredAt: e.ts,
    waitFrom: e.ts,
    holdMs: 0,
  }
  legs.push(leg)
  return leg
}

/** Closes the agent segment of an answered leg (hold still open at that moment counts until then). */
function closeSegment(leg: Leg, ts: number): void {
  if (leg.holdStart !== undefined) leg.holdMs += ts - leg.holdStart
  leg.holdStart = undefined
  leg.closedAt = ts
}

function voiceLegs(events: SlimEvent[]): Leg[] {
  const legs: Leg[] = []
  let cur: Leg | undefined
  let ended = false
  const firstQueue = events.find((e) => e.queue)?.queue
  for (const e of events) {
    if (ended) break
    if (cur && cur.answeredAt === undefined) {
      // Until the answer the contact is in the queue: the latest queue/team named wins.
      if (e.queue && e.type !== 'voice.transfer') cur.queue = e.queue
      if (e.team) cur.team = e.team
    }
    switch (e.type) {
      case 'voice.offered':
        if (legs.length === 0) cur = openLeg(legs, e, e.queue ?? firstQueue)
        break
      case 'voice.queued':
        if (legs.length === 0) cur = openLeg(legs, e, e.queue ?? firstQueue)
        else if (cur && cur.answeredAt === undefined && cur.index === 0) cur.waitFrom = e.ts
        break
      case 'voice.answered':
        if (!cur) cur = openLeg(legs, e, e.queue ?? firstQueue)
        if (cur.answeredAt === undefined) {
          cur.answeredAt = e.ts
          cur.agent = e.agent_id
          if (e.team) cur.team = e.team
        }
        break
      case 'voice.hold':
        if (cur?.answeredAt !== undefined && cur.holdStart === undefined) cur.holdStart = e.ts
        break
      case 'voice.unhold':
        if (cur?.holdStart !== undefined) {
          cur.holdMs += e.ts - cur.holdStart
          cur.holdStart = undefined
        }
        break
      case 'voice.transfer':
        if (cur?.answeredAt !== undefined) {
          closeSegment(cur, e.ts)
          cur.transferredAt = e.ts
          cur = openLeg(legs, e, e.to_queue ?? cur.queue)
          cur.team = undefined
        } else if (cur && e.to_queue) cur.queue = e.to_queue
        break
      case 'voice.abandoned':
      case 'voice.ended':
        if (!cur && legs.length === 0) cur = openLeg(legs, e, e.queue ?? firstQueue)
        if (cur) {
          if (cur.answeredAt === undefined) cur.abandoned = true
          if (cur.answeredAt === undefined || e.type === 'voice.ended') closeSegment(cur, e.ts)
          else break // an abandon after the answer is noise
        }
        cur = undefined
        ended = true
        break
    }
  }
  return legs
}

function chatLegs(events: SlimEvent[]): Leg[] {
  const started = events.find((e) => e.type === 'chat.started')
  const handover = events.find((e) => e.type === 'chat.transferred_to_agent')
  const hasBot = events.some(
    (e) => e.channel === 'bot' || (e.type === 'chat.message' && e.role === 'bot') || e.from_bot === true,
  )
  const end = events.find((e) => e.type === 'chat.ended')
  const agentMessages = events.filter((e) => e.type === 'chat.message' && e.role === 'agent')
  // Offered when handed to agents; a chat with no bot is offered when it starts.
  const offer = handover ?? (hasBot ? undefined : (started ?? agentMessages[0]))
  if (!offer) return []
  const reply = agentMessages.find((m) => m.ts >= offer.ts && (!end || m.ts <= end.ts))
  const leg: Leg = {
    index: 0,
    channel: offer.channel,
    queue: events.find((e) => e.queue)?.queue,
    team: reply?.team ?? offer.team,
    offeredAt: offer.ts,
    waitFrom: offer.ts,
    holdMs: 0,
  }
  if (reply) {
    leg.answeredAt = reply.ts
    leg.agent = reply.agent_id
  }
  if (end) {
    leg.closedAt = end.ts
    leg.abandoned = !reply
  }
  return [leg]
}

function fromLegs(legs: Leg[], opts: ResolvedOptions, wrap: WrapLookup): DerivedInteraction {
  const facts: Fact[] = []
  const segments: ContactSegment[] = []
  let waiting: Waiting | null = null
  const lastSegmentOf = new Map<string, Leg>()
  for (const leg of legs) if (leg.agent && leg.answeredAt !== undefined) lastSegmentOf.set(leg.agent, leg)
  for (const leg of legs) {
    const dims = { channel: leg.channel, queue: leg.queue, team: leg.team }
    const contactLevel = leg.index === 0
    facts.push({ ts: leg.offeredAt, contactLevel, ...dims, delta: { offered: 1 } })
    if (leg.answeredAt !== undefined) {
      const waitMs = Math.max(0, leg.answeredAt - leg.waitFrom)
      const inSl = waitMs <= slTargetFor(opts, leg.channel, leg.queue).seconds * 1000
      facts.push({
        ts: leg.answeredAt,
        contactLevel,
        ...dims,
        delta: { answered: 1, answerWaitMs: waitMs, answeredInSl: inSl ? 1 : 0 },
      })
      if (leg.agent) segments.push({ agent: leg.agent, start: leg.answeredAt, end: leg.closedAt ?? null, ...dims })
      if (leg.closedAt !== undefined) {
        const holdMs = leg.holdMs
        const talkMs = Math.max(0, leg.closedAt - leg.answeredAt - holdMs)
        // Wrap belongs to the agent's last segment of this contact, so a call transferred back is not charged twice.
        const wrapMs = leg.agent && lastSegmentOf.get(leg.agent) === leg ? wrap(leg.agent, leg.closedAt) : 0
        facts.push({ ts: leg.closedAt, contactLevel: true, ...dims, delta: { handled: 1, talkMs, holdMs, wrapMs } })
      }
      if (leg.transferredAt !== undefined)
        facts.push({ ts: leg.transferredAt, contactLevel: true, ...dims, delta: { transferred: 1 } })
    } else if (leg.abandoned && leg.closedAt !== undefined) {
      const waitMs = Math.max(0, leg.closedAt - leg.waitFrom)
      const short = waitMs < opts.shortAbandonMs
      facts.push({ ts: leg.closedAt, contactLevel, ...dims, delta: short ? { abandonedShort: 1 } : { abandoned: 1 } })
    } else if (leg.closedAt === undefined) {
      waiting = { since: leg.waitFrom, ...dims }
    }
  }
  return { facts, waiting, segments }
}
