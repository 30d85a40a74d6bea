/**
 * The planner's rosters, kept in the warehouse (table `rosters`, migration 0017) so they survive a restart: one row
 * per tenant, week and version holding the RosterAnswer as JSON. Each build and each edit saves the next version of
 * its week (1 for a new week); ReplacingMergeTree keeps the newest. Why the warehouse and not a NATS KV bucket: the
 * forecasts it is built from, and the agent states adherence compares it with, are there; one backup covers them
 * all; and a past week's roster stays readable for adherence. Parsed rosters are kept in memory by tenant, week and
 * version, so the wall's plan (every minute) reads a small row, not the JSON, while nothing changes.
 */
import { loadQuery } from '../warehouse/index.js';
/** Parsed rosters kept in memory (a few hundred kB each for a week of 200 agents). */
const CACHED_ROSTERS = 32;
export function rosterStore(warehouse) {
    const sql = {
        latest: loadQuery('roster_latest'),
        ofWeek: loadQuery('roster_of_week'),
        covering: loadQuery('roster_covering'),
    };
    /** tenant/week → the newest version this process saved or read; the least recently stored go first. */
    const cache = new Map();
    const keyOf = (tenant, week) => `${tenant}/${week}`;
    const remember = (answer) => {
        const key = keyOf(answer.tenant, answer.week);
        cache.delete(key);
        cache.set(key, answer);
        if (cache.size > CACHED_ROSTERS)
            cache.delete(cache.keys().next().value);
    };
    const parse = (rows) => {
        if (!rows.length)
            return undefined;
        const answer = JSON.parse(rows[0].roster);
        if ((cache.get(keyOf(answer.tenant, answer.week))?.version ?? 0) <= answer.version)
            remember(answer);
        return answer;
    };
    const ofWeek = async (tenant, week) => parse(await warehouse.query(sql.ofWeek, { tenant, week }));
    return {
        async save(answer) {
            const previous = cache.get(keyOf(answer.tenant, answer.week)) ?? (await ofWeek(answer.tenant, answer.week));
            const saved = { ...answer, version: (previous?.version ?? 0) + 1 };
            await warehouse.insert('rosters', [
                {
                    tenant: saved.tenant,
                    week: saved.week,
                    version: saved.version,
                    saved_at: saved.edited_at ?? saved.built_at,
                    roster: JSON.stringify(saved),
                },
            ]);
            remember(saved);
            return saved;
        },
        ofWeek,
        latest: async (tenant) => parse(await warehouse.query(sql.latest, { tenant })),
        async covering(tenant, date, days) {
            const [hit] = await warehouse.query(sql.covering, { tenant, date, days });
            if (!hit)
                return undefined;
            const known = cache.get(keyOf(tenant, hit.week));
            return known && known.version === Number(hit.version) ? known : ofWeek(tenant, hit.week);
        },
    };
}
//# sourceMappingURL=roster-store.js.map