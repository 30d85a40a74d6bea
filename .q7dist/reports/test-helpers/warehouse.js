/**
 * A migrated chDB warehouse for the report tests and the benchmark, and simulated contact-centre events to fill it:
 * the simulator's deterministic generator with each event's customer_id set to the simulated person (what identity
 * merge would give once every identity of theirs has been linked), stored as the warehouse sink stores rows.
 */
import { join } from 'node:path';
import { generateRun } from '../../simulator/index.js';
import { eventRows, insertEventRows, migrate, openWarehouse } from '../../warehouse/index.js';
export async function reportWarehouse(dir) {
    const wh = await openWarehouse({ chdbPath: join(dir, 'clickhouse') });
    await migrate(wh);
    return wh;
}
/** Simulated events of `days` days from `start` (contacts still open at the end finish), as stored events. */
export function simulatedEvents(o) {
    const run = generateRun({
        seed: o.seed ?? 7,
        start: o.start,
        durationMs: o.days * 86_400_000,
        ratePerHour: o.rate ?? 120,
        agents: o.agents ?? 20,
        tenant: o.tenant,
    });
    const owner = new Map();
    for (const c of run.truth.customers)
        for (const [kind, value] of Object.entries(c.identities))
            if (value)
                owner.set(`${kind}:${value}`, c.key);
    const customerOf = (e) => {
        for (const [kind, value] of Object.entries(e.customer ?? {})) {
            const key = owner.get(`${kind}:${value}`);
            if (key)
                return key;
        }
        return '';
    };
    return run.events.map((e, i) => ({
        ...e,
        v: 1,
        event_id: `sim-${o.seed ?? 7}-${i}`,
        received_at: e.ts,
        customer_id: customerOf(e),
        payload: e.payload ?? {},
    }));
}
/** Stores events as the warehouse sink does (insertEventRows), in chunks. */
export async function storeEvents(wh, events, chunk = 50_000) {
    for (let i = 0; i < events.length; i += chunk)
        await insertEventRows(wh, [eventRows(events.slice(i, i + chunk))]);
}
/**
 * QA results for every `every`-th chat or call that ended among `events` (deterministic made-up scores, flags,
 * sentiment, predicted CSAT and key facts), stored in qa_results as the QA service stores them.
 */
export async function storeQaResults(wh, events, every = 3) {
    const ended = events.filter((e) => e.type === 'chat.ended' || e.type === 'voice.ended');
    const rows = ended
        .filter((_, i) => i % every === 0)
        .map((e, i) => ({
        tenant: e.tenant,
        interaction_id: e.interaction_id,
        channel: e.channel,
        queue: e.queue ?? '',
        agent_id: e.agent_id ?? '',
        ended_at: e.ts,
        scored_at: e.ts + 60_000,
        scorecard_id: 'default',
        scorecard_version: 1,
        language: 'zh',
        score: 60 + ((i * 7) % 41),
        flagged: i % 5 === 0 ? 1 : 0,
        sentiment_first: ((i % 9) - 4) / 5,
        sentiment_last: ((i % 7) - 3) / 4,
        csat_predicted: 1 + ((i * 3) % 9) / 2,
        facts: JSON.stringify(i % 4 === 0
            ? [
                { kind: 'error_code', value: i % 8 === 0 ? '0x0000007B' : 'E-1001', turn: 0, start: 0, end: 1 },
                { kind: 'product_model', value: 'ThinkPad X1 Carbon', turn: 1, start: 0, end: 1 },
            ]
            : []),
    }));
    if (rows.length)
        await wh.insert('qa_results', rows);
    return rows.length;
}
//# sourceMappingURL=warehouse.js.map