/**
 * A messaging conversation (WeChat, app, web chat, DingTalk, Facebook, LINE):
 * started → bot messages → (ended by the bot) or transferred_to_agent → queue → agent
 * messages → (transfer to another queue) → ended, then sometimes a survey.
 */
import type { SimContext } from './context.js'
import type { Floor, AgentState, Waiting } from './floor.js'
import { CHAT_ENTRIES, QUEUES, type QueueDef } from './catalog.js'
import { contactEvent, conversationOf, maybeSurvey, meetAgent, wrapMs, type Contact } from './contact.js'
import { agentLeg, botPhase, openingLine, type Turn } from './transcript.js'
import { MINUTE } from './calendar.js'
import type { FlowHooks } from './voice.js'
import { screenshotAttachment, sendsScreenshot } from './screenshots.js'

/** Channels whose accounts front every chat with a bot; others reach it less often. */
const BOT_FIRST = new Set(['wechat', 'app', 'webchat'])

export class ChatFlow {
  /** Contacts whose next customer message carries a screenshot of their error. */
  private readonly screenshots = new Set<string>()

  constructor(
    private readonly ctx: SimContext,
    private readonly floor: Floor,
    private readonly hooks: FlowHooks,
  ) {}

  /** `burst`: one of an incident burst's chats (simulator/incidents.ts), more likely to send a screenshot. */
  start(c: Contact, burst = false): void {
    const { ctx } = this
    const rng = ctx.rng
    const entries = CHAT_ENTRIES[c.channel]
    ctx.emit(contactEvent(ctx, c, 'chat.started', entries ? { entry: rng.pick(entries) } : {}))
    if (c.scenario === 'repair' && sendsScreenshot(c.id, burst)) this.screenshots.add(c.id)
    if (!rng.chance(BOT_FIRST.has(c.channel) ? 0.9 : 0.5)) {
      const end = this.say(
        c,
        [{ role: 'customer', text: openingLine(conversationOf(ctx, c)), gapMs: rng.uniform(3_000, 30_000) }],
        ctx.now,
      )
      ctx.at(end + 1_000, () => this.queue(c, c.queue, false, false))
      return
    }
    const contained = c.mood === 'calm' && rng.chance(0.22)
    const end = this.say(c, botPhase(conversationOf(ctx, c), contained), ctx.now)
    if (contained) {
      ctx.at(end + rng.uniform(5_000, 60_000), () => {
        ctx.emit(contactEvent(ctx, c, 'chat.ended', { ended_by: 'customer' }))
        c.resolved = true
        this.hooks.done(c)
      })
      return
    }
    ctx.at(end + 500, () => this.queue(c, c.queue, true, true))
  }

  /** Emits turns as chat.message events from `t0`; returns the time of the last one. */
  private say(c: Contact, turns: Turn[], t0: number, agent?: AgentState): number {
    let t = t0
    for (const turn of turns) {
      t += turn.gapMs
      const payload: Record<string, unknown> = {
        role: turn.role,
        text: turn.text,
        message_id: `${c.id}-m${++c.messages}`,
      }
      if (turn.role === 'customer' && this.screenshots.delete(c.id))
        payload.attachments = [screenshotAttachment(c.slots.error, c.customer.language)]
      this.ctx.emit(contactEvent(this.ctx, c, 'chat.message', payload, agent, t))
    }
    return t
  }

  private queue(c: Contact, queue: QueueDef, fromBot: boolean, issueKnown: boolean): void {
    const { ctx } = this
    c.queue = queue
    c.slots.queue = c.customer.language === 'zh' ? queue.zh : queue.en
    ctx.emit(contactEvent(ctx, c, 'chat.transferred_to_agent', { from_bot: fromBot }))
    const since = ctx.now
    const waiting: Waiting = {
      id: c.id,
      queue: queue.id,
      media: 'digital',
      language: c.customer.language,
      needs: c.customer.language === 'en' ? [queue.skill, 'english'] : [queue.skill],
      waitingSince: since,
      priority: queue.id === 'vip' ? 10 : 0,
      state: 'waiting',
      onAssigned: (agent) => {
        c.waitedMs += ctx.now - since
        this.leg(c, agent, issueKnown)
      },
    }
    this.floor.enqueue(waiting)
    if (waiting.state === 'waiting') {
      ctx.at(ctx.now + ctx.rng.lognormalIn(5 * MINUTE, 0.8, 20_000, 45 * MINUTE), () => this.giveUp(c, waiting))
    }
  }

  private giveUp(c: Contact, waiting: Waiting): void {
    if (waiting.state !== 'waiting') return
    const { ctx } = this
    this.floor.withdraw(waiting)
    c.waitedMs += ctx.now - waiting.waitingSince
    ctx.emit(contactEvent(ctx, c, 'chat.ended', { ended_by: ctx.rng.chance(0.7) ? 'customer' : 'system' }))
    c.followUp = true
    this.hooks.done(c)
  }

  private leg(c: Contact, agent: AgentState, issueKnown: boolean): void {
    const { ctx } = this
    const rng = ctx.rng
    const resolved = meetAgent(ctx, c, agent)
    const transfer =
      c.legs === 1 && rng.chance(0.05)
        ? rng.pick(QUEUES.filter((q) => q.id !== c.queue.id && q.id !== 'vip'))
        : undefined
    const p = agent.profile
    const turns = agentLeg(conversationOf(ctx, c), {
      agent: { politeness: p.politeness, speed: p.speed },
      issueKnown,
      resolved,
      transferTo: transfer && (c.customer.language === 'zh' ? transfer.zh : transfer.en),
    })
    c.slots.agent = p.nickname
    const end = this.say(c, turns, ctx.now, agent)
    this.maybeIdentify(c, agent, (ctx.now + end) / 2)
    if (transfer) {
      ctx.at(end + 1_000, () => {
        this.floor.release(agent, c.id, c.channel, wrapMs(ctx, agent, false))
        this.queue(c, transfer, false, true)
      })
      return
    }
    ctx.at(end + rng.uniform(5_000, 60_000), () => {
      const r = rng.next()
      ctx.emit(
        contactEvent(ctx, c, 'chat.ended', { ended_by: r < 0.5 ? 'customer' : r < 0.9 ? 'agent' : 'system' }, agent),
      )
      this.floor.release(agent, c.id, c.channel, wrapMs(ctx, agent, false))
      maybeSurvey(ctx, c, agent, 0.35, rng.uniform(5_000, 2 * MINUTE))
      c.followUp = !c.resolved
      this.hooks.done(c)
    })
  }

  /** The agent asks for a phone number to find the order, which links this chat account to it. */
  private maybeIdentify(c: Contact, agent: AgentState, at: number): void {
    const { ctx } = this
    if (c.identities.phone !== undefined || !ctx.rng.chance(0.35)) return
    const own = Object.entries(c.identities)[0]
    if (!own) return
    const phone = c.customer.identities.phone
    c.customer.seen.phone = phone
    ctx.emit({
      tenant: ctx.tenant,
      ts: Math.round(at),
      channel: c.channel,
      type: 'identity.identify',
      interaction_id: c.id,
      customer: { [own[0]]: own[1], phone },
      customer_name: c.customer.name.full,
      agent_id: agent.profile.id,
    })
  }
}
