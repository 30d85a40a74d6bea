import { Random } from '../../../kits/sim/index.js';
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周'];
const GIVEN = ['伟', '娜', '敏', '洋', '静', '晓明'];
/** English names as long as real ones get, so the board's fitting is tried. */
const ENGLISH = ['Christopher Montgomery', 'Alexandra Whitfield', 'Emily Johnson', 'Wei Zhang'];
/** The demo's agents by name: 王伟, 李娜 …, every seventh an English name. Drawn from the index, not the seed. */
export const demoAgentName = (i) => i % 7 === 3 ? ENGLISH[((i / 7) % ENGLISH.length) | 0] : SURNAMES[i % 10] + GIVEN[Math.floor(i / 10) % GIVEN.length];
export function demoDay(now, dayStart, seed = 7, tenant = 'demo') {
    const rng = Random.xorshift32(seed);
    const rand = () => rng.next();
    const pick = (xs) => rng.pick(xs);
    const between = (a, b) => rng.uniform(a, b);
    const events = [];
    let n = 0;
    const add = (type, ts, extra = {}) => {
        if (ts > now)
            return;
        events.push({
            v: 1,
            event_id: `d${++n}`,
            tenant,
            channel: 'voice',
            received_at: ts,
            payload: {},
            ...extra,
            type,
            ts: Math.round(ts),
        });
    };
    const S = 1000;
    const open = dayStart + 8 * 3600 * S;
    const voiceQueues = ['repair', 'billing', 'repair', 'vip'];
    const teams = ['blue', 'green', 'orange'];
    // Voice agents: ready → call (after a queue wait) → talk (maybe hold) → wrap → ready, with breaks.
    for (let i = 0; i < 34; i++) {
        const agent = `A${String(101 + i)}`;
        const team = teams[i % 3];
        const site = i % 4 === 0 ? 'beijing' : 'shanghai';
        const base = { agent_id: agent, agent_name: demoAgentName(i), team, site, channel: 'voice' };
        let t = open + between(0, 20 * 60) * S;
        add('agent.login', t, { ...base, skills: [voiceQueues[i % 4], 'repair'] });
        let call = 0;
        while (t < now) {
            t += between(5, 90) * S;
            if (rand() < 0.07) {
                add('agent.not_ready', t, { ...base, payload: { reason: pick(['break', 'lunch', 'training', 'meeting']) } });
                t += between(4, 25) * 60 * S;
                add('agent.ready', t, base);
                continue;
            }
            const id = `${agent}-c${++call}`;
            const queue = voiceQueues[(i + call) % 4];
            const hour = (t - dayStart) / 3600_000;
            // Busier late morning: waits grow, and the SL dips.
            const wait = (hour > 10 && hour < 11.5 ? between(5, 70) : between(1, 28)) * S;
            const q = { interaction_id: id, queue, channel: 'voice' };
            add('voice.offered', t - wait - 8 * S, q);
            add('voice.queued', t - wait, q);
            add('voice.answered', t, { ...q, agent_id: agent, team, site });
            const talk = between(90, 420) * S;
            if (rand() < 0.3) {
                add('voice.hold', t + talk * 0.4, q);
                add('voice.unhold', t + talk * 0.4 + between(15, 60) * S, q);
            }
            t += talk;
            add('voice.ended', t, { ...q, payload: { ended_by: pick(['customer', 'agent']) } });
            add('agent.wrap_up', t, { ...base, interaction_id: id });
            t += between(15, 75) * S;
            add('agent.ready', t, base);
            if (rand() < 0.25)
                add('survey.nps', t + 60 * S, {
                    interaction_id: id,
                    queue,
                    payload: { score: pick([10, 10, 9, 9, 9, 8, 7, 6, 3]) },
                });
            if (rand() < 0.2)
                add('survey.csat', t + 60 * S, { interaction_id: id, queue, payload: { score: pick([5, 5, 4, 4, 4, 3, 2]) } });
        }
    }
    // Chat agents: up to three chats at once.
    for (let i = 0; i < 8; i++) {
        const agent = `C${201 + i}`;
        const base = {
            agent_id: agent,
            agent_name: demoAgentName(34 + i),
            team: 'chat',
            site: 'shanghai',
            channel: 'webchat',
        };
        add('agent.login', open, { ...base, skills: ['sales'] });
        for (let slot = 0; slot < 3; slot++) {
            let t = open + between(0, 30) * 60 * S;
            let k = 0;
            while (t < now) {
                const id = `${agent}-${slot}-${++k}`;
                const c = { interaction_id: id, queue: 'sales', channel: 'webchat' };
                const wait = between(5, 80) * S;
                add('chat.started', t - wait, c);
                add('chat.message', t, {
                    ...c,
                    agent_id: agent,
                    team: 'chat',
                    site: 'shanghai',
                    payload: { role: 'agent', text: '您好' },
                });
                t += between(4, 14) * 60 * S;
                add('chat.ended', t, { ...c, payload: { ended_by: 'customer' } });
                t += between(1, 6) * 60 * S;
            }
        }
    }
    // Callers who gave up, and callers waiting now.
    for (let t = open; t < now; t += between(2, 6) * 60 * S) {
        const id = `ab-${Math.round(t)}`;
        const q = { interaction_id: id, queue: pick(voiceQueues), channel: 'voice' };
        add('voice.offered', t, q);
        add('voice.queued', t + 6 * S, q);
        add('voice.abandoned', t + 6 * S + between(2, 120) * S, { ...q, payload: { stage: 'queue' } });
    }
    for (let k = 0; k < 7; k++) {
        const q = { interaction_id: `wait-${k}`, queue: pick(voiceQueues), channel: 'voice' };
        add('voice.offered', now - between(5, 150) * S, q);
    }
    // Email and web-form tickets since the morning: most resolved (some late), the rest open, a few past their target.
    for (let t = open - 2 * 3600 * S, k = 0; t < now; t += between(3, 9) * 60 * S, k++) {
        const channel = k % 3 === 0 ? 'ticket' : 'email';
        const tk = { interaction_id: `tk-${k}`, queue: channel === 'email' ? 'mail' : 'forms', channel };
        const priority = pick(['low', 'normal', 'normal', 'high', 'urgent']);
        add('ticket.created', t, { ...tk, payload: { subject: '咨询', priority } });
        if (rand() < 0.75)
            add('ticket.resolved', t + between(0.3, 6) * 3600 * S, { ...tk, team: pick(['mail', 'blue']), payload: {} });
    }
    return events;
}
//# sourceMappingURL=demo-day.js.map