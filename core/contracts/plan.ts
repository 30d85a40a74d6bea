/**
 * The wall's plan: what the forecast service publishes for each tenant's day (today's forecast and intraday
 * re-forecast per series, and each agent's shift today from the roster covering it), and what the live snapshot
 * carries of it (the series, and schedule adherence now and so far today, per agent, team, site and in all), with
 * the one pure function that adds agents' adherence up for a group. Times are ms since the epoch.
 */
import type { WorkState } from './roster.js'

/** Today's forecast of one series, interval i covering [day_start + i·step_ms, + step_ms). */
export interface PlanSeries {
  /** Contacts forecast (the stored, overnight forecast). */
  forecast: number[]
  /** The latest intraday re-forecast; null where there is none (intervals already over, or before the first run). */
  reforecast: (number | null)[]
}

/** One agent's shift that touches today (it may have begun yesterday evening). */
export interface PlanShift {
  agent_id: string
  start: number
  end: number
  breaks: { start: number; end: number }[]
}

/**
 * Bus message (core NATS, on `wallPlanSubject`), published by the forecast service after each forecast run and each
 * roster build or edit, and again every minute so a live metrics service that (re)started has it within a minute.
 */
export interface WallPlan {
  tenant: string
  /** Local date (YYYY-MM-DD) and the instant of its midnight: the plan is for that day only. */
  date: string
  day_start: number
  step_ms: number
  generated_at: number
  /** Keyed like Snapshot.series: `all`, `queue:<name>`, `channel:<name>`. */
  series: Record<string, PlanSeries>
  /** The roster the shifts come from (its week and version), null when no roster covers today. */
  roster_week: string | null
  roster_version: number | null
  shifts: PlanShift[]
}

/** An agent's schedule adherence: now (scheduled state against the live one) and so far today. */
export interface AgentAdherenceNow {
  agent_id: string
  /** What the roster has the agent doing now, and what it is doing (live: offline is off, not ready a break). */
  scheduled: WorkState
  actual: WorkState
  /** Minutes of today's shift so far (breaks included), and of them, minutes spent in the scheduled state. */
  scheduled_min: number
  adherent_min: number
  /** adherent_min / scheduled_min, 0…1; null before the shift began. */
  adherence: number | null
}

/** Adherence of a group of agents (all, a team, a site). */
export interface GroupAdherence {
  /** Agents the roster has working or on a break now, and how many of them are in that state. */
  scheduled_now: number
  adherent_now: number
  /** Sums over the group's agents; adherence = adherent_min / scheduled_min (null when nothing was scheduled yet). */
  scheduled_min: number
  adherent_min: number
  adherence: number | null
}

/** The plan in a live snapshot, at its `as_of`. Absent when no plan for today has arrived. */
export interface SnapshotPlan {
  generated_at: number
  roster_week: string | null
  series: Record<string, PlanSeries>
  /** Every agent with a shift today or on the board, by agent id. */
  agents: Record<string, AgentAdherenceNow>
  total: GroupAdherence
  /** By the team and site the live events gave the agent (agents never seen live count in `total` only). */
  teams: Record<string, GroupAdherence>
  sites: Record<string, GroupAdherence>
}

/** A group's figures from its agents' (the live snapshot's teams, sites and total; a wall's filtered board). */
export function groupAdherence(agents: readonly AgentAdherenceNow[]): GroupAdherence {
  const now = agents.filter((a) => a.scheduled !== 'off')
  const sum = (k: 'scheduled_min' | 'adherent_min') => Math.round(agents.reduce((s, a) => s + a[k], 0) * 100) / 100
  const scheduled = sum('scheduled_min')
  const adherent = sum('adherent_min')
  return {
    scheduled_now: now.length,
    adherent_now: now.filter((a) => a.actual === a.scheduled).length,
    scheduled_min: scheduled,
    adherent_min: adherent,
    adherence: scheduled > 0 ? Math.round((adherent / scheduled) * 10000) / 10000 : null,
  }
}

/** The core NATS subject of a tenant's plan, in the topology's namespace (`<ns>_live.plan.<tenant>`). */
export function wallPlanSubject(topology: { prefix: string }, tenant: string): string {
  // The topology builds every name as `<namespace>_` + base, the event prefix as `<namespace>_cx`.
  return `${topology.prefix.slice(0, -'cx'.length)}live.plan.${tenant}`
}
