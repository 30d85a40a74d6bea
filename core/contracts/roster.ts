/**
 * Shift rosters and adherence: what `buildRoster` (roster/) gives back, which is also the planner API's JSON
 * (POST/GET/PUT /api/planner/roster, GET /api/planner/roster/adherence, served by forecast/roster-api.ts), and the
 * one pure function both sides use to recount coverage after a shift is moved or removed. Times of day are minutes
 * from local midnight; days are 0-based from the roster's first day.
 */
import { splitAmongSkills, type SkillGroup } from './skill-split.js'

export interface RosterBreak {
  name: string
  /** Minutes from midnight of the shift's day (past 1440 for a shift that crosses midnight). */
  start: number
  end: number
  paid: boolean
}

export interface RosterShift {
  day: number
  /** Minutes from midnight of `day`; `end` may pass 1440. */
  start: number
  end: number
  template: string
  paidHours: number
  breaks: RosterBreak[]
}

export interface AgentRoster {
  id: string
  name?: string
  skills: string[]
  paidHours: number
  shifts: RosterShift[]
}

/** Requirement vs scheduled for one interval and skill (skill `*` when the requirements are not per skill). */
export interface CoverageRow {
  day: number
  minute: number
  skill: string
  required: number
  /** Agents on duty and counted toward this skill (multi-skilled agents are split among their skills). */
  scheduled: number
  under: number
  over: number
}

export interface Roster {
  /**
   * Stage 1 (shifts): `optimal` when its cost is within the gap asked for of its lower bound; `feasible` when the
   * time ran out first (then `gap` says how far from optimal it may be at most).
   */
  status: 'optimal' | 'feasible'
  /**
   * Stage 1's cost, with each break counted as spread evenly over its window, its lower bound (over all tours,
   * from column generation) and the relative gap (objective − bound) / objective. The roster's actual cost, breaks
   * placed, is `totals.total` (usually lower: breaks go where they hurt coverage least).
   */
  objective: number
  bound: number
  gap: number
  /**
   * Stage 2 (breaks): the largest MIP gap among the days (0 when each was solved to optimality); null when time
   * ran out before every day's program ran (the local search's placement then stands for those days).
   */
  breakGap: number | null
  /** Wall-clock seconds of the whole build. */
  solveSeconds: number
  /** Size of the stage 1 program: agent types, tours generated, column-generation rounds, variables, rows; timings. */
  model: {
    agentTypes: number
    tours: number
    iterations: number
    columns: number
    integers: number
    rows: number
    nonzeros: number
    shiftSeconds: number
    breakSeconds: number
  }
  intervalMinutes: number
  days: number
  firstWeekday: number
  startDate?: string
  skills: string[]
  agents: AgentRoster[]
  coverage: CoverageRow[]
  totals: {
    shifts: number
    paidHours: number
    requiredHours: number
    understaffedHours: number
    overstaffedHours: number
    understaffedCost: number
    overstaffedCost: number
    shiftCost: number
    total: number
  }
  /** Things worth a look that are not errors, e.g. a skill nobody has. */
  warnings: string[]
}

/** POST /api/planner/roster: build the week from `week` (local date of day 0, default today). */
export interface RosterRequest {
  week?: string
  /** Cost per agent-hour short of / above the requirement (defaults 10 and 1). */
  costs?: { understaffed?: number; overstaffed?: number }
}

/** PUT /api/planner/roster: the agents' edited shifts; the server recounts coverage and stores a new version. */
export interface RosterEdit {
  /** The roster's week (`YYYY-MM-DD`, day 0); default the one saved last. */
  week?: string
  agents: AgentRoster[]
}

/** A roster the planner built for one tenant and week, with its edits (stored in the warehouse, table `rosters`). */
export interface RosterAnswer {
  tenant: string
  time_zone: string
  /** Local date of day 0, `YYYY-MM-DD`. */
  week: string
  built_at: number
  edited_at: number | null
  /** 1 when built; each stored edit adds one. The warehouse keeps the newest version of each tenant and week. */
  version: number
  /** Where the agents came from: seen in the warehouse's agent events, generated, or both. */
  agents_source: 'warehouse' | 'generated' | 'warehouse+generated'
  costs: { understaffed: number; overstaffed: number }
  roster: Roster
}

/** What an agent is doing, coarsely: working (logged in, not on a not-ready), on a break (not ready), or off. */
export type WorkState = 'work' | 'break' | 'off'

