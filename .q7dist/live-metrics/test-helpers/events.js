/** Monday 2025-01-06 09:00:00 UTC: tests run the engine in UTC. */
export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
export const s = (seconds) => T0 + seconds * 1000;
let seq = 0;
export function ev(type, at, extra = {}) {
    const channel = extra.channel ?? (type.startsWith('chat.') ? 'webchat' : type.startsWith('ticket.') ? 'ticket' : 'voice');
    return {
        v: 1,
        event_id: `e${++seq}`,
        tenant: 'acme',
        channel,
        received_at: at,
        payload: {},
        ...extra,
        type: type,
        ts: at,
    };
}
/** A voice call: offered+queued at `start`, answered after `waitS` by `agent`, ended after `talkS` more seconds. */
export function call(id, start, waitS, talkS, opts = {}) {
    const base = { interaction_id: id, queue: opts.queue ?? 'repair' };
    const out = [ev('voice.offered', start, base), ev('voice.queued', start, base)];
    if (talkS === null)
        return out;
    const answered = start + waitS * 1000;
    out.push(ev('voice.answered', answered, { ...base, agent_id: opts.agent ?? 'a1', team: opts.team ?? 'blue' }));
    out.push(ev('voice.ended', answered + talkS * 1000, {
        ...base,
        agent_id: opts.agent ?? 'a1',
        payload: { ended_by: 'customer' },
    }));
    return out;
}
//# sourceMappingURL=events.js.map