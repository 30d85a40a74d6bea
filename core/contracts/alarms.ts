/**
 * Threshold alarms: rules a supervisor sets on a saved wall (or for a group of queues, teams or channels), and the
 * alarms the live metrics raise from them. An alarm is published on NATS (`<prefix>.alarm.<tenant>`), stored with its
 * start, acknowledgement and end, shown on the wall and pushed to supervisors' browsers. Types, the subject of
 * acknowledgements and the checks a rule must pass beyond its shape (`alarmRuleProblem`: the wall designer, the walls
 * API and MOFANG_ALARM_RULES share them). Times are ms since the Unix epoch.
 */

/** What a rule watches, read from a snapshot row (DimensionMetrics of the tenant, a queue, a channel or a team). */
export type AlarmMetric =
  /** SL % of the rule's window (default `30m`). */
  | 'sl_pct'
  /** Abandon % of the rule's window. */
  | 'abandon_pct'
  /** Longest current wait, seconds. */
  | 'longest_wait_s'
  /** Contacts waiting now. */
  | 'waiting'
  /** ASA of the rule's window, seconds. */
  | 'asa_s'
  /** CSAT % (scores 4-5) of the rule's window. */
  | 'csat_pct'
  /**
   * Agents ready now (tenant and team rows). Queue rows: ready agents with the queue among their skills, read only
   * while the queue has contacts waiting (`below 1` = callers waiting and nobody ready to take them; an idle queue
   * at night raises nothing).
   */
  | 'agents_ready'
  /** Today's QA average (tenant row only). */
  | 'qa_avg'

/** Every AlarmMetric, once (a Record, so a metric added to the union must be added here). */
const METRICS: Record<AlarmMetric, true> = {
  sl_pct: true,
  abandon_pct: true,
  longest_wait_s: true,
  waiting: true,
  asa_s: true,
  csat_pct: true,
  agents_ready: true,
  qa_avg: true,
}
export const ALARM_METRICS = Object.keys(METRICS) as readonly AlarmMetric[]

/** Which row of the snapshot a rule reads. */
export interface AlarmScope {
  kind: 'tenant' | 'queue' | 'channel' | 'team'
  /** The queue, channel or team name; absent for `tenant`. `*` = every row of that kind, one alarm per row. */
  name?: string
}

export interface AlarmRule {
  /** Stable id within its wall or group (letters, digits, `-`, `_`). */
  id: string
  metric: AlarmMetric
  scope: AlarmScope
  /** `above`: alarm while value > threshold; `below`: while value < threshold. */
  op: 'above' | 'below'
  threshold: number
  /** The snapshot window a windowed metric reads (e.g. `15m`, `30m`, `60m`, `today`). Default `30m`. */
  window?: string
  /** The condition must hold this long before the alarm is raised, seconds (damps flapping). Default 60. */
  for_s?: number
  /** The condition must be false this long before the alarm ends, seconds (damps flapping). Default 120. */
  clear_s?: number
  severity: 'critical' | 'warning'
}

/** A raised alarm, as stored, published and listed (GET /api/alarms). */
export interface Alarm {
  /** `<wall or group>:<rule id>:<row>` — one alarm per rule and row at a time. */
  key: string
  tenant: string
  rule: AlarmRule
  /** The wall (or group) the rule belongs to. */
  owner: string
  /** The row it concerns, e.g. `queue:repair`. */
  row: string
  severity: 'critical' | 'warning'
  /** Human text, e.g. "SL 30m on queue repair 62 % < 80 %". */
  text: string
  /** The value when raised and the latest while active. */
  value: number | null
  started_at: number
  acknowledged_at?: number
  acknowledged_by?: string
  /** Set once it ended. */
  ended_at?: number
}

/** The NATS message on `<prefix>.alarm.<tenant>`: the alarm as it is after the change. */
export interface AlarmChange {
  change: 'raised' | 'updated' | 'acknowledged' | 'ended'
  alarm: Alarm
}

/** The owner of the rules from MOFANG_ALARM_RULES, not tied to a wall (a wall id starts with a letter or digit). */
export const GROUP_RULES_OWNER = '_group'

/** GET /api/alarms: active alarms first, then the most recent. */
export interface AlarmListAnswer {
  alarms: Alarm[]
}

/**
 * Core NATS request subject of acknowledgements (`<alarmSubject>_ack.<tenant>`): the wallboard server asks
 * (POST /api/alarms/:key/ack), the live metrics service, which holds the alarms, answers with an AlarmAckReply.
 */
export const alarmAckSubject = (topology: { alarmSubject: string }, tenant: string): string =>
  `${topology.alarmSubject}_ack.${tenant}`

export interface AlarmAckRequest {
  key: string
  /** Who acknowledges (the signed-in user). */
  by: string
}

/** The alarm as it is after the acknowledgement (an alarm acknowledged before keeps its first), or why not. */
export type AlarmAckReply = { alarm: Alarm } | { error: 'not_found' }

/** Which scopes a metric has rows for. */
const SCOPES_OF: Partial<Record<AlarmMetric, readonly AlarmScope['kind'][]>> = {
  qa_avg: ['tenant'],
  agents_ready: ['tenant', 'team', 'queue'],
}

/**
 * What is wrong with a rule beyond its shape (a scope without the name it needs, a metric without rows of that
 * scope), as the field and the reason; undefined when nothing is.
 */
export function alarmRuleProblem(rule: AlarmRule): { field: string; reason: string } | undefined {
  const { kind, name } = rule.scope
  if (kind === 'tenant' && name !== undefined) return { field: 'scope.name', reason: 'a tenant rule has no name' }
  if (kind !== 'tenant' && !name)
    return { field: 'scope.name', reason: `required for a ${kind} rule (a name, or * for every ${kind})` }
  const kinds = SCOPES_OF[rule.metric]
  if (kinds && !kinds.includes(kind))
    return { field: 'scope.kind', reason: `${rule.metric} exists for ${kinds.join(', ')} rows only` }
  if (!Number.isFinite(rule.threshold)) return { field: 'threshold', reason: 'must be a number' }
  return undefined
}
