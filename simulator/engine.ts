/**
 * The discrete-event simulation behind both `generate()` and the live simulator.
 * Actions run in simulated-time order from a heap; events they write (possibly for the
 * future, like a chat transcript) wait in a second heap until the clock passes them, so
 * `advanceTo(t)` returns exactly the events with ts ≤ t, sorted, however the run is chunked.
 */
import { BadInputError, type Channel, type IncomingEvent } from '../core/index.js'
import { Random, TimeHeap } from '../kits/sim/index.js'
import { LocalClock, HOUR, MINUTE, patternOf, seasonality } from './calendar.js'
import {
  CHANNEL_MIX,
  CHAT_CHANNELS,
  DEFAULT_ENGLISH_SHARE,
  ENGLISH_SHARE,
  QUEUE_BY_ID,
  REVEALS,
  type QueueDef,
} from './catalog.js'
import { scheduleIncidentBursts, type IncidentHost } from './incidents.js'
import { CustomerBase, createAgents, type SimulatedAgent, type Customer, type Identities } from './population.js'
import { Floor } from './floor.js'
import { longestIdle, type AssignmentStrategy } from './assignment.js'
import { newContact, type Contact } from './contact.js'
import { VoiceFlow } from './voice.js'
import { ChatFlow } from './chat.js'
import { TicketFlow } from './ticket.js'
import type { SimContext } from './context.js'
import type { CallRecorder } from './recordings.js'
import { maxWeatherFactor, weatherFactor, type SimWeather } from './weather.js'
import type { Language } from './names.js'

export interface SimulationOptions {
  /** PRNG seed, a whole number ≥ 0: the same seed and options give the same events. Default 42. */
  seed?: number
  /** Simulated start, ms since the epoch. Default: now (so give it when you need repeatable output). */
  start?: number
  /** Tenant written on every event. Default "demo". */
  tenant?: string
  /** Agents on the roster (spread over shifts and days off, so fewer are logged in at once). Default 60, 1…5000. */
  agents?: number
  /** Contacts per hour at the weekly peak (Monday ~10:00); other times scale down by seasonality. Default 600. */
  ratePerHour?: number
  /** Chats one digital agent handles at once. Default 3, 1…10. */
  maxChats?: number
  /** The centre's UTC offset in minutes, for opening hours and seasonality. Default 480 (China). */
  utcOffsetMinutes?: number
  /** Share of contacts from customers seen before (0…1). Default 0.3. */
  returningShare?: number
  /** Who takes which contact. Default: longest-idle agent with the skills. */
  assignment?: AssignmentStrategy
  /** Rain that scales arrivals by a known amount (see weather.ts). Default: none. */
  weather?: SimWeather
  /** Speaks finished calls into WAV recordings (simulator/recordings.ts). Default: none (placeholder URLs). */
  recorder?: CallRecorder
  /**
   * Incident bursts (simulator/incidents.ts): every few simulated hours, 8–12 chats about one error code within
   * 10 minutes. Default false (the live simulator turns them on): a burst's contacts draw from the main stream.
   */
  incidents?: boolean
}

/** What tests can check downstream inferences against. */
export interface GroundTruth {
  agents: SimulatedAgent[]
  customers: CustomerTruth[]
}

export interface CustomerTruth {
  key: string
  name: string
  language: Language
  vip: number
  /** Every identity the person owns. */
  identities: Identities
  /** The identities that appeared on their events (what identity merge can know). */
  seen: Identities
  channels: Channel[]
  contacts: number
}

export interface SimStats {
  /** Simulated time reached, ms. */
  now: number
  liveCalls: number
  liveChats: number
  /** Contacts waiting for an agent. */
  waiting: number
  openTickets: number
  agentsLoggedIn: number
  contacts: number
  events: number
}

export class Simulation implements SimContext, IncidentHost {
  readonly rng: Random
  readonly tenant: string
  readonly clock: LocalClock
  readonly startedAt: number
  readonly recorder: CallRecorder | undefined
  private nowMs: number
  private finishingFlag = false
  private readonly actions = new TimeHeap<() => void>()
  private readonly output = new TimeHeap<IncomingEvent>()
  private eventSeq = 0
  private idSeq = 0
  private readonly runTag: string
  private readonly rate: number
  private readonly weather: SimWeather | undefined
  /** Candidates come this much faster than the rate so that rain can add arrivals (1 without weather). */
  private readonly weatherPeak: number
  private readonly returningShare: number
  private readonly customers: CustomerBase
  private readonly profiles: SimulatedAgent[]
  private readonly floor: Floor
  private readonly voice: VoiceFlow
  private readonly chat: ChatFlow
  private readonly tickets: TicketFlow
  private liveCalls = 0
  private liveChats = 0
  private contacts = 0
  private readonly channelWeights = new Array<number>(CHANNEL_MIX.length)

