/**
 * The contact-centre floor: agents' shifts, breaks and states, the waiting lists, and
 * assignment. Emits every agent.* event. An agent takes one call or up to `capacity` chats;
 * after each contact it wraps up (agent.wrap_up) and then goes agent.ready, or agent.not_ready
 * when a break or the end of the shift is due, both carrying the contact's interaction_id.
 */
import type { Channel, IncomingEvent } from '../core/index.js'
import type { SimContext } from './context.js'
import { DAY, HOUR, MINUTE } from './calendar.js'
import { QUEUES, ENGLISH_SKILL, BREAK_REASONS, type BreakReason } from './catalog.js'
import type { SimulatedAgent, Media } from './population.js'
import type { AgentView, AssignmentStrategy, WaitingView } from './assignment.js'
import { Fifo } from './fifo.js'

export interface AgentState extends AgentView {
  readonly profile: SimulatedAgent
  active: number
  idleSince: number
  loggedIn: boolean
  /** Sent agent.ready since login. */
  ready: boolean
  onBreak: BreakReason | null
  pendingBreak: { reason: BreakReason; ms: number } | null
  pendingLogout: boolean
  /** Bumped at logout so stale break/shift actions of an earlier session do nothing. */
  session: number
  /** Waiting-list keys this agent may serve. */
  serves: string[]
}

/** A contact waiting for an agent; `onAssigned` continues its life cycle. */
export interface Waiting extends WaitingView {
  readonly language: 'zh' | 'en'
  state: 'waiting' | 'assigned' | 'gone'
  onAssigned(agent: AgentState): void
}

const listKey = (media: Media, queue: string, language: string) => `${media}|${queue}|${language}`

export class Floor {
  readonly agents: AgentState[]
  private readonly lists = new Map<string, Fifo<Waiting>>()
  private waitingCount = 0
  private closed = false

  constructor(
    private readonly ctx: SimContext,
    profiles: SimulatedAgent[],
    private readonly strategy: AssignmentStrategy,
  ) {
    this.agents = profiles.map((profile) => ({
      profile,
      active: 0,
      idleSince: 0,
      loggedIn: false,
      ready: false,
      onBreak: null,
      pendingBreak: null,
      pendingLogout: false,
      session: 0,
      serves: QUEUES.filter((q) => profile.skills.includes(q.skill)).flatMap((q) => [
        listKey(profile.media, q.id, 'zh'),
        ...(profile.skills.includes(ENGLISH_SKILL) ? [listKey(profile.media, q.id, 'en')] : []),
      ]),
    }))
  }

  get waiting(): number {
    return this.waitingCount
  }

  get loggedIn(): number {
    return this.agents.reduce((n, a) => n + (a.loggedIn ? 1 : 0), 0)
  }

  /** Schedules the shifts that touch the local day starting at `midnight` (and are not over yet). */
  planDay(midnight: number): void {
    const { ctx } = this
    const weekday = ctx.clock.weekdayOf(midnight + HOUR)
    for (const a of this.agents) {
      const { shift, daysOff } = a.profile
      if (daysOff.includes(weekday)) continue
      const start = midnight + shift.start * HOUR + ctx.rng.uniform(-6, 6) * MINUTE
      const end = midnight + (shift.start + shift.hours) * HOUR + ctx.rng.uniform(-2, 10) * MINUTE
      if (end <= ctx.now) continue
      ctx.at(Math.max(start, ctx.now + ctx.rng.uniform(0, 90_000)), () => this.login(a))
      this.planBreaks(a, start, shift.hours)
      ctx.at(end, () => this.shiftEnd(a))
    }
  }

  private planBreaks(a: AgentState, start: number, hours: number): void {
    const { ctx } = this
    const rng = ctx.rng
    const plan: [BreakReason, number][] = [
      ['break', 2 + rng.uniform(-0.3, 0.3)],
      [a.profile.shift.name === 'night' ? 'break' : 'lunch', hours / 2 - 0.5 + rng.uniform(-0.5, 0.5)],
      ['break', hours - 2 + rng.uniform(-0.3, 0.3)],
    ]
    if (rng.chance(0.15)) plan.push([rng.chance(0.5) ? 'training' : 'meeting', rng.uniform(1, hours - 1)])
    for (const [reason, offsetH] of plan) {
      const at = start + offsetH * HOUR
      if (at <= ctx.now) continue
      const ms = rng.lognormalIn(BREAK_REASONS[reason] * MINUTE, 0.2, 5 * MINUTE, 2 * HOUR)
      ctx.at(at, () => this.requestBreak(a, reason, ms))
    }
  }

  private agentEvent(
    a: AgentState,
    type: IncomingEvent['type'],
    extra: Partial<IncomingEvent> = {},
    channel?: Channel,
  ): void {
    const p = a.profile
    this.ctx.emit({
      tenant: this.ctx.tenant,
      ts: this.ctx.now,
      channel: channel ?? (p.media === 'voice' ? 'voice' : 'webchat'),
      type,
      agent_id: p.id,
      // The profile's name, drawn with the agent: naming the agent on its events takes no random draw.
      agent_name: p.name,
      team: p.team,
      site: p.site,
      ...extra,
    })
  }