/** One interval of one agent's day: minutes scheduled and adhered, and the actual state most of the interval. */
export interface AdherenceInterval {
  minute: number
  scheduled: WorkState
  actual: WorkState
  /** Minutes of the interval inside the agent's shift (its breaks included). */
  scheduled_min: number
  /** Of those, minutes in the scheduled state. */
  adherent_min: number
  /** Minutes working (any time, in shift or not). */
  worked_min: number
}

/**
 * One agent's day. adherence = adherent_min / scheduled_min (share of the shift spent in the scheduled state);
 * conformance = worked_min / scheduled_work_min (time worked, anywhere in the day, over the shift's working time).
 * Both null when nothing was scheduled.
 */
export interface AgentAdherence {
  agent_id: string
  scheduled_min: number
  scheduled_work_min: number
  adherent_min: number
  worked_min: number
  adherence: number | null
  conformance: number | null
  intervals: AdherenceInterval[]
}

/** GET /api/planner/roster/adherence?date=YYYY-MM-DD: the roster's day against the agent state events. */
export interface AdherenceAnswer {
  tenant: string
  date: string
  /** Day of the roster. */
  day: number
  /** Minutes of the day counted (the whole day for a past day, up to now for today). */
  until_minute: number
  agents: AgentAdherence[]
  /** All agents together, the same ratios. */
  adherence: number | null
  conformance: number | null
}

/**
 * Coverage recounted from the agents' shifts: the agents on duty (in a shift, not on a break) in each interval, per
 * skill. With skill `*` (requirements that name no skills) every agent counts; per skill, each agent counts toward
 * one of the roster's skills it has, split to cover as much of the requirement as possible (`splitAmongSkills`).
 * Totals of under- and overstaffing follow, priced at `costs`. Pure; the page runs it after an edit and the server
 * when it stores one.
 */
export function recountCoverage(
  roster: Roster,
  agents: AgentRoster[],
  costs: { understaffed: number; overstaffed: number },
): Roster {
  const I = roster.intervalMinutes
  const perDay = 1440 / I
  const T = roster.days * perDay
  const anySkill = roster.skills.length === 1 && roster.skills[0] === '*'
  const skillIndex = new Map(roster.skills.map((k, i) => [k, i]))
  // Agents on duty per interval, grouped by the roster skills they have.
  const onDuty = Array.from({ length: T }, () => new Map<string, SkillGroup>())
  for (const a of agents) {
    const skills = anySkill ? [0] : [...new Set(a.skills.flatMap((k) => skillIndex.get(k) ?? []))].sort((x, y) => x - y)
    const key = skills.join(',')
    for (const s of a.shifts)
      for (let m = s.start; m < s.end; m += I) {
        if (s.breaks.some((b) => m >= b.start && m < b.end)) continue
        const t = s.day * perDay + Math.floor(m / I)
        if (t < 0 || t >= T) continue
        const group = onDuty[t].get(key) ?? { skills, agents: 0 }
        group.agents++
        onDuty[t].set(key, group)
      }
  }
  const required = Array.from({ length: T }, () => new Float64Array(roster.skills.length))
  for (const c of roster.coverage) required[c.day * perDay + c.minute / I][skillIndex.get(c.skill) ?? 0] = c.required
  const scheduledAt = onDuty.map((groups, t) => splitAmongSkills([...groups.values()], [...required[t]]))
  const h = I / 60
  let under = 0
  let over = 0
  const coverage = roster.coverage.map((c) => {
    const scheduled =
      Math.round((scheduledAt[c.day * perDay + c.minute / I]?.[skillIndex.get(c.skill) ?? 0] ?? 0) * 1000) / 1000
    const row = {
      ...c,
      scheduled,
      under: Math.max(0, c.required - scheduled),
      over: Math.max(0, scheduled - c.required),
    }
    under += row.under * h
    over += row.over * h
    return row
  })
  const shifts = agents.reduce((n, a) => n + a.shifts.length, 0)
  const paidHours = agents.reduce((n, a) => n + a.shifts.reduce((m, s) => m + s.paidHours, 0), 0)
  const r2 = (v: number) => Math.round(v * 100) / 100
  const totals = {
    ...roster.totals,
    shifts,
    paidHours: r2(paidHours),
    understaffedHours: r2(under),
    overstaffedHours: r2(over),
    understaffedCost: r2(under * costs.understaffed),
    overstaffedCost: r2(over * costs.overstaffed),
  }
  totals.total = r2(totals.understaffedCost + totals.overstaffedCost + totals.shiftCost)
  const withHours = agents.map((a) => ({ ...a, paidHours: r2(a.shifts.reduce((m, s) => m + s.paidHours, 0)) }))
  return { ...roster, agents: withHours, coverage, totals }
}
