const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
export function slim(e) {
    const p = e.payload ?? {};
    const s = { event_id: e.event_id, ts: e.ts, type: e.type, channel: e.channel };
    if (e.agent_id)
        s.agent_id = e.agent_id;
    if (e.interaction_id)
        s.interaction_id = e.interaction_id;
    if (e.queue)
        s.queue = e.queue;
    if (e.team)
        s.team = e.team;
    if (e.site)
        s.site = e.site;
    if (e.skills?.length)
        s.skills = e.skills;
    if (e.agent_name)
        s.agent_name = e.agent_name;
    if (e.type === 'chat.message')
        s.role = str(p.role);
    else if (e.type === 'voice.transfer')
        s.to_queue = str(p.to_queue);
    else if (e.type === 'agent.not_ready')
        s.reason = str(p.reason) ?? 'unknown';
    else if (e.type === 'chat.transferred_to_agent')
        s.from_bot = p.from_bot === true;
    else if (e.type === 'ticket.created')
        s.priority = str(p.priority);
    else if (e.type === 'survey.nps' || e.type === 'survey.csat')
        s.score = typeof p.score === 'number' ? p.score : undefined;
    return s;
}
/** Same-millisecond events sort in the order they happen in a contact's life. */
const RANK = {
    'voice.offered': 0,
    'chat.started': 0,
    'ticket.created': 0,
    'voice.ivr': 1,
    'voice.queued': 2,
    'chat.transferred_to_agent': 3,
    'voice.answered': 4,
    'agent.login': 0,
    'voice.hold': 6,
    'voice.unhold': 7,
    'voice.transfer': 8,
    'voice.abandoned': 9,
    'voice.ended': 10,
    'chat.ended': 10,
    'agent.wrap_up': 11,
    'agent.logout': 12,
};
export function byTime(a, b) {
    return (a.ts - b.ts ||
        (RANK[a.type] ?? 5) - (RANK[b.type] ?? 5) ||
        (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0));
}
/**
 * Inserts `e` after the events that sort before or with it; events mostly arrive in order, so appending needs no
 * search.
 */
export function insertSorted(list, e) {
    if (list.length === 0 || byTime(list[list.length - 1], e) <= 0) {
        list.push(e);
        return;
    }
    // Binary search for the first event sorting after `e` (the last one does).
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (byTime(list[mid], e) > 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    list.splice(lo, 0, e);
}
//# sourceMappingURL=slim.js.map