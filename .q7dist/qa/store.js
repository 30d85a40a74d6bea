export const SEVERITY_RANK = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
export function maxSeverity(result) {
    let best = '';
    for (const f of result.flags)
        if (best === '' || SEVERITY_RANK[f.severity] > SEVERITY_RANK[best])
            best = f.severity;
    return best;
}
export function isFlagged(result, policy = {}) {
    const from = SEVERITY_RANK[policy.flagFrom ?? 'medium'];
    return result.auto_failed || result.flags.some((f) => SEVERITY_RANK[f.severity] >= from);
}
/** A survey answer on its scale, else null (as npsOf reads it). */
const surveyAnswer = (x, min, max) => typeof x === 'number' && x >= min && x <= max ? x : null;
/** The rows to store for one scored interaction. */
export function qaRows(item, result, scoredAt, policy = {}) {
    const base = {
        tenant: item.tenant,
        interaction_id: item.interaction.interaction_id,
        queue: item.queue,
        agent_id: item.agent_id,
        ended_at: item.ended_at,
        scored_at: scoredAt,
    };
    const turns = result.turns.map((t, i) => ({ ...t, sentiment: result.sentiment.turns[i] ?? null }));
    return {
        result: {
            ...base,
            channel: item.interaction.channel ?? '',
            scorecard_id: result.scorecard.id,
            scorecard_version: result.scorecard.version,
            language: result.language,
            score: result.score,
            auto_failed: result.auto_failed ? 1 : 0,
            flagged: isFlagged(result, policy) ? 1 : 0,
            flag_count: result.flags.length,
            max_severity: maxSeverity(result),
            flag_checks: [...new Set(result.flags.map((f) => f.check))],
            sentiment_customer: result.sentiment.customer.overall,
            sentiment_first: result.sentiment.customer.first,
            sentiment_last: result.sentiment.customer.last,
            politeness: result.politeness.agent,
            nps_class: result.nps.class,
            nps_source: result.nps.source,
            nps_predicted: result.nps_predicted,
            pii_count: result.pii.length,
            csat_predicted: result.csat_predicted,
            survey_nps: surveyAnswer(item.interaction.survey?.nps, 0, 10),
            survey_csat: surveyAnswer(item.interaction.survey?.csat, 1, 5),
            checks: JSON.stringify(result.checks),
            facts: JSON.stringify(result.facts),
            turns: JSON.stringify(turns),
        },
        flags: result.flags.map((f, idx) => ({
            ...base,
            idx,
            check_name: f.check,
            severity: f.severity,
            turn: f.turn,
            span_start: f.start,
            span_end: f.end,
            evidence: f.text,
            reason: f.reason,
        })),
    };
}
/** Inserts results first and flags second, so a flag never points at a result that is not there. */
export async function storeQaRows(wh, rows) {
    if (rows.length === 0)
        return;
    await wh.insert('qa_results', rows.map((r) => r.result));
    const flags = rows.flatMap((r) => r.flags);
    if (flags.length)
        await wh.insert('qa_flags', flags);
}
/** What the live metrics engine applies (today's QA average, share flagged, sentiment per queue). */
export function liveInput(row) {
    const input = {
        tenant: row.tenant,
        interaction_id: row.interaction_id,
        ts: row.scored_at,
        score: row.score,
        flagged: row.flagged === 1,
    };
    if (row.sentiment_customer !== null)
        input.sentiment = row.sentiment_customer;
    if (row.queue)
        input.queue = row.queue;
    if (row.agent_id)
        input.agent_id = row.agent_id;
    return input;
}
/** A wallboard alert for the result's severe flags, or null. One id per interaction: a rescoring refreshes it. */
export function severeAlert(row, flags, policy = {}, ttlMs = 15 * 60_000) {
    const from = SEVERITY_RANK[policy.alertFrom ?? 'critical'];
    const severe = flags.filter((f) => SEVERITY_RANK[f.severity] >= from);
    if (severe.length === 0)
        return null;
    const checks = [...new Set(severe.map((f) => f.check_name))].join(', ');
    const who = [row.agent_id && `agent ${row.agent_id}`, row.queue && `queue ${row.queue}`].filter(Boolean).join(', ');
    return {
        tenant: row.tenant,
        id: `qa:${row.interaction_id}`,
        severity: 'critical',
        text: `QA: ${checks} in ${row.interaction_id}${who ? ` (${who})` : ''}`,
        ts: row.scored_at,
        source: 'qa',
        ttl_ms: ttlMs,
    };
}
//# sourceMappingURL=store.js.map