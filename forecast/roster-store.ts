/**
 * The planner's rosters, kept in the warehouse (table `rosters`, migration 0017) so they survive a restart: one row
 * per tenant, week and version holding the RosterAnswer as JSON. Each build and each edit saves the next version of
 * its week (1 for a new week); ReplacingMergeTree keeps the newest. Why the warehouse and not a NATS KV bucket: the
 * forecasts it is built from, and the agent states adherence compares it with, are there; one backup covers them
 * all; and a past week's roster stays readable for adherence. Parsed rosters are kept in memory by tenant, week and
 * version, so the wall's plan (every minute) reads a small row, not the JSON, while nothing changes.
 */
import { loadQuery, type Warehouse } from '../warehouse/index.js'
import type { RosterAnswer } from '../core/contracts/index.js'

export interface RosterStore {
  /** Stores `answer` as the next version of its tenant's week (1 for a week not stored yet) and returns it so. */
  save(answer: Omit<RosterAnswer, 'version'>): Promise<RosterAnswer>
  /** The newest version of the tenant's roster for the week from `week` (YYYY-MM-DD). */
  ofWeek(tenant: string, week: string): Promise<RosterAnswer | undefined>
  /** The roster the tenant saved last, whatever its week. */
  latest(tenant: string): Promise<RosterAnswer | undefined>
  /** Of the tenant's rosters whose `days` days include `date` (YYYY-MM-DD), the one saved last. */
  covering(tenant: string, date: string, days: number): Promise<RosterAnswer | undefined>
}

/** Parsed rosters kept in memory (a few hundred kB each for a week of 200 agents). */
const CACHED_ROSTERS = 32

export function rosterStore(warehouse: Warehouse): RosterStore {
  const sql = {
    latest: loadQuery('roster_latest'),
    ofWeek: loadQuery('roster_of_week'),
    covering: loadQuery('roster_covering'),
  }
  /** tenant/week → the newest version this process saved or read; the least recently stored go first. */
  const cache = new Map<string, RosterAnswer>()
  const keyOf = (tenant: string, week: string) => `${tenant}/${week}`
  const remember = (answer: RosterAnswer) => {
    const key = keyOf(answer.tenant, answer.week)
    cache.delete(key)
    cache.set(key, answer)
    if (cache.size > CACHED_ROSTERS) cache.delete(cache.keys().next().value!)
  }
  const parse = (rows: { roster: string }[]): RosterAnswer | undefined => {
    if (!rows.length) return undefined
    const answer = JSON.parse(rows[0].roster) as RosterAnswer
    if ((cache.get(keyOf(answer.tenant, answer.week))?.version ?? 0) <= answer.version) remember(answer)
    return answer
  }
  const ofWeek = async (tenant: string, week: string) =>
    parse(await warehouse.query<{ roster: string }>(sql.ofWeek, { tenant, week }))

  return {
    async save(answer) {
      const previous = cache.get(keyOf(answer.tenant, answer.week)) ?? (await ofWeek(answer.tenant, answer.week))
      const saved: RosterAnswer = { ...answer, version: (previous?.version ?? 0) + 1 }
      await warehouse.insert('rosters', [
        {
          tenant: saved.tenant,
          week: saved.week,
          version: saved.version,
          saved_at: saved.edited_at ?? saved.built_at,
          roster: JSON.stringify(saved),
        },
      ])
      remember(saved)
      return saved
    },
    ofWeek,
    latest: async (tenant) => parse(await warehouse.query<{ roster: string }>(sql.latest, { tenant })),
    async covering(tenant, date, days) {
      const [hit] = await warehouse.query<{ week: string; version: number }>(sql.covering, { tenant, date, days })
      if (!hit) return undefined
      const known = cache.get(keyOf(tenant, hit.week))
      return known && known.version === Number(hit.version) ? known : ofWeek(tenant, hit.week)
    },
  }
}
