/**
 * The engine's per-tenant state: what engine.ts keeps up to date and snapshot.ts reads. In a file of
 * its own so both can use it without importing each other.
 */
import type { StateSpan } from './agent.js'
import type { Counters } from './counters.js'
import type { ContactSegment, Fact, OpenTicket, Waiting } from './interaction.js'
import type { SlimEvent } from './slim.js'
import type { AlertInput, QaResultInput, WallPlan } from '../core/contracts/index.js'

export interface InteractionState {
  /** The interaction id: its events share this string. */
  id: string
  /** Its events in order; empty while `packed`. */
  events: SlimEvent[]
  /** Their event ids; empty while `packed`. */
  ids: Set<string>
  /**
   * An interaction with nothing new for a while keeps its events as one JSON text (engine.ts): one heap object
   * instead of a few per event, which the garbage collector would otherwise mark again and again all day. Unpacked
   * when an event comes for it or it must be derived again.
   */
  packed: string | null
  /** The engine's watermark (newest ingest time) when an event last came for it. */
  touchedAt: number
  /** A bot message is kept already (one is enough to know a bot took part). */
  hasBotMessage: boolean
  /** Types of the kept events, built once the interaction reaches maxEventsPerInteraction. */
  typesAtCap?: Set<string>
  facts: Fact[]
  waiting: Waiting | null
  /** Set while the ticket is open. */
  ticket: OpenTicket | null
  segments: ContactSegment[]
  lastTs: number
}

export interface AgentState {
  id: string
  events: SlimEvent[]
  ids: Set<string>
  /** Contact segments by interaction id, as the interactions last reported them. */
  contacts: Map<string, ContactSegment[]>
  wrap: ReadonlyMap<string, number>
  /** How many of `events` are agent.wrap_up: with none, there is no wrap to link (and no need to walk the day). */
  wrapUps: number
  name?: string
  /** The channel of the newest agent.* event. */
  channel?: string
  team?: string
  site?: string
  skills?: string[]
  timeline: StateSpan[] | null
  lastTs: number
}

/**
 * One minute of facts with their sums by row key, so a rolling window adds up whole minutes
 * and looks at single facts only in the minute its edge cuts (a snapshot used to walk every
 * fact of the last hour: 80 ms a snapshot at 5,000 events/s).
 */
export interface MinuteBucket {
  facts: Set<Fact>
  /** row key → the sum of the bucket's facts with that key, and how many there are. */
  sums: Map<string, { facts: number; counters: Counters }>
}

export interface TenantState {
  tenant: string
  interactions: Map<string, InteractionState>
  agents: Map<string, AgentState>
  /** interval start → row key → counters; today's rows are the sum of today's intervals. */
  intervals: Map<number, Map<string, Counters>>
  /** Facts young enough for a rolling window, by the minute they fall in (see MinuteBucket). */
  recent: Map<number, MinuteBucket>
  surveys: Map<string, Fact>
  waiting: Map<string, Waiting>
  /** Open tickets by interaction id. */
  openTickets: Map<string, OpenTicket>
  /** queue → channel it was last seen on, to pick its SL target. */
  queueChannel: Map<string, string>
  qa: Map<string, QaResultInput>
  alerts: Map<string, { alert: AlertInput; expiresAt: number }>
  lastEventTs: number | null
  /** The forecast service's latest plan (today's forecast and shifts), merged into the snapshot on its day. */
  plan?: WallPlan
  /** Interactions and agents with events not derived yet (see settle). */
  dirtyInteractions: Set<string>
  dirtyAgents: Set<string>
}
