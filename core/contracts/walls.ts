/**
 * Saved walls: what a supervisor designs in the app (`/walls`) and a display opens by its id
 * (`/?wall=<id>&token=…`). Which tiles, charts and tables, for which channels, queues, teams and sites; the colour
 * limits per metric; the agent board's order and its long-in-state marks; rotation to other saved walls; the
 * language; and the wall's threshold alarm rules (evaluated server-side: alarms.ts). Stored per tenant (NATS KV,
 * `/api/walls`). Plain data and constants only (the browser bundle imports it too).
 */
import type { AlarmRule } from './alarms.js'
import type { AgentStateName } from './snapshot.js'

/** The tiles a wall can show, in the order the designer lists them. */
export const WALL_TILES = [
  /** Contacts waiting now. */
  'waiting',
  /** Longest current wait. */
  'longest_wait',
  /** SL % of the wall's window, today's beside it. */
  'sl',
  /** ASA of the wall's window. */
  'asa',
  /** Abandon % of the wall's window. */
  'abandon',
  /** Offered today, answered and abandoned beside it. */
  'offered',
  /** AHT today. */
  'aht',
  /** Agent occupancy of the window (tenant, team and site rows). */
  'occupancy',
  /** Agents ready now. */
  'agents_ready',
  /** Agents on a call or chat now. */
  'agents_on_contact',
  /** Agents in wrap-up now. */
  'agents_wrap_up',
  /** Agents not ready now, the top reasons beside it. */
  'agents_not_ready',
  /** Schedule adherence today of the agents shown (once the planner published a roster). */
  'adherence',
  /** Active chats per agent with a chat. */
  'chat_concurrency',
  'nps',
  'csat',
  /** Today's QA average. */
  'qa',
  /** Tickets open now (the ticket backlog of the engine's horizon). */
  'tickets_open',
  /** Open tickets past their resolution target. */
  'tickets_overdue',
  /** Tickets resolved today within their resolution target, %. */
  'ticket_sl',
  /** Tickets created and resolved today. */
  'tickets_today',
] as const
export type WallTile = (typeof WALL_TILES)[number]

/** The contact tiles of a whole-centre wall, in their order: the URL overview and the default floor wall share them. */
export const CONTACT_TILES: WallTile[] = [
  'waiting',
  'longest_wait',
  'sl',
  'asa',
  'abandon',
  'offered',
  'aht',
  'occupancy',
  'nps',
  'csat',
  'qa',
]

/** The charts and tables below the tiles. */
export const WALL_PANELS = [
  /** Offered and answered per interval today, last week and the forecast. */
  'volume_chart',
  /** SL per interval today against the target. */
  'sl_chart',
  /** One row per queue (the wall's queues, or the busiest). */
  'queue_table',
  /** One row per channel of the wall. */
  'channel_table',
  /** One row per team. */
  'team_table',
  /** One row per site. */
  'site_table',
  /** Every agent with name, team, state and time in it. */
  'agent_board',
] as const
export type WallPanel = (typeof WALL_PANELS)[number]

/** Metrics with green/amber colour limits on tiles and table cells. */
export const THRESHOLD_METRICS = [
  'sl',
  'abandon',
  'asa',
  'waiting',
  'longest',
  'aht',
  'occupancy',
  'nps',
  'csat',
  'qa',
  'ticket_sl',
  'tickets_overdue',
] as const
export type ThresholdMetric = (typeof THRESHOLD_METRICS)[number]

/**
 * Green up to (or from) `green`, amber up to (or from) `amber`, red beyond. Which way is good is the metric's own
 * (SL: higher; waiting: lower), so for SL green ≥ amber and for waiting green ≤ amber.
 */
export interface ColourLimits {
  green: number
  amber: number
}

/** The rolling windows a wall may show next to today (the live engine's windows). */
export const WALL_WINDOWS = ['15m', '30m', '60m'] as const

/** What the wall covers; an empty or absent list = all of that kind. */
export interface WallFilter {
  /** Channels (core/events.ts CHANNELS); the headline tiles add up these channels' rows. */
  channels?: string[]
  /** Queues of the queue table (and of the headline tiles when no channel is set). */
  queues?: string[]
  /** Teams of the team table and the agent board. */
  teams?: string[]
  /** Sites of the site table and the agent board. */
  sites?: string[]
}

export interface AgentBoardSettings {
  /** Agents are grouped by this, groups in name order (state: the floor's fixed state order). */
  group_by: 'state' | 'team'
  /** Within a group: state order, team, name, or longest in state first. */
  sort: 'state' | 'team' | 'name' | 'time_in_state'
  /**
   * An agent this long in one state is marked, seconds, per state (e.g. not_ready 900, on_contact 1200); a state
   * left out is never marked.
   */
  long_in_state_s: Partial<Record<AgentStateName, number>>
}

/** Long calls and chats after 20 min, a long wrap-up after 3, a long break after 15: the board of a new wall. */
export const DEFAULT_AGENT_BOARD: AgentBoardSettings = {
  group_by: 'state',
  sort: 'time_in_state',
  long_in_state_s: { on_contact: 1200, wrap_up: 180, not_ready: 900 },
}

/** Shows other saved walls after this one, each `every_s` seconds, round and round. */
export interface WallRotation {
  /** Ids of the walls that follow this one. */
  walls: string[]
  /** Seconds each wall stays on, 5-3600. */
  every_s: number
}

/** A saved wall as stored and as GET /api/walls/:id answers it. */
export interface WallDefinition {
  /**
   * Lower-case letters, digits, `-` and `_`, 1-48, starting with a letter or digit; a display opens
   * `/?wall=<id>`. Not `overview`, `queue` or `agents` (the URL-configured walls).
   */
  id: string
  tenant: string
  /** What the header says, 1-80 characters. */
  name: string
  lang: 'zh' | 'en'
  /** The rolling window of the tiles: one of WALL_WINDOWS. */
  window: string
  filter: WallFilter
  /** 1-12 tiles, in order, no repeats. */
  tiles: WallTile[]
  /** 0-4 panels, in order, no repeats. */
  panels: WallPanel[]
  /** Colour limits that differ from the defaults; SL defaults to each row's own target. */
  thresholds: Partial<Record<ThresholdMetric, ColourLimits>>
  agent_board: AgentBoardSettings
  rotation?: WallRotation
  /** The wall's threshold alarm rules (at most 50, ids unique within the wall). */
  alarms: AlarmRule[]
  /** Set by the server on every save, ms since the epoch. */
  updated_at: number
  /** Who saved it last. */
  updated_by?: string
  /** The store's revision of this version: send it back with a PUT to refuse a save over someone else's (409). */
  revision?: number
}

/** The body of PUT /api/walls/:id: what the designer edits (the server sets tenant, updated_at and updated_by). */
export type WallInput = Omit<WallDefinition, 'tenant' | 'updated_at' | 'updated_by'>

/** GET /api/walls. */
export interface WallListAnswer {
  walls: WallDefinition[]
}

/** A change in the store, as watchWalls() reports it: the wall after the change, or null once deleted. */
export interface WallChange {
  tenant: string
  id: string
  wall: WallDefinition | null
}

/** Ids a saved wall may not take: the URL-configured walls' names. */
export const RESERVED_WALL_IDS = ['overview', 'queue', 'agents'] as const
export const WALL_ID_PATTERN = '^[a-z0-9][a-z0-9_-]{0,47}$'
