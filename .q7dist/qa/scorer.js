/**
 * Scoring stored interactions: load their events from ClickHouse (main thread: chDB never enters a worker),
 * build the turns, score them on the worker pool with the tenant's scorecard, store the rows and announce the
 * results. Shared by the stream consumer, the backfill and the transcription hook.
 */
import { loadQuery } from '../warehouse/index.js';
import { findScorecardFile, loadScorecard } from './scorecard.js';
import { buildInteraction, groupByInteraction } from './turns.js';
import { liveInput, qaRows, severeAlert, storeQaRows, } from './store.js';
export function createQaScorer(deps) {
    const sql = loadQuery('qa_interaction_events');
    const cards = new Map();
    /** The tenant's card for the queue and channel, or undefined for the shipped default of the interaction's language. */
    const cardFor = (tenant, queue, channel) => {
        const stored = deps.scorecards?.cardFor(tenant, queue, channel);
        if (stored || !deps.scorecardDir)
            return stored;
        const file = findScorecardFile(deps.scorecardDir, tenant, queue || undefined);
        if (!file)
            return undefined;
        let card = cards.get(file);
        if (!card)
            cards.set(file, (card = loadScorecard(file)));
        return card;
    };
    return {
        async loadEvents(tenant, ids) {
            if (ids.length === 0)
                return new Map();
            return groupByInteraction(await deps.warehouse.query(sql, { tenant, ids: [...ids] }));
        },
        async scoreAndStore(items) {
            const withTurns = items.filter((i) => i.interaction.turns.length > 0);
            const groups = new Map();
            for (const item of withTurns) {
                const card = cardFor(item.tenant, item.queue, item.interaction.channel ?? '');
                groups.set(card, [...(groups.get(card) ?? []), item]);
            }
            const scoredAt = Date.now();
            const rows = [];
            await Promise.all([...groups].map(async ([card, group]) => {
                const results = await deps.pool.score(group.map((g) => g.interaction), card);
                group.forEach((item, i) => rows.push(qaRows(item, results[i], scoredAt, deps.policy)));
            }));
            await storeQaRows(deps.warehouse, rows);
            const announce = deps.announce;
            if (announce)
                await Promise.all(rows.map((r) => announce(liveInput(r.result), severeAlert(r.result, r.flags, deps.policy))));
            return rows;
        },
    };
}
/**
 * Scores finished chats and tickets that have no QA result yet (all of them with `rescore`). Returns how many were
 * scored and skipped (no turns).
 */
export async function backfill(wh, scorer, opts) {
    const todo = await wh.query(loadQuery(opts.rescore ? 'qa_finished' : 'qa_unscored'), {
        since: opts.since,
        until: opts.until ?? Date.now(),
        tenant: opts.tenant ?? '',
        limit: opts.limit ?? 100_000,
    });
    const size = opts.batch ?? 256;
    let scored = 0;
    let done = 0;
    for (let i = 0; i < todo.length; i += size) {
        const slice = todo.slice(i, i + size);
        const byTenant = new Map();
        for (const r of slice)
            byTenant.set(r.tenant, [...(byTenant.get(r.tenant) ?? []), r.interaction_id]);
        for (const [tenant, ids] of byTenant) {
            const events = await scorer.loadEvents(tenant, ids);
            const items = [...events.values()]
                .map((rows) => buildInteraction(tenant, rows))
                .filter((x) => x !== null);
            scored += (await scorer.scoreAndStore(items)).length;
        }
        done += slice.length;
        opts.onProgress?.(done, todo.length);
    }
    return { scored, skipped: todo.length - scored };
}
//# sourceMappingURL=scorer.js.map