/**
 * The walls' alarm rules for the live metrics service's alarms (live-metrics AlarmRuleSource), read from the wall
 * store and followed through its watch, so a rule saved in the designer is judged on the next snapshot.
 */
import type { AlarmRule } from '../../core/contracts/index.js'
import type { AlarmRuleSource } from '../../live-metrics/index.js'
import type { WallStore } from './wall-store.js'

export async function wallAlarmRules(store: WallStore, log: (msg: string) => void): Promise<AlarmRuleSource> {
  /** tenant → wall id → its rules. */
  const walls = new Map<string, Map<string, AlarmRule[]>>()
  /** Walls the watch has told of (saved or deleted): a listing that raced it must not undo what it said. */
  const watched = new Map<string, Set<string>>()
  const known = new Set<string>()
  const loading = new Set<string>()
  /** Tenants whose walls could not be read: said once, retried with each snapshot. */
  const failed = new Set<string>()
  const listeners = new Set<(tenant: string) => void>()
  const of = <T>(m: Map<string, T>, tenant: string, empty: () => T) =>
    m.get(tenant) ?? m.set(tenant, empty()).get(tenant)!

  const stopWatch = await store.watchWalls(({ tenant, id, wall }) => {
    of(watched, tenant, () => new Set()).add(id)
    const mine = of(walls, tenant, () => new Map())
    if (wall) mine.set(id, wall.alarms)
    else mine.delete(id)
    for (const cb of listeners) cb(tenant)
  })

  /** The watch tells of every wall, but not when it has told them all: the first ask lists the tenant's walls. */
  function load(tenant: string) {
    if (loading.has(tenant)) return
    loading.add(tenant)
    store
      .listWalls(tenant)
      .then((list) => {
        const mine = of(walls, tenant, () => new Map())
        const told = watched.get(tenant)
        for (const w of list) if (!told?.has(w.id)) mine.set(w.id, w.alarms)
        known.add(tenant)
        if (failed.delete(tenant)) log(`alarms: the walls of ${tenant} are read now`)
      })
      .catch((err) => {
        loading.delete(tenant) // asked again with the next snapshot
        if (!failed.has(tenant)) log(`alarms: the walls of ${tenant} could not be read: ${(err as Error).message}`)
        failed.add(tenant)
      })
  }

  return {
    rules(tenant) {
      if (!known.has(tenant)) return void load(tenant)
      return [...(walls.get(tenant) ?? [])].map(([owner, rules]) => ({ owner, rules }))
    },
    onChange(cb) {
      listeners.add(cb)
      return () => listeners.delete(cb)
    },
    close: () => stopWatch(),
  }
}
