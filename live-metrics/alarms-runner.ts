/**
 * Alarms in the live metrics service: each snapshot it computes is judged against the tenant's rules (its walls'
 * and the group rules of MOFANG_ALARM_RULES), the active alarms ride along in the snapshot (`alarms`), and each
 * change is stored (alarms-store.ts) and then published through JetStream on `<alarmSubject>.<tenant>`, in the order
 * they happened. Acknowledgements arrive as core NATS requests (`alarmAckSubject`) from the wallboard servers.
 *
 * After a restart the active alarms are read back from the warehouse before anything is judged, and nothing is
 * judged until the event replay has caught up: a half-replayed day would show calls that were answered long ago
 * still waiting, and raise alarms for them.
 */
import type { ServiceContext } from '../core/index.js'
import {
  alarmAckSubject,
  GROUP_RULES_OWNER,
  type AlarmAckReply,
  type AlarmAckRequest,
  type AlarmChange,
  type Snapshot,
} from '../core/contracts/index.js'
import { publishAlarmChange } from '../bus/index.js'
import { createAlarmEvaluator, type RuleSet } from './alarms.js'
import type { GroupRules } from './alarms-settings.js'
import { loadActiveAlarms, writeAlarmChange, type StoredAlarm } from './alarms-store.js'

/** The walls' alarm rules, as the composition root hands them over (web/server's wall store behind it). */
export interface AlarmRuleSource {
  /** The tenant's rules by wall; undefined until they are known (the tenant's alarms are not judged before). */
  rules(tenant: string): RuleSet[] | undefined
  /** Calls `onChange(tenant)` after a wall of the tenant changed; returns the unsubscribe function. */
  onChange(cb: (tenant: string) => void): () => void
  /** Stops following the walls (the live metrics service stops). */
  close(): void
}

export interface AlarmOptions {
  walls: AlarmRuleSource
  /** MOFANG_ALARM_RULES (alarmGroupRules). Default none. */
  group?: GroupRules
  /** An active alarm's changed value is stored and published at most this often, ms. Default 60,000. */
  updateEveryMs?: number
}

export interface AlarmRunner {
  /**
   * Judges the snapshot when `settled` (the replay has caught up) and adds the tenant's active alarms to it, at `now`
   * (ms).
   */
  evaluate(snap: Snapshot, now: number, settled: boolean): void
  /**
   * Reads the tenant's active alarms back from the warehouse, as another instance left them: this instance judges
   * the tenant from now on (partitions.ts).
   */
  takeOver(tenant: string): Promise<void>
  health(): Record<string, number>
  stop(): Promise<void>
}

/**
 * Starts once the active alarms are read back; `changed(tenant)` hears of anything that changes its alarms. With
 * several live metrics instances, only the owner of a tenant (`owns`) answers its acknowledgements: every instance
 * hears the request, and the first answer is the one the wallboard gets.
 */
export async function startAlarms(
  ctx: ServiceContext,
  opts: AlarmOptions,
  changed: (tenant: string) => void,
  owns: (tenant: string) => boolean = () => true,
): Promise<AlarmRunner> {
  const { warehouse, js, nats, topology, log } = ctx
  const evaluator = createAlarmEvaluator({ updateEveryMs: opts.updateEveryMs })
  /** The version of each active alarm's stored row, by `<tenant> <key> <started_at>`. */
  const versions = new Map<string, number>()
  const idOf = ({ alarm: a }: AlarmChange) => `${a.tenant} ${a.key} ${a.started_at}`
  const counts = { raised: 0, ended: 0, store_failures: 0, publish_failures: 0, rules_unknown: 0 }

  const takeBack = (stored: StoredAlarm[]) => {
    evaluator.restore(stored.map((s) => s.alarm))
    for (const s of stored) versions.set(idOf({ change: 'raised', alarm: s.alarm }), s.version)
  }
  const stored = await loadActiveAlarms(warehouse)
  takeBack(stored)
  if (stored.length) log(`live metrics: ${stored.length} active alarms taken back`)

  // One change at a time, in order: a later change of an alarm must not be stored or published before an earlier.
  let queue = Promise.resolve()
  const record = (changes: AlarmChange[]): Promise<void> =>
    (queue = queue.then(async () => {
      for (const change of changes) {
        const id = idOf(change)
        const version = (versions.get(id) ?? 0) + 1
        if (change.change === 'ended') versions.delete(id)
        else versions.set(id, version)
        if (change.change === 'raised') counts.raised++
        if (change.change === 'ended') counts.ended++
        await writeAlarmChange(warehouse, change, version).catch((err) => {
          if (counts.store_failures++ === 0) log(`live metrics: storing an alarm failed: ${(err as Error).message}`)
        })
        await publishAlarmChange(js, topology, change, version).catch((err) => {
          if (counts.publish_failures++ === 0)
            log(`live metrics: publishing an alarm failed: ${(err as Error).message}`)
        })
      }
    }))

  const encoder = new TextEncoder()
  const decoder = new TextDecoder()
  const ackPrefix = alarmAckSubject(topology, '')
  const acks = nats.nc.subscribe(alarmAckSubject(topology, '*'), {
    callback: (_err, msg) => {
      const reply = (answer: AlarmAckReply) => msg.respond(encoder.encode(JSON.stringify(answer)))
      void (async () => {
        const tenant = msg.subject.slice(ackPrefix.length)
        if (!owns(tenant)) return
        const req = JSON.parse(decoder.decode(msg.data)) as AlarmAckRequest
        const acked = evaluator.acknowledge(tenant, req.key, req.by, Date.now())
        if (!acked) return reply({ error: 'not_found' })
        if (acked.changed) {
          await record([{ change: 'acknowledged', alarm: acked.alarm }])
          changed(tenant)
        }
        reply({ alarm: acked.alarm })
      })().catch((err) => log(`live metrics: an alarm acknowledgement failed: ${(err as Error).message}`))
    },
  })
  const unwatch = opts.walls.onChange(changed)

  return {
    evaluate(snap, now, settled) {
      const walls = opts.walls.rules(snap.tenant)
      if (settled && walls) {
        const group = opts.group?.rulesOf(snap.tenant) ?? []
        const sets = group.length ? [...walls, { owner: GROUP_RULES_OWNER, rules: group }] : walls
        const changes = evaluator.evaluate(snap, sets, now)
        if (changes.length) void record(changes)
      } else if (settled) counts.rules_unknown++
      snap.alarms = evaluator.active(snap.tenant)
    },
    async takeOver(tenant) {
      // After this instance's own pending changes; another instance's may still be on their way (README).
      await queue
      evaluator.forget(tenant)
      for (const id of versions.keys()) if (id.startsWith(`${tenant} `)) versions.delete(id)
      takeBack((await loadActiveAlarms(warehouse)).filter((s) => s.alarm.tenant === tenant))
    },
    health: () => ({ ...counts, active: versions.size }),
    async stop() {
      unwatch()
      opts.walls.close()
      acks.unsubscribe()
      await queue
    },
  }
}
