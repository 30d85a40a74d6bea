/**
 * The shapes of shift scheduling: what `buildRoster` takes (requirements, agents, rules) and what it gives back
 * (each agent's week with breaks, and requirement vs scheduled per interval). Plain data, JSON-friendly, so the
 * planner page can post an input and render a roster without the CLI.
 *
 * Times of day are minutes from midnight (`minute`, `start`, `end`); days are 0-based from the first day of the
 * horizon. Durations in the rules are `Duration`s: a number of minutes, or text such as `8h`, `8h30m`, `90m`, `1:30`.
 */
import type { AgentRoster, CoverageRow, Roster, RosterBreak, RosterShift } from '../core/contracts/index.js'

/** Minutes (a number) or text: `8h`, `8h30m`, `90m`, `1:30`. */
export type Duration = number | string

/** Agents needed in one interval, for one skill (or for any agent when the requirements name no skills). */
export interface Requirement {
  /** Day of the horizon, 0-based. */
  day: number
  /** Start of the interval, minutes from midnight; a multiple of `intervalMinutes`. */
  minute: number
  /** Skill or queue; leave it out on every row when requirements are not per skill. */
  skill?: string
  /** Agents needed on duty (not on a break) during the interval, ≥ 0; fractions are allowed. */
  required: number
}

/**
 * A window of time in an agent's week: text such as `sat`, `mon-fri`, `tue 09:00-12:00`, `18:00-24:00` (every day)
 * or `mon,wed 13:00-17:00`, or the same as an object. Day names follow `firstWeekday`; numbers are horizon days.
 */
export type TimeWindow = string | { days?: (string | number)[] | string | number; from?: string; to?: string }

export interface AgentSpec {
  /** Unique id; it names the agent in the output and in error messages. */
  id: string
  name?: string
  /** Skills (queues) the agent can serve; required when the requirements are per skill. */
  skills?: string[]
  /** Weekly paid hours; override `rules.hours`. */
  minHours?: number
  maxHours?: number
  /** Days off in the horizon (at least); override `rules.daysOff.count` / `.consecutive`. */
  daysOff?: number
  consecutiveDaysOff?: boolean
  /** Shift template names this agent may work; default all. */
  shifts?: string[]
  /** When the agent cannot work: no shift overlaps any of these windows. */
  unavailable?: TimeWindow[]
  /** When given, every shift lies wholly inside one of these windows. */
  available?: TimeWindow[]
  /** Extra cost per paid hour of this agent (overtime, contractor), added to the shift costs. */
  costPerHour?: number
}

/** Shifts of one length starting at any of several times. */
export interface ShiftTemplate {
  name: string
  /** Start times `HH:MM`, a list or a range `{ from, to, every }` (every: a `Duration`, default the interval). */
  starts: string[] | { from: string; to: string; every?: Duration }
  /** Shift length including breaks, e.g. `8h`, `9h`, `4h30m`; at most 24 h; shifts may cross midnight. */
  length: Duration
  /** Cost of one such shift, on top of `costs.perShift` and `costs.perPaidHour` (default 0). */
  cost?: number
  /** Day names or horizon days this template may be used on; default every day. */
  days?: (string | number)[]
}

/**
 * A break or lunch placed in every shift at least `minShiftHours` long. It starts between `earliest` and `latest`
 * after the shift starts, on the interval grid. Rules apply in the order listed: the second starts after the first
 * ends (plus `rules.breakGapMinutes`).
 */
export interface BreakRule {
  name: string
  /** Length, a multiple of the interval (15m, 30m, 1h). */
  length: Duration
  /** Earliest and latest start, measured from the shift start. */
  earliest: Duration
  latest: Duration
  /** Only shifts at least this long (including breaks) get this break; default every shift. */
  minShiftHours?: number
  /** Whether the break counts as paid time (default true; lunches are usually `paid: false`). */
  paid?: boolean
}

export interface StaffingCosts {
  /** Cost per agent-hour short of the requirement (default 10). */
  understaffed?: number
  /** Cost per agent-hour above the requirement (default 1). */
  overstaffed?: number
}

export interface RosterRules {
  /** Interval length, minutes: 5, 10, 15 (default), 20, 30 or 60. */
  intervalMinutes?: number
  shifts: ShiftTemplate[]
  breaks?: BreakRule[]
  /** Minutes between the end of one break and the start of the next (default 0). */
  breakGapMinutes?: number
  /** At least `count` days off in the horizon (default 2); `consecutive`: two of them next to each other. */
  daysOff?: { count?: number; consecutive?: boolean }
  /** Weekly paid hours per agent (defaults 0 and no limit); agents may override. */
  hours?: { min?: number; max?: number }
  /** Hours between the end of one shift and the start of the next (default 0: shifts may not overlap). */
  minRestHours?: number
  costs?: StaffingCosts & {
    /** Cost of every shift (default 0). */
    perShift?: number
    /** Cost per paid hour (default 0). */
    perPaidHour?: number
    /** Per-skill staffing costs, overriding `understaffed` / `overstaffed`. */
    skills?: Record<string, StaffingCosts>
  }
  /** When true, every requirement must be met (no understaffing allowed); too few agents is then infeasible. */
  hardCoverage?: boolean
  /** Skills agents may list beyond those in the requirements. */
  skills?: string[]
}

export interface RosterInput {
  requirements: Requirement[]
  agents: AgentSpec[]
  rules: RosterRules
  /** Days in the horizon (default 7). Shift time past the last day is not counted. */
  days?: number
  /** Weekday of day 0 for day names: 0 = Monday … 6 = Sunday (default 0). */
  firstWeekday?: number
  /** ISO date of day 0 (`YYYY-MM-DD`), used only to label the output. */
  startDate?: string
}

export interface RosterProgress {
  /** model: checking; columns: generating tours; solve: choosing shifts; breaks: placing breaks; done. */
  phase: 'model' | 'columns' | 'solve' | 'breaks' | 'done'
  /** Seconds since the solver started. */
  seconds: number
  /** Best roster cost found so far (solve phase), and the proven lower bound on any roster's cost. */
  incumbent?: number
  bound?: number
  /** Relative gap between them, 0..1. */
  gap?: number
  message?: string
}

export interface BuildOptions {
  /** Solver wall-clock limit, seconds (default 25). On reaching it the best roster found is returned. */
  timeLimitSeconds?: number
  /** Relative MIP gap at which the solver stops (default 0.005 = 0.5 %). */
  gap?: number
  /** Solver random seed (default 0). */
  seed?: number
  /** Called at phase changes and about every 200 ms while the solver runs (synchronously, from inside it). */
  onProgress?: (p: RosterProgress) => void
}

// The roster's output shapes are the planner API's JSON too: declared once, in core/contracts/roster.ts.
export type { AgentRoster, CoverageRow, Roster, RosterBreak, RosterShift }

/** One reason a roster cannot be built: which constraint binds, and for whom or when. */
export interface RosterConflict {
  constraint:
    | 'hours.min'
    | 'hours.max'
    | 'daysOff'
    | 'daysOff.consecutive'
    | 'minRest'
    | 'availability'
    | 'shifts'
    | 'hardCoverage'
    | 'solver'
  agent?: string
  skill?: string
  day?: number
  minute?: number
  message: string
}
