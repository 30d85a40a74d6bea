/**
 * What one interaction contributes to the metrics, derived from all its events so
 * far (sorted by time). Pure: the engine re-runs it after events arrive (in batches,
 * not on every event), so late and out-of-order events simply change the result.
 *
 * A contact is split into queue legs: the first starts when it is offered, each
 * transfer starts another. Queue and team rows count every leg; tenant and channel
 * rows count the contact once, by its first leg.
 */
import { TICKET_SLA_HOURS } from '../core/contracts/index.js'
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
  site?: string
  delta: CounterDelta
}

/**
 * Row keys a fact counts in: `all`, `channel:…` (first leg only), `queue:…`, `chq:<channel>/<queue>` (the queue on
 * that channel), `team:…`, `site:…`.
 */
export function rowKeys(
  f: Pick<Fact, 'channel' | 'queue' | 'team' | 'site'> & Partial<Pick<Fact, 'contactLevel'>>,
  contactLevel = f.contactLevel,
): string[] {
  const keys: string[] = []
  if (contactLevel) keys.push('all', `channel:${f.channel}`)
  if (f.queue !== undefined) keys.push(`queue:${f.queue}`, `chq:${f.channel}/${f.queue}`)
  if (f.team !== undefined) keys.push(`team:${f.team}`)
  if (f.site !== undefined) keys.push(`site:${f.site}`)
  return keys
}

/** Whether two facts count the same thing in the same rows (deltas compared field by field). */
export function sameFact(a: Fact, b: Fact): boolean {
  if (
    a.ts !== b.ts ||
    a.contactLevel !== b.contactLevel ||
    a.channel !== b.channel ||
    a.queue !== b.queue ||
    a.team !== b.team ||
    a.site !== b.site
  )
    return false
  if (a.delta === b.delta) return true
  let n = 0
  for (const k in a.delta) {
    const key = k as keyof CounterDelta
    if (a.delta[key] !== b.delta[key]) return false
    n++
  }
  for (const _ in b.delta) n--
  return n === 0
}

/** A fact's dimensions: the channel, queue, team and site it counts under. */
type Dims = Pick<Fact, 'channel' | 'queue' | 'team' | 'site'>

/**
 * A fact with every field in the object itself. Spread in (`{ ts, ...dims, delta }`), the dimensions went to a
 * second, separate property array: one more object per fact for the garbage collector, and the live engine keeps a
 * day of facts.
 */
function fact(ts: number, contactLevel: boolean, dims: Dims, delta: CounterDelta): Fact {
  return { ts, contactLevel, channel: dims.channel, queue: dims.queue, team: dims.team, site: dims.site, delta }
}

/** The deltas that never vary, shared by every fact that counts them (frozen: addInto only reads them). */
const OFFERED: CounterDelta = Object.freeze({ offered: 1 })
const TRANSFERRED: CounterDelta = Object.freeze({ transferred: 1 })
const ABANDONED: CounterDelta = Object.freeze({ abandoned: 1 })
const ABANDONED_SHORT: CounterDelta = Object.freeze({ abandonedShort: 1 })
const TICKET_CREATED: CounterDelta = Object.freeze({ ticketsCreated: 1 })

/** An agent busy with this contact from `start` until `end` (null = still on it). */
export interface ContactSegment {
  agent: string
  start: number
  end: number | null
  channel: string
  queue?: string
  team?: string
  site?: string
}

export interface Waiting {
  since: number
  channel: string
  queue?: string
  team?: string
  site?: string
}

/** A ticket open now: created (or reopened) and not resolved since. */
export interface OpenTicket {
  /** When it was created (or first seen, when its creation is past the horizon). */
  since: number
  /** Creation + its priority's resolution target; null when the creation was not seen. */
  deadline: number | null
  channel: string
  queue?: string
  team?: string
  site?: string
}

export interface DerivedInteraction {
  facts: Fact[]
  waiting: Waiting | null
  ticket: OpenTicket | null
  segments: ContactSegment[]
}

/** Wrap-up time, ms, that the agent spent on this interaction after the segment ending at `end`. */
export type WrapLookup = (agent: string, end: number) => number

interface Leg {
  index: number
  channel: string
  queue?: string
  team?: string
  site?: string
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
  if (!first) return { facts: [], waiting: null, ticket: null, segments: [] }
  const family = first.type.slice(0, first.type.indexOf('.'))
  if (family === 'ticket') return { ...ticketFacts(events), waiting: null, segments: [] }
  const legs = family === 'voice' ? voiceLegs(events) : chatLegs(events)
  return fromLegs(legs, opts, wrap)
}