  constructor(opts: SimulationOptions = {}) {
    const seed = opts.seed ?? 42
    if (!Number.isInteger(seed) || seed < 0) throw new BadInputError(`seed must be a whole number ≥ 0, got ${seed}`)
    const agents = opts.agents ?? 60
    if (!Number.isInteger(agents) || agents < 1 || agents > 5000)
      throw new BadInputError(`agents must be a whole number 1…5000, got ${agents}`)
    this.rate = opts.ratePerHour ?? 600
    if (!(this.rate > 0 && this.rate <= 1_000_000))
      throw new BadInputError(`ratePerHour must be > 0 and ≤ 1000000, got ${this.rate}`)
    this.weather = opts.weather
    this.recorder = opts.recorder
    this.weatherPeak = maxWeatherFactor(opts.weather)
    const maxChats = opts.maxChats ?? 3
    if (!Number.isInteger(maxChats) || maxChats < 1 || maxChats > 10)
      throw new BadInputError(`maxChats must be a whole number 1…10, got ${maxChats}`)
    this.returningShare = opts.returningShare ?? 0.3
    this.tenant = opts.tenant ?? 'demo'
    if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(this.tenant))
      throw new BadInputError(`tenant must be lower-case letters, digits, _ and -, got "${this.tenant}"`)
    this.startedAt = this.nowMs = Math.round(opts.start ?? Date.now())
    this.rng = new Random(seed)
    this.clock = new LocalClock((opts.utcOffsetMinutes ?? 480) * MINUTE)
    this.runTag = `s${seed}-${this.startedAt.toString(36)}`
    this.customers = new CustomerBase(this.rng, seed)
    this.profiles = createAgents(seed, agents, maxChats)
    this.floor = new Floor(this, this.profiles, opts.assignment ?? longestIdle)
    const hooks = { done: (c: Contact) => this.contactDone(c) }
    this.voice = new VoiceFlow(this, this.floor, hooks)
    this.chat = new ChatFlow(this, this.floor, hooks)
    this.tickets = new TicketFlow(this, this.floor)
    this.floor.startPlanning()
    this.scheduleArrival(this.nowMs)
    if (opts.incidents) scheduleIncidentBursts(this, seed, this.nowMs)
  }

  /** One chat of an incident burst: a customer on `channel` writes to repair about `error`. */
  arriveWithError(channel: Channel, error: string): void {
    if (!this.finishingFlag) this.arrive(channel, this.pickCustomer(channel), QUEUE_BY_ID.get('repair'), error)
  }

  get now(): number {
    return this.nowMs
  }

  get finishing(): boolean {
    return this.finishingFlag
  }

  at(time: number, run: () => void): void {
    this.actions.push(Math.max(this.nowMs, Math.round(time)), run)
  }

  emit(event: IncomingEvent): void {
    const ts = Math.round(event.ts)
    if (ts < this.nowMs) throw new Error(`simulator bug: ${event.type} at ${ts} is before the clock ${this.nowMs}`)
    event.ts = ts
    event.event_id = `e-${this.runTag}-${(this.eventSeq++).toString(36)}`
    this.output.push(ts, event)
  }

  newId(prefix: string): string {
    return `${prefix}-${this.runTag}-${(this.idSeq++).toString(36)}`
  }

  /** Runs the simulation up to `t` (ms) and returns the events with ts ≤ t, in ts order. */
  advanceTo(t: number): IncomingEvent[] {
    const { actions, output } = this
    while (actions.size > 0 && actions.peekTime() <= t) {
      this.nowMs = actions.peekTime()
      actions.pop()!()
    }
    if (Number.isFinite(t) && t > this.nowMs) this.nowMs = Math.floor(t)
    const out: IncomingEvent[] = []
    while (output.size > 0 && output.peekTime() <= t) out.push(output.pop()!)
    return out
  }

  /** Stops new contacts; those in progress finish, then every agent logs out. */
  finish(): void {
    if (this.finishingFlag) return
    this.finishingFlag = true
    if (this.liveCalls + this.liveChats === 0) this.floor.close()
  }

  /** True when finishing and nothing is left to happen. */
  get done(): boolean {
    return this.finishingFlag && this.actions.size === 0 && this.output.size === 0
  }

  /** Finishes and returns every remaining event. */
  drain(): IncomingEvent[] {
    this.finish()
    return this.advanceTo(Infinity)
  }

  stats(): SimStats {
    return {
      now: this.nowMs,
      liveCalls: this.liveCalls,
      liveChats: this.liveChats,
      waiting: this.floor.waiting,
      openTickets: this.tickets.open,
      agentsLoggedIn: this.floor.loggedIn,
      contacts: this.contacts,
      events: this.eventSeq,
    }
  }

  truth(): GroundTruth {
    return {
      agents: this.profiles,
      customers: this.customers.all.map((c) => ({
        key: c.key,
        name: c.name.full,
        language: c.language,
        vip: c.vip,
        identities: c.identities,
        seen: c.seen,
        channels: [...c.channels],
        contacts: c.contacts,
      })),
    }
  }

  /**
   * Arrivals are a Poisson process thinned by seasonality: candidates come at the peak rate
   * and each is kept with probability Σ share·seasonality(channel) ≤ 1, then given a channel
   * in proportion to its current weight.
   */
  private scheduleArrival(from: number): void {
    this.at(from + this.rng.exponential(HOUR / (this.rate * this.weatherPeak)), () => {
      if (this.finishingFlag) return
      const t = this.nowMs
      let total = 0
      for (let i = 0; i < CHANNEL_MIX.length; i++) {
        const [channel, share] = CHANNEL_MIX[i]
        total += this.channelWeights[i] = share * seasonality(this.clock, patternOf(channel), t)
      }
      if (this.rng.next() * this.weatherPeak < total * weatherFactor(this.weather, t)) {
        const channel = CHANNEL_MIX[this.rng.weightedIndex(this.channelWeights, total)][0]
        this.arrive(channel, this.pickCustomer(channel))
      }
      this.scheduleArrival(t)
    })
  }

  private pickCustomer(channel: Channel): Customer {
    if (this.rng.chance(this.returningShare)) {
      // Prefer someone who has not used this channel yet: that is what makes identity merge work.
      let candidate: Customer | undefined
      for (let i = 0; i < 3; i++) {
        candidate = this.customers.pickReturning()
        if (!candidate || !candidate.channels.has(channel)) break
      }
      if (candidate) return candidate
    }
    const english = this.rng.chance(ENGLISH_SHARE[channel] ?? DEFAULT_ENGLISH_SHARE)
    return this.customers.create(english ? 'en' : 'zh', this.nowMs)
  }

  /** `error`: an incident burst's chat, about this error. */
  private arrive(channel: Channel, customer: Customer, followsUp?: QueueDef, error?: string): void {
    const identities = this.customers.reveal(customer, REVEALS[channel])
    customer.channels.add(channel)
    customer.contacts++
    customer.lastContact = this.nowMs
    this.contacts++
    const prefix = channel === 'voice' ? 'call' : CHAT_CHANNELS.has(channel) ? 'chat' : 'tkt'
    const c = newContact(this, this.newId(prefix), channel, customer, identities, followsUp)
    if (error !== undefined) c.slots.error = error
    if (channel === 'voice') {
      this.liveCalls++
      this.voice.start(c)
    } else if (CHAT_CHANNELS.has(channel)) {
      this.liveChats++
      this.chat.start(c, error !== undefined)
    } else this.tickets.start(c)
  }

  private contactDone(c: Contact): void {
    if (c.channel === 'voice') this.liveCalls--
    else this.liveChats--
    if (c.followUp && this.rng.chance(0.45)) this.scheduleFollowUp(c)
    if (this.finishingFlag && this.liveCalls + this.liveChats === 0) this.floor.close()
  }

  /** An unresolved or abandoned issue brings the customer back, usually on another channel. */
  private scheduleFollowUp(c: Contact): void {
    const rng = this.rng
    this.at(this.nowMs + rng.lognormalIn(3 * HOUR, 1, 10 * MINUTE, 48 * HOUR), () => {
      if (this.finishingFlag) return
      const others = CHANNEL_MIX.filter(
        ([ch]) => ch !== c.channel && (ch !== 'voice' || seasonality(this.clock, 'voice', this.nowMs) > 0),
      )
      const channel = others[rng.weightedIndex(others.map(([, w]) => w))][0]
      this.arrive(channel, c.customer, c.queue.id === 'vip' ? undefined : c.queue)
    })
  }
}
