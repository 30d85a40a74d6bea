/**
 * Alarms in the warehouse (table `alarms`, sql/migrations/0019): each change writes the alarm as it is after it, with
 * the next version of that alarm, so the newest row is the alarm now. The live metrics service writes and, at start,
 * reads back the active ones; the wallboard lists active and recent ones (GET /api/alarms).
 */
import type { Warehouse } from '../core/index.js'
import type { Alarm, AlarmChange, AlarmRule } from '../core/contracts/index.js'
import { loadQuery } from '../warehouse/index.js'

/** An alarm with the version of its stored row. */
export interface StoredAlarm {
  alarm: Alarm
  version: number
}

/** Which alarms GET /api/alarms lists. */
export interface AlarmFilter {
  /** Not acknowledged and not ended. */
  active: boolean
  /** Acknowledged, not ended. */
  acknowledged: boolean
  ended: boolean
  /** Ended alarms that ended before this are left out (active ones never), ms since the epoch. */
  sinceMs: number
  limit: number
}

interface AlarmRow {
  tenant: string
  key: string
  owner: string
  row: string
  severity: Alarm['severity']
  text: string
  value: number | null
  rule: string
  version: number
  started_at: number
  acknowledged_at: number | null
  acknowledged_by: string | null
  ended_at: number | null
}

const fromRow = (r: AlarmRow): StoredAlarm => ({
  version: Number(r.version),
  alarm: {
    key: r.key,
    tenant: r.tenant,
    rule: JSON.parse(r.rule) as AlarmRule,
    owner: r.owner,
    row: r.row,
    severity: r.severity,
    text: r.text,
    value: r.value,
    started_at: Number(r.started_at),
    ...(r.acknowledged_at !== null && { acknowledged_at: Number(r.acknowledged_at) }),
    ...(r.acknowledged_by !== null && { acknowledged_by: r.acknowledged_by }),
    ...(r.ended_at !== null && { ended_at: Number(r.ended_at) }),
  },
})

/** Writes one change of an alarm as its row of version `version`. */
export async function writeAlarmChange(wh: Warehouse, { change, alarm }: AlarmChange, version: number): Promise<void> {
  await wh.insert('alarms', [
    {
      tenant: alarm.tenant,
      key: alarm.key,
      started_at: alarm.started_at,
      version,
      change,
      owner: alarm.owner,
      row: alarm.row,
      severity: alarm.severity,
      text: alarm.text,
      value: alarm.value,
      rule: JSON.stringify(alarm.rule),
      acknowledged_at: alarm.acknowledged_at ?? null,
      acknowledged_by: alarm.acknowledged_by ?? null,
      ended_at: alarm.ended_at ?? null,
    },
  ])
}

/** Every tenant's active alarms, as stored last. */
export async function loadActiveAlarms(wh: Warehouse): Promise<StoredAlarm[]> {
  return (await wh.query<AlarmRow>(loadQuery('alarm_active'))).map(fromRow)
}

/** One tenant's alarms in the states asked for: active first, then the newest. */
export async function listAlarms(wh: Warehouse, tenant: string, f: AlarmFilter): Promise<Alarm[]> {
  const rows = await wh.query<AlarmRow>(loadQuery('alarm_list'), {
    tenant,
    since_ms: f.sinceMs,
    active: Number(f.active),
    acknowledged: Number(f.acknowledged),
    ended: Number(f.ended),
    limit: f.limit,
  })
  return rows.map((r) => fromRow(r).alarm)
}