const HOUR = 3_600_000

/**
 * A ticket's creations and resolutions, each resolution within or past the target counted from the creation, and
 * whether it is open now (the last of created/reopened came after the last resolution).
 */
function ticketFacts(events: SlimEvent[]): { facts: Fact[]; ticket: OpenTicket | null } {
  const queue = events.find((e) => e.queue)?.queue
  const created = events.find((e) => e.type === 'ticket.created')
  const priority = (created?.priority ?? 'normal') as keyof typeof TICKET_SLA_HOURS
  const deadline = created ? created.ts + (TICKET_SLA_HOURS[priority] ?? TICKET_SLA_HOURS.normal) * HOUR : null
  const facts: Fact[] = []
  let open = false
  let dims: Dims = { channel: events[0].channel, queue }
  for (const e of events) {
    const team = e.team ?? events.findLast((x) => x.team && x.ts <= e.ts)?.team
    const site = e.site ?? events.findLast((x) => x.site && x.ts <= e.ts)?.site
    dims = { channel: e.channel, queue: e.queue ?? queue, ...(team && { team }), ...(site && { site }) }
    if (e.type === 'ticket.created' || e.type === 'ticket.reopened') open = true
    if (e.type === 'ticket.created') facts.push(fact(e.ts, true, dims, TICKET_CREATED))
    else if (e.type === 'ticket.resolved') {
      open = false
      const timing =
        deadline === null ? {} : e.ts <= deadline ? { ticketsResolvedInSla: 1 } : { ticketsResolvedLate: 1 }
      facts.push(fact(e.ts, true, dims, { ticketsResolved: 1, ...timing }))
    }
  }
  // A ticket seen only after its creation is open from its first event on, until a resolution says otherwise.
  open ||= !created && !events.some((e) => e.type === 'ticket.resolved')
  return { facts, ticket: open ? { since: created?.ts ?? events[0].ts, deadline, ...dims } : null }
}

function openLeg(legs: Leg[], e: SlimEvent, queue: string | undefined): Leg {
  const leg: Leg = {
    index: legs.length,
    channel: e.channel,
    queue,
    team: e.team,
    site: e.site,
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
      if (e.site) cur.site = e.site
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
          if (e.site) cur.site = e.site
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
          cur.site = undefined
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
    site: reply?.site ?? offer.site,
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
    const dims: Dims = { channel: leg.channel, queue: leg.queue, team: leg.team, site: leg.site }
    const contactLevel = leg.index === 0
    facts.push(fact(leg.offeredAt, contactLevel, dims, OFFERED))
    if (leg.answeredAt !== undefined) {
      const waitMs = Math.max(0, leg.answeredAt - leg.waitFrom)
      const inSl = waitMs <= slTargetFor(opts, leg.channel, leg.queue).seconds * 1000
      facts.push(
        fact(leg.answeredAt, contactLevel, dims, { answered: 1, answerWaitMs: waitMs, answeredInSl: inSl ? 1 : 0 }),
      )
      if (leg.agent) {
        const { channel, queue, team, site } = dims
        segments.push({
          agent: leg.agent,
          start: leg.answeredAt,
          end: leg.closedAt ?? null,
          channel,
          queue,
          team,
          site,
        })
      }
      if (leg.closedAt !== undefined) {
        const holdMs = leg.holdMs
        const talkMs = Math.max(0, leg.closedAt - leg.answeredAt - holdMs)
        // Wrap belongs to the agent's last segment of this contact, so a call transferred back is not charged twice.
        const wrapMs = leg.agent && lastSegmentOf.get(leg.agent) === leg ? wrap(leg.agent, leg.closedAt) : 0
        facts.push(fact(leg.closedAt, true, dims, { handled: 1, talkMs, holdMs, wrapMs }))
      }
      if (leg.transferredAt !== undefined) facts.push(fact(leg.transferredAt, true, dims, TRANSFERRED))
    } else if (leg.abandoned && leg.closedAt !== undefined) {
      const waitMs = Math.max(0, leg.closedAt - leg.waitFrom)
      const short = waitMs < opts.shortAbandonMs
      facts.push(fact(leg.closedAt, contactLevel, dims, short ? ABANDONED_SHORT : ABANDONED))
    } else if (leg.closedAt === undefined) {
      waiting = { since: leg.waitFrom, ...dims }
    }
  }
  return { facts, waiting, ticket: null, segments }
}
