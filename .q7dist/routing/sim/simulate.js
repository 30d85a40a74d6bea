/**
 * Discrete-event simulation of a contact centre day driven by the real routing
 * engine. Time is integer ms; the event heap orders by (time, insertion), so a
 * seed gives the same run every time. Arrivals, customer attributes, handle
 * times and patience come from per-stream random streams that do not depend on
 * routing, so every policy is compared on exactly the same customers. With a
 * `concurrency_slowdown`, an agent's contacts go slower the more she holds, and
 * their Finish events are rescheduled whenever her load changes.
 */
import { RoutingEngine } from '../engine.js';
import { Random, TimeHeap } from '../../kits/sim/index.js';
import { resolveQueuePolicy } from '../config.js';
import { Measures } from './measures.js';
const H = 3_600_000;
/** Named policy sets for --policies; anything else is a `+`-joined list of policy names. */
export const POLICY_PRESETS = {
    fcfs: [],
    skills: ['priority', 'skills'],
    smart: ['priority', 'skills', 'vip', 'tags', 'affinity', 'rating', 'fairness', 'overflow', 'callback'],
};
/** The scenario's routing config with every queue switched to one policy set. */
export function withPolicies(cfg, policies) {
    return {
        ...cfg,
        defaults: { ...cfg.defaults, policies },
        queues: Object.fromEntries(Object.entries(cfg.queues).map(([q, p]) => [q, { ...p, policies }])),
    };
}
function draw(rng, d) {
    if (d.dist === 'fixed')
        return d.mean_s;
    if (d.dist === 'exponential')
        return rng.exponential(d.mean_s);
    return rng.lognormalMeanSd(d.mean_s, d.sd_s);
}
/** Builds every agent of the scenario from one random stream, identical for every policy. */
function buildAgents(sc, seed) {
    const rng = Random.stream(seed, 1_000_001);
    const out = [];
    const end = sc.duration_h + (sc.drain_h ?? 2);
    sc.agents.forEach((g) => {
        for (let i = 0; i < g.count; i++) {
            const skills = {};
            for (const [s, v] of Object.entries(g.skills))
                skills[s] = Array.isArray(v) ? rng.int(v[0], v[1]) : v;
            const tags = (g.tags ?? []).map((t) => (Array.isArray(t) ? t[rng.int(0, t.length - 1)] : t));
            const csat = Array.isArray(g.csat) ? g.csat[0] + rng.uniform() * (g.csat[1] - g.csat[0]) : (g.csat ?? 4);
            out.push({
                profile: {
                    id: `${g.name}-${i + 1}`,
                    skills,
                    tags,
                    groups: g.groups,
                    capacity: g.capacity ?? { voice: 1 },
                    csat,
                },
                shiftStart: Math.round((g.shift?.start_h ?? 0) * H),
                shiftEnd: Math.round(Math.min(g.shift?.end_h ?? end, end) * H),
                onShift: false,
                load: 0,
                busySince: 0,
                held: [],
            });
        }
    });
    return out;
}
/**
 * Next arrival after `t` (s) of a Poisson process whose rate is constant within each hour: exact, because the
 * exponential is memoryless at the hour boundaries.
 */
function nextArrivalS(st, rng, t, endS) {
    while (t < endS) {
        const hour = Math.floor(t / 3600);
        const rate = (st.rate_per_h * (st.profile ? st.profile[hour % 24] : 1)) / 3600;
        const boundary = (hour + 1) * 3600;
        if (rate > 0) {
            const next = t + rng.exponential(1 / rate);
            if (next < boundary)
                return next < endS ? next : undefined;
        }
        t = boundary;
    }
    return undefined;
}
/**
 * Proxy for the customer's satisfaction (1-5) with one answered contact, used only to compare policies:
 * the agent's CSAT, +0.2 per proficiency level above 3, +0.3 when served by the last agent, ±0.2 for tag
 * coverage, −0.5 per 2 minutes waited (at most −1), and for at-risk customers −1 softened by 0.6 per CSAT
 * point of the agent above 3.5.
 */
