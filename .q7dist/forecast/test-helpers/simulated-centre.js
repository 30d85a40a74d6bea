import { Simulation } from '../../simulator/index.js';
import { MAX_HANDLE_S } from '../aht.js';
import { toLocalMinutes } from '../../kits/time/index.js';
import { dayOf } from '../series.js';
import { TICKET_CHANNELS } from '../tickets.js';
const DAY_MS = 86_400_000;
const STEP_MIN = 15;
/** The simulator's default centre sits at UTC+8 without daylight saving. */
const TIME_ZONE = 'Asia/Shanghai';
const minOf = (a, b) => (a === undefined || b < a ? b : a);
const maxOf = (a, b) => (a === undefined || b > a ? b : a);
function fold(f, e) {
    const ts = e.ts;
    if (e.queue && ts < f.queueTs)
        [f.queue, f.queueTs] = [e.queue, ts];
    switch (e.type) {
        case 'voice.offered':
        case 'chat.started':
        case 'ticket.created':
            f.offered = minOf(f.offered, ts);
            break;
        case 'voice.queued':
        case 'chat.transferred_to_agent':
            f.queued = minOf(f.queued, ts);
            break;
        case 'voice.answered':
            f.answered = minOf(f.answered, ts);
            break;
        case 'chat.message':
            if (e.payload?.role === 'agent')
                f.answered = minOf(f.answered, ts);
            break;
        case 'voice.ended':
        case 'chat.ended':
        case 'ticket.resolved':
            f.ended = maxOf(f.ended, ts);
            break;
        case 'voice.hold':
            f.holdMs -= ts;
            break;
        case 'voice.unhold':
            f.holdMs += ts;
            break;
        case 'agent.wrap_up':
            f.wrapStart = minOf(f.wrapStart, ts);
            break;
        case 'agent.ready':
        case 'agent.not_ready':
        case 'agent.logout':
            f.wrapEnd = maxOf(f.wrapEnd, ts);
    }
}
/** Handle time in seconds as forecast_history.sql computes it; undefined when the contact was not answered. */
function handleSeconds(f) {
    if (f.answered === undefined || f.ended === undefined)
        return undefined;
    const hold = Math.max(0, f.holdMs);
    const talk = f.ended - f.answered - hold;
    const wrap = f.wrapStart !== undefined && f.wrapEnd !== undefined ? f.wrapEnd - f.wrapStart : 0;
    return Math.min(MAX_HANDLE_S, (Math.max(talk, 0) + hold + Math.max(wrap, 0)) / 1000);
}
/** Generates the history and folds it into series (16 weeks at the defaults: about 40 s on one core). */
export function simulatedCentre(opts = {}) {
    const weeks = opts.weeks ?? 16;
    const firstLocalMidnight = Date.parse(`${opts.firstMonday ?? '2024-01-01'}T00:00:00+08:00`);
    const sim = new Simulation({
        seed: opts.seed ?? 11,
        start: firstLocalMidnight,
        ratePerHour: opts.ratePerHour ?? 300,
        agents: opts.agents ?? 30,
    });
    const facts = new Map();
    let events = 0;
    const read = (batch) => {
        for (const e of batch) {
            events++;
            if (!e.interaction_id)
                continue;
            let f = facts.get(e.interaction_id);
            if (!f)
                facts.set(e.interaction_id, (f = { channel: e.channel, queueTs: Infinity, holdMs: 0 }));
            fold(f, e);
        }
    };
    const end = firstLocalMidnight + weeks * 7 * DAY_MS;
    for (let t = firstLocalMidnight + DAY_MS; t <= end; t += DAY_MS)
        read(sim.advanceTo(t));
    read(sim.drain());
    const slotOf = (ms) => {
        const local = toLocalMinutes(ms, TIME_ZONE);
        return local - (local % STEP_MIN);
    };
    const live = new Map();
    const tickets = new Map();
    for (const f of facts.values()) {
        if (!f.queue)
            continue;
        const name = { queue: f.queue, channel: f.channel };
        const key = `${f.queue}/${f.channel}`;
        if (TICKET_CHANNELS.has(f.channel)) {
            if (f.offered === undefined || f.offered >= end)
                continue;
            const s = tickets.get(key) ?? { name, created: new Map() };
            tickets.set(key, s);
            const t = slotOf(f.offered);
            s.created.set(t, (s.created.get(t) ?? 0) + 1);
            continue;
        }
        const offeredAt = f.channel === 'voice' ? (f.offered ?? f.queued) : (f.queued ?? f.offered);
        if (offeredAt === undefined || offeredAt >= end)
            continue;
        const s = live.get(key) ?? { name, offered: new Map(), handled: new Map() };
        live.set(key, s);
        const t = slotOf(offeredAt);
        s.offered.set(t, (s.offered.get(t) ?? 0) + 1);
        const seconds = handleSeconds(f);
        if (seconds === undefined)
            continue;
        const h = s.handled.get(t) ?? { t, contacts: 0, seconds: 0 };
        h.contacts++;
        h.seconds += seconds;
        s.handled.set(t, h);
    }
    const points = (m) => [...m].map(([t, count]) => ({ t, count })).sort((a, b) => a.t - b.t);
    const byName = (a, b) => a.queue.localeCompare(b.queue) || a.channel.localeCompare(b.channel);
    const firstDay = dayOf(toLocalMinutes(firstLocalMidnight, TIME_ZONE));
    return {
        timeZone: TIME_ZONE,
        days: { first: firstDay, end: firstDay + weeks * 7 },
        live: [...live.values()]
            .map((s) => ({
            ...s.name,
            offered: points(s.offered),
            handled: [...s.handled.values()].sort((a, b) => a.t - b.t),
        }))
            .sort(byName),
        tickets: [...tickets.values()].map((s) => ({ ...s.name, created: points(s.created) })).sort(byName),
        events,
    };
}
//# sourceMappingURL=simulated-centre.js.map