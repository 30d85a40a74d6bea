const SPEAKERS = new Set(['customer', 'agent', 'bot']);
const END_TYPES = new Set(['chat.ended', 'ticket.resolved', 'voice.ended']);
function parsePayload(text) {
    try {
        const value = JSON.parse(text);
        return value && typeof value === 'object' ? value : {};
    }
    catch {
        return {};
    }
}
/** A message or public comment as a turn; system messages and internal notes are not part of the conversation. */
function turnOf(row, payload) {
    if (row.type !== 'chat.message' && row.type !== 'ticket.comment')
        return null;
    if (row.type === 'ticket.comment' && payload.public === false)
        return null;
    const role = String(payload.role ?? '');
    const text = typeof payload.text === 'string' ? payload.text : '';
    if (!SPEAKERS.has(role) || !text.trim())
        return null;
    return { role: role, text, ts: row.ts };
}
/**
 * Builds one interaction from its events (any order). The queue and agent are the last non-empty ones
 * (after a transfer, the agent who finished it answers for it).
 */
export function buildInteraction(tenant, rows) {
    if (rows.length === 0)
        return null;
    const sorted = [...rows].sort((a, b) => a.ts - b.ts || a.received_at - b.received_at || a.event_id.localeCompare(b.event_id));
    const turns = [];
    const survey = {};
    let customerName = '';
    let queue = '';
    let agent = '';
    let channel = '';
    let endedAt;
    for (const row of sorted) {
        const payload = parsePayload(row.payload);
        const turn = turnOf(row, payload);
        if (turn)
            turns.push(turn);
        if (row.type === 'survey.nps' && typeof payload.score === 'number')
            survey.nps = payload.score;
        if (row.type === 'survey.csat' && typeof payload.score === 'number')
            survey.csat = payload.score;
        if (END_TYPES.has(row.type))
            endedAt = Math.max(endedAt ?? 0, row.ts);
        if (row.customer_name)
            customerName = row.customer_name;
        if (row.queue)
            queue = row.queue;
        if (row.agent_id)
            agent = row.agent_id;
        if (!channel && row.channel)
            channel = row.channel;
    }
    const interaction = { interaction_id: sorted[0].interaction_id, channel, turns };
    if (customerName)
        interaction.customer_name = customerName;
    if (survey.nps !== undefined || survey.csat !== undefined)
        interaction.survey = survey;
    return { tenant, interaction, queue, agent_id: agent, ended_at: endedAt ?? sorted[sorted.length - 1].ts };
}
/** Groups rows by interaction id, keeping each group's order. */
export function groupByInteraction(rows) {
    const groups = new Map();
    for (const row of rows) {
        const list = groups.get(row.interaction_id);
        if (list)
            list.push(row);
        else
            groups.set(row.interaction_id, [row]);
    }
    return groups;
}
/**
 * Whether an interaction's events are all in ClickHouse. The end event arrives on the stream after the
 * messages, but the sink writes in batches (every flushMs), so the end can be in the stream before the last
 * messages are in the table, and messages posted in the same request may trail it by a batch. Ready once
 * the end event itself is stored and `settleMs` have passed since ingest accepted it; otherwise wait.
 */
export function readiness(rows, endEventId, now, settleMs) {
    const end = rows.find((r) => r.event_id === endEventId);
    if (!end)
        return { ready: false, waitMs: settleMs };
    const age = now - end.received_at;
    return age >= settleMs ? { ready: true } : { ready: false, waitMs: Math.max(50, settleMs - age) };
}
//# sourceMappingURL=turns.js.map