export function csatProxy(x) {
    let v = x.agentCsat + 0.2 * (x.proficiency - 3) + (x.lastAgent ? 0.3 : 0) - 0.5 * Math.min(x.waitS / 120, 2);
    if (x.tagCoverage !== undefined)
        v += 0.4 * (x.tagCoverage - 0.5);
    if (x.atRisk)
        v += -1 + 0.6 * (x.agentCsat - 3.5);
    return Math.min(5, Math.max(1, v));
}
export function simulate(sc, run, seed = sc.seed ?? 1) {
    const started = performance.now();
    const cfg = withPolicies(sc.routing, run.policies);
    const engine = new RoutingEngine(cfg);
    const heap = new TimeHeap();
    const push = (at, kind, ref) => heap.push(at, { at, kind, ref });
    const warmup = Math.round((sc.warmup_h ?? 0) * H);
    const arrivalsEnd = Math.round(sc.duration_h * H);
    const simEnd = arrivalsEnd + Math.round((sc.drain_h ?? 2) * H);
    const measures = new Measures(run, warmup, arrivalsEnd);
    const effect = sc.proficiency_effect ?? 0.05;
    const slowdown = sc.concurrency_slowdown ?? 0;
    /** Solo-speed work done by each of an agent's contacts since their last update, at her current load. */
    const progress = (a, now) => {
        const speed = 1 / (1 + slowdown * (a.load - 1));
        for (const h of a.held) {
            h.workMs -= (now - h.since) * speed;
            h.since = now;
        }
    };
    /** New Finish events for all of an agent's contacts after her load changed. */
    const reschedule = (a, now) => {
        const speed = 1 / (1 + slowdown * (a.load - 1));
        for (const h of a.held) {
            h.finishAt = now + Math.max(0, Math.round(h.workMs / speed));
            push(h.finishAt, 2 /* Kind.Finish */, h.input.id);
        }
    };
    const queuePolicy = new Map(sc.streams.map((s) => [s.queue, resolveQueuePolicy(cfg, s.queue)]));
    const agents = buildAgents(sc, seed);
    const agentIndex = new Map(agents.map((a) => [a.profile.id, a]));
    agents.forEach((a, i) => {
        push(a.shiftStart, 3 /* Kind.ShiftStart */, i);
        push(a.shiftEnd, 4 /* Kind.ShiftEnd */, i);
    });
    const arrivalRng = sc.streams.map((_, i) => Random.stream(seed, 2 * i));
    const attrRng = sc.streams.map((_, i) => Random.stream(seed, 2 * i + 1));
    const callbackRng = Random.stream(seed, 1_000_002);
    sc.streams.forEach((st, i) => {
        const t = nextArrivalS(st, arrivalRng[i], 0, sc.duration_h * 3600);
        if (t !== undefined)
            push(Math.round(t * 1000), 0 /* Kind.Arrival */, i);
    });
    const contacts = new Map();
    const customers = new Map();
    const population = sc.population ?? 5000;
    const recent = [];
    let nextCustomer = 0, nextContact = 0;
    let tickAt = Infinity;
    const makeContact = (i, at) => {
        const st = sc.streams[i], rng = attrRng[i];
        // Every draw happens whether or not it is used, so streams stay aligned across policies.
        const language = st.language ? rng.weightedKey(st.language) : undefined;
        const tags = (st.tags ?? []).map((g) => rng.weightedKey(g)).filter((t) => t !== undefined);
        const vip = Number(st.vip ? (rng.weightedKey(st.vip) ?? 0) : 0);
        const returning = rng.uniform() < (st.returning ?? 0) && recent.length > 0;
        const who = recent[Math.floor(rng.uniform() * recent.length)];
        const atRisk = rng.uniform() < (st.at_risk ?? 0);
        const baseHandleS = draw(rng, st.handle);
        const patienceS = st.patience ? draw(rng, st.patience) : Infinity;
        const slot = Math.floor(rng.uniform() * population);
        let customerId;
        if (returning)
            customerId = who;
        else {
            customerId = nextCustomer++;
            if (recent.length < population)
                recent.push(customerId);
            else
                recent[slot] = customerId;
            customers.set(customerId, { ratings: [] });
        }
        const cust = customers.get(customerId);
        const input = {
            id: `c${nextContact++}`,
            queue: st.queue,
            channel: st.channel ?? 'voice',
            arrivedAt: at,
            language,
            tags,
            vip,
            customerId: String(customerId),
            history: {
                lastAgentId: cust.lastAgentId,
                lastContactAt: cust.lastContactAt,
                ratings: cust.ratings,
                sentiment: atRisk ? -0.6 : 0.2,
            },
        };
        const last = cust.lastAgentId === undefined ? undefined : agentIndex.get(cust.lastAgentId);
        if (patienceS !== Infinity)
            push(at + Math.round(patienceS * 1000), 1 /* Kind.Patience */, input.id);
        return { input, stream: i, baseHandleS, state: 'waiting', lastAgentOnShift: last?.onShift ?? false, atRisk };
    };
    const handleDecisions = (ds) => {
        for (const d of ds) {
            measures.decision(d);
            if (d.kind === 'assign') {
                const c = contacts.get(d.contactId);
                const a = agentIndex.get(d.agentId);
                const floor = Object.keys(queuePolicy.get(c.input.queue).skills);
                const proficiency = floor.reduce((s, k) => s + (a.profile.skills[k] ?? 1), 0) / Math.max(1, floor.length);
                const handleMs = Math.max(1, Math.round(c.baseHandleS * (1 + effect * (3 - proficiency)) * 1000));
                c.state = 'served';
                engine.answered(c.input.id, d.at);
                if (slowdown > 0) {
                    progress(a, d.at);
                    c.workMs = handleMs;
                    c.since = d.at;
                    a.held.push(c);
                }
                if (a.load++ === 0)
                    a.busySince = d.at;
                if (slowdown > 0)
                    reschedule(a, d.at);
                else
                    push((c.finishAt = d.at + handleMs), 2 /* Kind.Finish */, d.contactId);
                const agentTags = new Set(a.profile.tags);
                const tags = c.input.tags ?? [];
                const proxy = csatProxy({
                    agentCsat: a.profile.csat ?? 3,
                    proficiency,
                    lastAgent: c.input.history?.lastAgentId === d.agentId,
                    tagCoverage: tags.length ? tags.filter((t) => agentTags.has(t)).length / tags.length : undefined,
                    waitS: (d.at - c.input.arrivedAt) / 1000,
                    atRisk: c.atRisk,
                });
                measures.answered(c.input, queuePolicy.get(c.input.queue), d.at, d.agentId, c.lastAgentOnShift, proxy);
                customers.get(Number(c.input.customerId)).ratings = [
                    ...(c.input.history?.ratings ?? []),
                    Math.round(proxy),
                ].slice(-3);
            }
            else if (d.kind === 'callback_offer') {
                const c = contacts.get(d.contactId);
                if (callbackRng.uniform() < (sc.callback_accept ?? 0.5) && c.state === 'waiting') {
                    c.state = 'gone';
                    contacts.delete(c.input.id);
                    engine.abandon(c.input.id, d.at);
                    measures.callback(c.input);
                }
            }
        }
    };
    for (let ev = heap.pop(); ev && ev.at <= simEnd; ev = heap.pop()) {
        const now = ev.at;
        switch (ev.kind) {
            case 0 /* Kind.Arrival */: {
                const i = ev.ref;
                const c = makeContact(i, now);
                contacts.set(c.input.id, c);
                measures.offered(c.input);
                handleDecisions(engine.offer(c.input));
                const t = nextArrivalS(sc.streams[i], arrivalRng[i], now / 1000, sc.duration_h * 3600);
                if (t !== undefined)
                    push(Math.max(now, Math.round(t * 1000)), 0 /* Kind.Arrival */, i);
                break;
            }
            case 1 /* Kind.Patience */: {
                const c = contacts.get(ev.ref);
                if (c?.state === 'waiting') {
                    c.state = 'gone';
                    contacts.delete(c.input.id);
                    handleDecisions(engine.abandon(c.input.id, now));
                    measures.abandoned(c.input);
                }
                break;
            }
            case 2 /* Kind.Finish */: {
                const c = contacts.get(ev.ref);
                if (!c || c.finishAt !== now)
                    break; // rescheduled when its agent's load changed
                contacts.delete(c.input.id);
                const agentId = engine.lastDecision(c.input.id).agentId;
                const a = agentIndex.get(agentId);
                if (slowdown > 0) {
                    progress(a, now);
                    a.held.splice(a.held.indexOf(c), 1);
                }
                if (--a.load === 0)
                    measures.busy(a.busySince, now);
                if (slowdown > 0)
                    reschedule(a, now);
                const cust = customers.get(Number(c.input.customerId));
                cust.lastAgentId = agentId;
                cust.lastContactAt = now;
                handleDecisions(engine.complete(c.input.id, now));
                break;
            }
            case 3 /* Kind.ShiftStart */: {
                const a = agents[ev.ref];
                a.onShift = true;
                handleDecisions(engine.agentState({ agentId: a.profile.id, at: now, state: 'ready', profile: a.profile }));
                break;
            }
            case 4 /* Kind.ShiftEnd */: {
                const a = agents[ev.ref];
                a.onShift = false;
                measures.staffed(a.shiftStart, now);
                handleDecisions(engine.agentState({ agentId: a.profile.id, at: now, state: 'logged_out' }));
                break;
            }
            case 5 /* Kind.Tick */:
                if (now === tickAt)
                    tickAt = Infinity;
                handleDecisions(engine.tick(now));
                break;
        }
        const due = engine.nextDueAt();
        if (due !== undefined && due < tickAt) {
            tickAt = Math.max(due, now);
            push(tickAt, 5 /* Kind.Tick */, 0);
        }
    }
    for (const a of agents)
        if (a.load > 0)
            measures.busy(a.busySince, simEnd);
    for (const c of contacts.values())
        if (c.state === 'waiting')
            measures.unserved(c.input);
    return measures.result(performance.now() - started);
}
//# sourceMappingURL=simulate.js.map