/**
 * What every contact has in common, whatever its channel: who the customer is, which queue,
 * the conversation's slots, the outcome, and the envelope of its events. Also surveys,
 * whose scores follow from the outcome (wait, resolution, the agent's politeness).
 */
import type { Channel, IncomingEvent } from '../core/index.js'
import type { SimContext } from './context.js'
import type { Customer, Identities, Politeness } from './population.js'
import type { AgentState } from './floor.js'
import { ERROR_CODES, PRODUCTS, QUEUE_BY_ID, QUEUES, type QueueDef } from './catalog.js'
import { bankFor, surveyComment, type ConversationContext, type Mood, type Slots } from './transcript.js'
import type { Scenario } from './phrases.js'
import { MINUTE } from './calendar.js'

export interface Contact {
  id: string
  channel: Channel
  customer: Customer
  /** Identities shown on this contact's events. */
  identities: Identities
  queue: QueueDef
  /** Whether the queue is known yet (voice learns it in the IVR). */
  queueKnown: boolean
  scenario: Scenario
  mood: Mood
  slots: Slots
  arrivedAt: number
  /** Total time spent waiting for agents, ms. */
  waitedMs: number
  /** The least polite agent met so far (what the customer remembers). */
  worstTone: Politeness | null
  resolved: boolean
  /** Agents that have taken this contact so far (2 after a transfer). */
  legs: number
  /** Chat messages sent so far, for message ids. */
  messages: number
  /** When the first agent took it, ms. */
  answeredAt?: number
  /** A follow-up contact will come if the issue stays unresolved. */
  followUp: boolean
}

const TONE_RANK: Record<Politeness, number> = { polite: 0, neutral: 1, rude: 2 }

export function newContact(
  ctx: SimContext,
  id: string,
  channel: Channel,
  customer: Customer,
  identities: Identities,
  followsUp?: QueueDef,
): Contact {
  const rng = ctx.rng
  const queue =
    customer.vip > 0 ? QUEUE_BY_ID.get('vip')! : (followsUp ?? QUEUES[rng.weightedIndex(QUEUES.map((q) => q.share))])
  const scenario: Scenario = queue.id === 'vip' ? rng.pick(['repair', 'aftersales', 'presales'] as const) : queue.id
  const angryChance = (scenario === 'complaints' ? 0.7 : customer.temper * 0.5) + (followsUp ? 0.3 : 0)
  const bank = bankFor(customer.language)
  const phone = customer.language === 'zh' ? customer.identities.phone.replace(/^\+86/, '') : customer.identities.phone
  return {
    id,
    channel,
    customer,
    identities,
    queue,
    queueKnown: channel !== 'voice',
    scenario,
    mood: rng.chance(angryChance) ? 'angry' : 'calm',
    slots: {
      addr: customer.address,
      model: rng.pick(PRODUCTS),
      error: rng.pick(ERROR_CODES),
      symptom: rng.pick(bank.symptoms),
      order: `LX${rng.digits(12)}`,
      sn: `PF${rng.token(6).toUpperCase()}`,
      phone,
      email: customer.identities.email,
      days: String(rng.int(2, 14)),
      price: String(rng.int(50, 160) * 100 - 1),
      queue: customer.language === 'zh' ? queue.zh : queue.en,
    },
    arrivedAt: ctx.now,
    waitedMs: 0,
    worstTone: null,
    resolved: false,
    legs: 0,
    messages: 0,
    followUp: false,
  }
}

/** The envelope of a contact's event at the current simulated time (or `ts`). */
/** The language-and-topic context for writing this contact's texts. */
export function conversationOf(ctx: SimContext, c: Contact): ConversationContext {
  return {
    rng: ctx.rng,
    language: c.customer.language,
    scenario: c.scenario,
    mood: c.mood,
    slots: c.slots,
    piiChance: 0.2,
  }
}

export function contactEvent(
  ctx: SimContext,
  c: Contact,
  type: IncomingEvent['type'],
  payload?: Record<string, unknown>,
  agent?: AgentState,
  ts = ctx.now,
): IncomingEvent {
  const e: IncomingEvent = {
    tenant: ctx.tenant,
    ts: Math.round(ts),
    channel: c.channel,
    type,
    interaction_id: c.id,
    customer: c.identities,
    customer_name: c.customer.name.full,
  }
  if (c.queueKnown) e.queue = c.queue.id
  if (c.customer.vip > 0) e.vip = c.customer.vip
  if (agent) {
    e.agent_id = agent.profile.id
    e.team = agent.profile.team
    e.site = agent.profile.site
  }
  if (payload) e.payload = payload
  return e
}

/** Decides, when an agent takes over, whether this agent will solve the issue. */
export function meetAgent(ctx: SimContext, c: Contact, agent: AgentState): boolean {
  const p = agent.profile
  if (c.legs++ === 0) c.answeredAt = ctx.now
  if (!c.worstTone || TONE_RANK[p.politeness] > TONE_RANK[c.worstTone]) c.worstTone = p.politeness
  const toneFactor = p.politeness === 'rude' ? 0.55 : p.politeness === 'neutral' ? 0.9 : 1
  c.resolved = ctx.rng.chance(Math.min(0.98, c.queue.baseResolution * p.competence * toneFactor))
  return c.resolved
}

/** Satisfaction 0…1 from what the customer lived through. */
export function satisfaction(ctx: SimContext, c: Contact): number {
  const tone = c.worstTone === 'rude' ? -0.35 : c.worstTone === 'polite' ? 0.1 : 0
  const s =
    0.55 +
    (c.resolved ? 0.25 : -0.25) -
    Math.min(0.3, c.waitedMs / 900_000) +
    tone -
    (c.mood === 'angry' ? 0.1 : 0) +
    ctx.rng.normal() * 0.08
  return Math.max(0, Math.min(1, s))
}

/** Maybe sends NPS and/or CSAT after a finished contact, `delayMs` later. */
export function maybeSurvey(
  ctx: SimContext,
  c: Contact,
  agent: AgentState | undefined,
  chance: number,
  delayMs: number,
): void {
  const rng = ctx.rng
  if (!rng.chance(chance)) return
  const s = satisfaction(ctx, c)
  const at = ctx.now + delayMs
  const kind = rng.next() // < 0.6 both, < 0.8 NPS only, else CSAT only
  const comment = rng.chance(0.3) ? surveyComment(rng, c.customer.language, s >= 0.6) : undefined
  if (kind < 0.8) {
    const payload: Record<string, unknown> = { score: Math.round(s * 10) }
    if (comment) payload.comment = comment
    ctx.emit(contactEvent(ctx, c, 'survey.nps', payload, agent, at))
  }
  if (kind < 0.6 || kind >= 0.8)
    ctx.emit(contactEvent(ctx, c, 'survey.csat', { score: 1 + Math.round(s * 4) }, agent, at + 2_000))
  if (!comment && rng.chance(0.08))
    ctx.emit(
      contactEvent(
        ctx,
        c,
        'survey.comment',
        { text: surveyComment(rng, c.customer.language, s >= 0.6) },
        agent,
        at + 5_000,
      ),
    )
}

/** Wrap-up time after a contact, ms. */
export function wrapMs(ctx: SimContext, agent: AgentState, voice: boolean): number {
  return ctx.rng.lognormalIn(voice ? 35_000 : 15_000, 0.5, 5_000, 5 * MINUTE) * agent.profile.speed
}
