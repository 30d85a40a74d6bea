function presenceAfter(e) {
    switch (e.type) {
        case 'agent.login':
        case 'agent.ready':
            return { state: 'ready' };
        case 'agent.not_ready':
            return { state: 'not_ready', reason: e.reason };
        case 'agent.wrap_up':
            return { state: 'wrap_up' };
        case 'agent.logout':
            return { state: 'offline' };
    }
    return undefined;
}
/** Spans in time order; adjacent spans always differ in state or reason. */
export function deriveTimeline(events, segments) {
    const points = events.map((event) => ({ ts: event.ts, event }));
    for (const s of segments) {
        points.push({ ts: s.start, active: 1 });
        if (s.end !== null)
            points.push({ ts: s.end, active: -1 });
    }
    // Same instant: the contact ends before the next begins; agent events apply in their own order.
    points.sort((a, b) => a.ts - b.ts || (a.active ?? 0) - (b.active ?? 0));
    const spans = [];
    let presence;
    let active = 0;
    for (let i = 0; i < points.length; i++) {
        const p = points[i];
        if (p.event) {
            const next = presenceAfter(p.event);
            // The first thing seen is not a login: assume the agent was logged in already.
            presence = next ?? presence ?? { state: 'ready' };
        }
        else {
            active += p.active ?? 0;
            presence ??= { state: 'ready' };
        }
        if (i + 1 < points.length && points[i + 1].ts === p.ts)
            continue;
        const state = presence.state === 'offline' ? 'offline' : active > 0 ? 'on_contact' : presence.state;
        const reason = state === 'not_ready' ? presence.reason : undefined;
        const last = spans.at(-1);
        if (last && last.state === state && last.reason === reason)
            continue;
        if (last)
            last.end = p.ts;
        spans.push(reason === undefined ? { start: p.ts, end: null, state } : { start: p.ts, end: null, state, reason });
    }
    return spans;
}
/** Time in each bucket of occupancy within [from, to). */
export function occupancyIn(spans, from, to, into) {
    for (const s of spans) {
        const a = Math.max(s.start, from);
        const b = Math.min(s.end ?? to, to);
        if (b <= a)
            continue;
        if (s.state === 'on_contact' || s.state === 'wrap_up')
            into.busyMs += b - a;
        else if (s.state === 'ready')
            into.readyMs += b - a;
    }
}
/** The span holding `ts` (the last one when `ts` is past the end). */
export function spanAt(spans, ts) {
    for (let i = spans.length - 1; i >= 0; i--)
        if (spans[i].start <= ts)
            return spans[i];
    return undefined;
}
/**
 * Wrap-up time per interaction: each agent.wrap_up lasts until the agent's next
 * ready/not_ready/logout/login (an open wrap counts nothing yet). It belongs to the
 * interaction named on the event, else to the agent's contact that ended last, at
 * most `linkMs` before it (and not after it, allowing 2 s of clock skew).
 */
export function wrapLinks(events, segments, linkMs) {
    const links = new Map();
    // Walk backwards so the next non-wrap event is known in one pass.
    let endTs;
    for (let i = events.length - 1; i >= 0; i--) {
        const e = events[i];
        if (e.type !== 'agent.wrap_up') {
            endTs = e.ts;
            continue;
        }
        if (endTs === undefined)
            continue;
        const target = e.interaction_id ?? lastEndedBefore(segments, e.ts, linkMs);
        if (target !== undefined)
            links.set(target, (links.get(target) ?? 0) + (endTs - e.ts));
    }
    return links;
}
const SKEW_MS = 2000;
function lastEndedBefore(segments, ts, linkMs) {
    let best;
    let bestEnd = -Infinity;
    for (const [iid, list] of segments) {
        for (const s of list) {
            if (s.end !== null && s.end <= ts + SKEW_MS && s.end >= ts - linkMs && s.end > bestEnd) {
                best = iid;
                bestEnd = s.end;
            }
        }
    }
    return best;
}
//# sourceMappingURL=agent.js.map