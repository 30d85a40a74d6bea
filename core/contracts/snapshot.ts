/**
 * The live snapshot: what live-metrics computes, web/server sends (GET /api/snapshot, the SSE stream) and the
 * wall app reads; and the stored history intervals of GET /api/history.
 * Types, and the ticket resolution targets. All times are ms since the Unix epoch; durations are seconds unless the
 * name says ms.
 */
import type { Alarm } from './alarms.js'
import type { Alert } from './alerts.js'
import type { SnapshotPlan } from './plan.js'

/** Service-level target: `percent` of contacts answered within `seconds`. */
export interface SlTarget {
  percent: number
  seconds: number
}

/** Contact metrics over one window (a rolling window or today). `null` = no data to divide by. */
export interface WindowMetrics {
  /** Contacts that entered a queue (voice.offered/queued, chat handed to agents). */
  offered: number
  answered: number
  /** Answered within the contact's own queue SL threshold. */
  answered_in_sl: number
  /** Abandons after waiting at least the short-abandon threshold (they count in rates). */
  abandoned: number
  /** Abandons under the short-abandon threshold (excluded from abandon rate and SL). */
  abandoned_short: number
  transferred: number
  /** Agent segments that ended (a transferred call is handled by each agent in turn). */
  handled: number
  /** answered_in_sl / (answered + abandoned), in %. */
  sl_pct: number | null
  /** abandoned / (answered + abandoned), in %. */
  abandon_pct: number | null
  /** Average speed of answer, seconds. */
  asa_s: number | null
  /** Average handle time (talk + hold + wrap) of handled segments, seconds. */
  aht_s: number | null
  avg_talk_s: number | null
  avg_hold_s: number | null
  avg_wrap_s: number | null
  tickets_created: number
  tickets_resolved: number
  /** Tickets resolved within their resolution target (TICKET_SLA_HOURS, from `ticket.created`). */
  tickets_resolved_in_sla: number
  /** Tickets resolved after it. Resolutions of tickets created before the engine's horizon are neither. */
  tickets_resolved_late: number
  /** tickets_resolved_in_sla / (in SLA + late), in %. */
  ticket_sl_pct: number | null
  /** Net promoter score, % promoters (9-10) minus % detractors (0-6). */
  nps: number | null
  nps_responses: number
  /** Share of CSAT scores 4-5, %. */
  csat_pct: number | null
  csat_responses: number
  /** Agent occupancy, %: (on contact + wrap) / (on contact + wrap + ready). Tenant, team and site rows only. */
  occupancy_pct?: number | null
}

export type AgentStateName = 'ready' | 'on_contact' | 'wrap_up' | 'not_ready' | 'offline'

export interface AgentStateCounts {
  ready: number
  on_contact: number
  wrap_up: number
  not_ready: number
  offline: number
  /** not_ready split by reason (`agent.not_ready` payload.reason). */
  not_ready_by_reason: Record<string, number>
}

/** One agent on the board. */
export interface AgentView {
  agent_id: string
  /** Display name, from the newest agent event that named the agent (`agent_name`). */
  name?: string
  /** The channel of the agent's newest agent.* event: the medium the agent works (voice, webchat…). */
  channel?: string
  state: AgentStateName
  /** Reason when not_ready. */
  reason?: string
  /** When the current state began. */
  since: number
  team?: string
  site?: string
  skills?: string[]
  /** Open chats (messaging channels) now. */
  active_chats: number
  /** Open voice calls now (0 or 1 normally). */
  active_calls: number
}

/**
 * Resolution targets of tickets by `ticket.created` priority, hours (the reports' SLA: reports/rollups.ts); a ticket
 * without a priority is `normal`.
 */
export const TICKET_SLA_HOURS = { urgent: 4, high: 8, normal: 24, low: 72 } as const

/** Tickets open now (created or reopened, not resolved since), of the engine's horizon (25 h in `mofang start`). */
export interface TicketBacklog {
  open: number
  /** Open past their resolution target. */
  overdue: number
  /** Age of the oldest open ticket, seconds. */
  oldest_open_s: number
}

/** Metrics for one row: the tenant, a queue, a channel, a team or a site. */
export interface DimensionMetrics {
  /** Contacts waiting now (offered, not yet answered, abandoned or ended). */
  waiting: number
  /** Longest current wait, seconds (0 when none waits). */
  longest_wait_s: number
  /** SL target shown for this row (queue: its own; others: the channel-group default). */
  target: SlTarget
  /** Rows of `channel_queues`: their channel. */
  channel?: string
  /** Keyed by window name: `15m`, `30m`, `60m` (configurable) and `today`. */
  windows: Record<string, WindowMetrics>
  /** Agents by state (tenant, team and site rows). */
  agents?: AgentStateCounts
  /** Chat concurrency: active chats / agents with at least one chat (tenant, team and site rows). */
  chat_concurrency?: number | null
  /** Open tickets now; absent where none is open. */
  tickets?: TicketBacklog
}

/** Today's series in fixed intervals (index i covers [start + i·step, start + (i+1)·step)). */
export interface IntervalSeries {
  start: number
  step_ms: number
  offered: number[]
  answered: number[]
  abandoned: number[]
  /** SL % of the interval; null where nothing closed in it. */
  sl_pct: (number | null)[]
}

/** One stored interval of a past day (from the warehouse), as /api/history returns it. */
export interface HistoryInterval {
  /** Interval start, ms since the epoch. */
  t: number
  offered: number
  answered: number
  abandoned: number
  sl_pct: number | null
  queue?: string
  channel?: string
}

/** GET /api/history?date=YYYY-MM-DD: the stored intervals of that local day. */
export interface HistoryAnswer {
  date: string
  intervals: HistoryInterval[]
}

export interface QaSection {
  /** Evaluations finished today (latest per interaction). */
  today_count: number
  today_avg_score: number | null
  /** Share of today's evaluations flagged, %. */
  today_flagged_pct: number | null
  /** Average customer sentiment of evaluations in the last `sentiment_window_min` minutes, per queue. */
  sentiment_by_queue: Record<string, { avg: number; n: number }>
  sentiment_window_min: number
}

/** Everything a wall needs for one tenant, JSON-serialisable. */
export interface Snapshot {
  tenant: string
  /** When this snapshot was computed; clients compare it with their clock for staleness. */
  as_of: number
  /** Newest event seen for the tenant, or null. */
  last_event_ts: number | null
  /** Start of "today" in the configured time zone. */
  day_start: number
  time_zone: string
  windows: string[]
  short_abandon_s: number
  totals: DimensionMetrics
  queues: Record<string, DimensionMetrics>
  channels: Record<string, DimensionMetrics>
  teams: Record<string, DimensionMetrics>
  /** By the site of the agent handling (or the event naming it). */
  sites: Record<string, DimensionMetrics>
  /** Queue rows per channel (channel → queue → row): a queue shared by calls and chats, split by channel. */
  channel_queues: Record<string, Record<string, DimensionMetrics>>
  agents: AgentView[]
  /** Keyed `all`, `queue:<name>`, `channel:<name>`. */
  series: Record<string, IntervalSeries>
  qa: QaSection
  alerts: Alert[]
  /** Today's forecast and re-forecast, and schedule adherence: present once the forecast service published a plan. */
  plan?: SnapshotPlan
  /**
   * Threshold alarms active now, not yet acknowledged first, then critical, then the newest: present where the live
   * service judges alarm rules.
   */
  alarms?: Alarm[]
}