  private login(a: AgentState): void {
    if (a.loggedIn || this.closed) return
    a.loggedIn = true
    a.ready = false
    a.pendingLogout = false
    a.pendingBreak = null
    a.onBreak = null
    this.agentEvent(a, 'agent.login', { skills: a.profile.skills })
    const session = a.session
    this.ctx.at(this.ctx.now + this.ctx.rng.uniform(15_000, 120_000), () => {
      if (a.session !== session || !a.loggedIn) return
      a.ready = true
      a.idleSince = this.ctx.now
      this.agentEvent(a, 'agent.ready')
      this.offerWork(a)
    })
  }

  private requestBreak(a: AgentState, reason: BreakReason, ms: number): void {
    if (!a.loggedIn || !a.ready || a.pendingLogout || a.onBreak || a.pendingBreak) return
    if (a.active === 0) {
      this.agentEvent(a, 'agent.not_ready', { payload: { reason } })
      this.startBreak(a, reason, ms)
    } else a.pendingBreak = { reason, ms }
  }

  private startBreak(a: AgentState, reason: BreakReason, ms: number): void {
    a.onBreak = reason
    a.pendingBreak = null
    const session = a.session
    this.ctx.at(this.ctx.now + ms, () => {
      if (a.session !== session || a.onBreak !== reason) return
      a.onBreak = null
      if (this.closed) return this.logout(a)
      a.idleSince = this.ctx.now
      this.agentEvent(a, 'agent.ready')
      this.offerWork(a)
    })
  }

  private shiftEnd(a: AgentState): void {
    if (!a.loggedIn) return
    if (a.active === 0) this.logout(a)
    else a.pendingLogout = true
  }

  private logout(a: AgentState): void {
    a.loggedIn = false
    a.ready = false
    a.onBreak = null
    a.pendingBreak = null
    a.pendingLogout = false
    a.session++
    this.agentEvent(a, 'agent.logout')
  }

  /** Logs everyone out as soon as they are free: the simulation is ending and no contact is left. */
  close(): void {
    this.closed = true
    for (const a of this.agents) if (a.loggedIn) this.shiftEnd(a)
  }

  private canTake(a: AgentState): boolean {
    return a.loggedIn && a.ready && !a.onBreak && !a.pendingBreak && !a.pendingLogout && a.active < a.profile.capacity
  }

  /** Puts a contact in line, or straight to an agent when one is free. */
  enqueue(c: Waiting): void {
    const available = this.agents.filter((a) => a.profile.media === c.media && this.canTake(a))
    const agent = this.strategy.agentFor(c, available, this.ctx.now) as AgentState | undefined
    if (agent) return this.assign(c, agent)
    const key = listKey(c.media, c.queue, c.language)
    let list = this.lists.get(key)
    if (!list) this.lists.set(key, (list = new Fifo()))
    list.push(c)
    this.waitingCount++
  }

  /** The contact gave up (or was served elsewhere) before an agent took it. */
  withdraw(c: Waiting): void {
    if (c.state !== 'waiting') return
    c.state = 'gone'
    this.waitingCount--
  }

  private offerWork(a: AgentState): void {
    while (this.canTake(a)) {
      const heads: Waiting[] = []
      for (const key of a.serves) {
        const head = this.lists.get(key)?.first((c) => c.state === 'waiting')
        if (head) heads.push(head)
      }
      const next = this.strategy.contactFor(a, heads, this.ctx.now) as Waiting | undefined
      if (!next) return
      this.waitingCount--
      this.assign(next, a)
    }
  }

  private assign(c: Waiting, a: AgentState): void {
    c.state = 'assigned'
    a.active++
    a.idleSince = this.ctx.now
    c.onAssigned(a)
  }

  /** The agent's part in a contact is over: wrap up for `wrapMs`, then take new work or go on break. */
  release(a: AgentState, interactionId: string, channel: Channel, wrapMs: number): void {
    this.agentEvent(a, 'agent.wrap_up', { interaction_id: interactionId }, channel)
    this.ctx.at(this.ctx.now + wrapMs, () => this.afterWrap(a, interactionId, channel))
  }

  /** The contact vanished before the agent started (e.g. hung up while ringing): no wrap-up. */
  unreserve(a: AgentState): void {
    a.active--
    this.offerWork(a)
  }

  private afterWrap(a: AgentState, interactionId: string, channel: Channel): void {
    a.active--
    const extra = { interaction_id: interactionId }
    if (a.pendingLogout) {
      this.agentEvent(a, 'agent.not_ready', { ...extra, payload: { reason: 'end_of_shift' } }, channel)
      if (a.active === 0) this.logout(a)
      return
    }
    if (a.pendingBreak) {
      this.agentEvent(a, 'agent.not_ready', { ...extra, payload: { reason: a.pendingBreak.reason } }, channel)
      if (a.active === 0) this.startBreak(a, a.pendingBreak.reason, a.pendingBreak.ms)
      return
    }
    if (a.active === 0) a.idleSince = this.ctx.now
    this.agentEvent(a, 'agent.ready', extra, channel)
    this.offerWork(a)
  }

  /** Local midnight of the first day to plan, and the recurring planner. */
  startPlanning(): void {
    const { ctx } = this
    const today = ctx.clock.midnightOf(ctx.now)
    // Yesterday's night shift may still be running.
    this.planDay(today - DAY)
    this.planDay(today)
    const next = (midnight: number) =>
      ctx.at(midnight, () => {
        if (ctx.finishing) return
        this.planDay(midnight)
        next(midnight + DAY)
      })
    next(today + DAY)
  }
}
