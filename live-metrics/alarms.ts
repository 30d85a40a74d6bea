/**
 * The alarm evaluator: threshold rules in, alarms out, one snapshot at a time. Pure (callers pass `now`), so the
 * live service, a restart and the unit tests run the same code.
 *
 * Flapping is damped by hysteresis: a rule's condition must hold for `for_s` before its alarm is raised (a blip
 * shorter than that raises nothing), and must be false for `clear_s` before the alarm ends (a moment of relief does
 * not end it, so it is not raised again a second later). One alarm per rule and row at a time, keyed
 * `<owner>:<rule id>:<row>`; a `*` scope watches every row of its kind, each on its own. An acknowledgement stays
 * until the alarm ends; the next alarm of the same key starts unacknowledged.
 */
import type { Alarm, AlarmChange, AlarmRule, Snapshot } from '../core/contracts/index.js'
import { alarmText, ruleRows } from './alarms-values.js'

/** The rules of one wall, or the group rules (owner GROUP_RULES_OWNER). */
export interface RuleSet {
  owner: string
  rules: AlarmRule[]
}

export interface AlarmEvaluatorOptions {
  /** An active alarm's changed value is reported as `updated` at most this often, ms. Default 60,000. */
  updateEveryMs?: number
}

export interface AlarmEvaluator {
  /** Judges the snapshot's rows against the tenant's rules at `now` (ms); answers what changed, in order. */
  evaluate(snap: Snapshot, sets: readonly RuleSet[], now: number): AlarmChange[]
  /** The tenant's active alarms: not yet acknowledged first, then critical, then the newest. */
  active(tenant: string): Alarm[]
  /**
   * Records who acknowledged an active alarm; `changed` is false when it was acknowledged before (the first
   * acknowledgement stays). Undefined when no such alarm is active.
   */
  acknowledge(tenant: string, key: string, by: string, at: number): { alarm: Alarm; changed: boolean } | undefined
  /** Takes back alarms that were active before a restart (as stored); they end like any other once clear. */
  restore(alarms: readonly Alarm[]): void
  /** Drops everything kept about the tenant's alarms (another live metrics instance judges them now). */
  forget(tenant: string): void
}

/** One rule on one row: pending (condition true since `since`) or active (`alarm`). */
interface Track {
  owner: string
  rule: AlarmRule
  row: string
  /** The condition has held since then (pending: not yet raised). */
  since?: number
  /** Active, the condition has been false since then. */
  clearSince?: number
  alarm?: Alarm
  /** When a value change was last reported. */
  reportedAt: number
}

const S = 1_000
const DEFAULT_FOR_S = 60
const DEFAULT_CLEAR_S = 120

const holds = (rule: AlarmRule, value: number | null) =>
  value !== null && (rule.op === 'above' ? value > rule.threshold : value < rule.threshold)

export function createAlarmEvaluator(opts: AlarmEvaluatorOptions = {}): AlarmEvaluator {
  const updateEveryMs = opts.updateEveryMs ?? 60_000
  const tenants = new Map<string, Map<string, Track>>()
  const tracksOf = (tenant: string) => tenants.get(tenant) ?? tenants.set(tenant, new Map()).get(tenant)!

  function end(tenant: string, tracks: Map<string, Track>, key: string, now: number, out: AlarmChange[]) {
    const alarm = tracks.get(key)?.alarm
    tracks.delete(key)
    if (alarm) out.push({ change: 'ended', alarm: { ...alarm, ended_at: now } })
  }

  /** Moves one rule on one row on by the value it has now. */
  function step(tenant: string, key: string, t: Track, value: number | null, now: number, out: AlarmChange[]) {
    const tracks = tracksOf(tenant)
    const on = holds(t.rule, value)
    if (!t.alarm) {
      if (!on) return void tracks.delete(key) // a blip shorter than for_s leaves nothing behind
      t.since ??= now
      if (now - t.since < (t.rule.for_s ?? DEFAULT_FOR_S) * S) return
      t.alarm = {
        key,
        tenant,
        rule: t.rule,
        owner: t.owner,
        row: t.row,
        severity: t.rule.severity,
        text: alarmText(t.rule, t.row, value),
        value,
        started_at: now,
      }
      t.reportedAt = now
      return void out.push({ change: 'raised', alarm: { ...t.alarm } })
    }
    if (!on) {
      t.clearSince ??= now
      if (now - t.clearSince >= (t.rule.clear_s ?? DEFAULT_CLEAR_S) * S) end(tenant, tracks, key, now, out)
      return
    }
    t.clearSince = undefined
    const alarm = t.alarm
    // Compared by content: a wall saved again, or the rule as stored before a restart, is a new object.
    const ruleChanged = alarm.rule !== t.rule && JSON.stringify(alarm.rule) !== JSON.stringify(t.rule)
    if (value === alarm.value && !ruleChanged) return
    Object.assign(alarm, { rule: t.rule, severity: t.rule.severity, value, text: alarmText(t.rule, t.row, value) })
    if (ruleChanged || now - t.reportedAt >= updateEveryMs) {
      t.reportedAt = now
      out.push({ change: 'updated', alarm: { ...alarm } })
    }
  }

  return {
    evaluate(snap, sets, now) {
      const tenant = snap.tenant
      const tracks = tracksOf(tenant)
      const out: AlarmChange[] = []
      const live = new Set<string>()
      for (const { owner, rules } of sets) {
        for (const rule of rules) {
          const prefix = `${owner}:${rule.id}:`
          const seen = new Set<string>()
          for (const { row, value } of ruleRows(snap, rule)) {
            const key = prefix + row
            seen.add(key)
            const t = tracks.get(key) ?? { owner, rule, row, reportedAt: now }
            t.rule = rule
            tracks.set(key, t)
            step(tenant, key, t, value, now, out)
          }
          // A row that left the snapshot (a queue quiet past the engine's horizon) has nothing to alarm about.
          for (const [key, t] of tracks)
            if (key.startsWith(prefix) && !seen.has(key)) {
              t.rule = rule
              step(tenant, key, t, null, now, out)
            }
          live.add(`${owner}:${rule.id}`)
        }
      }
      // A rule deleted (or its wall) ends its alarms at once: nobody asks about that condition any more.
      for (const [key, t] of tracks) if (!live.has(`${t.owner}:${t.rule.id}`)) end(tenant, tracks, key, now, out)
      return out
    },

    active(tenant) {
      return [...(tenants.get(tenant)?.values() ?? [])]
        .flatMap((t) => (t.alarm ? [{ ...t.alarm }] : []))
        .sort(
          (a, b) =>
            Number(a.acknowledged_at !== undefined) - Number(b.acknowledged_at !== undefined) ||
            Number(b.severity === 'critical') - Number(a.severity === 'critical') ||
            b.started_at - a.started_at,
        )
    },

    acknowledge(tenant, key, by, at) {
      const alarm = tenants.get(tenant)?.get(key)?.alarm
      if (!alarm) return undefined
      if (alarm.acknowledged_at !== undefined) return { alarm: { ...alarm }, changed: false }
      Object.assign(alarm, { acknowledged_at: at, acknowledged_by: by })
      return { alarm: { ...alarm }, changed: true }
    },

    forget(tenant) {
      tenants.delete(tenant)
    },
    restore(alarms) {
      for (const a of alarms) {
        if (a.ended_at !== undefined) continue
        tracksOf(a.tenant).set(a.key, {
          owner: a.owner,
          rule: a.rule,
          row: a.row,
          since: a.started_at,
          alarm: { ...a },
          reportedAt: a.started_at,
        })
      }
    },
  }
}
