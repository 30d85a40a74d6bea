/**
 * Threshold alarms: rules a supervisor sets on a saved wall (or for a group of queues, teams or channels), and the
 * alarms the live metrics raise from them. An alarm is published on NATS (`<prefix>.alarm.<tenant>`), stored with its
 * start, acknowledgement and end, shown on the wall and pushed to supervisors' browsers. Types only.
 * Times are ms since the Unix epoch.
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
  /** Agents ready now (tenant and team rows; `below 1` = a queue group with no agent ready). */
  | 'agents_ready'
  /** Today's QA average (tenant row only). */
  | 'qa_avg'

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
