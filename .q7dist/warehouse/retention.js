import { loadQuery } from './queries.js';
/**
 * Written as ClickHouse prints them back in system.tables (`toIntervalDay(n)`, `IN ('a', 'b')`), so a TTL in force
 * compares equal to the one asked for and nothing is rewritten at the next start.
 */
export const TTL_RULES = [
    { table: 'events', kind: 'events', from: 'toDateTime(ts)' },
    // Message text is the transcript of a chat or ticket: it goes with the call transcripts.
    {
        table: 'events',
        kind: 'transcripts',
        from: 'toDateTime(ts)',
        where: "type IN ('chat.message', 'ticket.comment', 'survey.comment')",
    },
    { table: 'interactions', kind: 'events', from: 'toDateTime(last_ts)' },
    { table: 'customer_aliases', kind: 'events', from: 'toDateTime(merged_at)' },
    { table: 'transcripts', kind: 'transcripts', from: 'toDateTime(updated_at)' },
    { table: 'qa_results', kind: 'qa', from: 'toDateTime(ended_at)' },
    { table: 'qa_flags', kind: 'qa', from: 'toDateTime(ended_at)' },
    { table: 'qa_reviews', kind: 'qa', from: 'toDateTime(created_at)' },
    { table: 'forecasts', kind: 'reports', from: 'toDateTime(interval_start)' },
    { table: 'ticket_forecasts', kind: 'reports', from: 'toDateTime(interval_start)' },
    { table: 'rosters', kind: 'reports', from: 'toDateTime(saved_at)' },
    { table: 'report_daily', kind: 'reports', from: 'toDateTime(day)' },
    { table: 'surge_alerts', kind: 'reports', from: 'toDateTime(raised_at)' },
    { table: 'alarms', kind: 'reports', from: 'toDateTime(started_at)' },
];
/** The table retention the settings ask for. */
export const tableRetention = (config) => ({
    events: config.retentionEventsDays,
    transcripts: config.retentionTranscriptsDays,
    qa: config.retentionQaDays,
    reports: config.retentionReportsDays,
});
/** The TTL clause for one table ('' = none). */
export function ttlClause(table, retention, rules = TTL_RULES) {
    return rules
        .filter((r) => r.table === table && retention[r.kind] !== undefined)
        .map((r) => `${r.from} + toIntervalDay(${retention[r.kind]})${r.where ? ` WHERE ${r.where}` : ''}`)
        .join(', ');
}
/** The TTL clause of a table's engine as system.tables prints it ('' = none). */
export function ttlInForce(engineFull) {
    return / TTL (.*?)(?: SETTINGS |$)/.exec(engineFull)?.[1].trim() ?? '';
}
/**
 * Brings every table's TTL to what `retention` asks for; returns the changes made, e.g.
 * `events: TTL toDateTime(ts) + toIntervalDay(30)` or `qa_results: TTL removed`. Tables not created yet are skipped.
 * ClickHouse applies a new TTL to the stored rows in the background (materialize_ttl_after_modify).
 */
export async function applyRetention(wh, retention, opts = {}) {
    const rules = opts.rules ?? TTL_RULES;
    const local = (t) => (opts.cluster ? `${t}_local` : t);
    const tables = [...new Set(rules.map((r) => r.table))];
    const rows = await wh.query(loadQuery('table_engines'), {
        names: tables.map(local),
    });
    const engines = new Map(rows.map((r) => [r.name, r.engine_full]));
    const changes = [];
    for (const table of tables) {
        const engine = engines.get(local(table));
        if (engine === undefined)
            continue;
        const wanted = ttlClause(table, retention, rules);
        if (wanted === ttlInForce(engine))
            continue;
        const target = opts.cluster ? `${local(table)} ON CLUSTER '${opts.cluster}'` : table;
        await wh.command(`ALTER TABLE ${target} ${wanted ? `MODIFY TTL ${wanted}` : 'REMOVE TTL'}`);
        changes.push(`${table}: ${wanted ? `TTL ${wanted}` : 'TTL removed'}`);
    }
    return changes;
}
//# sourceMappingURL=retention.js.map