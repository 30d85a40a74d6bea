/**
 * Routing engine benchmark: 2,000 agents, 50 queues, ~500 contacts waiting, every
 * policy on. Steady state of a busy centre: each step completes one contact (the
 * freed agent picks the best waiting contact: a decision), offers a new one, and
 * now and then an agent goes not-ready and back. Prints decisions per second and
 * latency percentiles of the engine calls that made a decision.
 *
 * usage: node dist/loadtest/bench-routing.js [steps=200000] [seed=1]
 */
import { emptyTenantConfig, RoutingEngine, } from '../routing/index.js';
import { Random } from '../kits/sim/index.js';
import { helpOnRequest } from './bench-util.js';
helpOnRequest('Usage: npm run bench:routing -- [steps=200000] [seed=1]\n\nRouting decisions per second and decision latency with 2,000 agents, 50 queues and ~500 waiting contacts.');
const AGENTS = 2000, QUEUES = 50, WAITING = 500;
const steps = Number(process.argv[2] ?? 200_000);
const rng = Random.stream(Number(process.argv[3] ?? 1));
const PRODUCTS = ['product:tv', 'product:phone', 'product:laptop', 'product:watch'];
const ISSUES = ['issue:repair', 'issue:billing', 'issue:setup', 'issue:return'];
const queues = {};
for (let q = 0; q < QUEUES; q++) {
    queues[`q${q}`] = {
        skills: { [`s${q}`]: 1 },
        priority: q % 5,
        expansion: [
            { after_s: 0, min_proficiency: 3 },
            { after_s: 20, min_proficiency: 1 },
        ],
        overflow: [{ after_s: 120, to: `q${(q + 1) % QUEUES}` }],
        vip: { dedicated_group: 'vip' },
    };
}
const engine = new RoutingEngine({ ...emptyTenantConfig('bench'), queues });
let now = 1_700_000_000_000;
const pick = (xs) => xs[rng.int(0, xs.length - 1)];
function agentProfile(i) {
    const skills = { 'lang:zh': 5, 'lang:en': rng.int(1, 5) };
    // 4-6 queue skills each: ~200 agents per queue, like a real skills matrix.
    for (let k = rng.int(4, 6); k > 0; k--)
        skills[`s${rng.int(0, QUEUES - 1)}`] = rng.int(1, 5);
    return {
        id: `agent-${String(i).padStart(4, '0')}`,
        skills,
        tags: [pick(PRODUCTS), pick(ISSUES)],
        groups: i % 40 === 0 ? ['vip'] : [],
        capacity: i % 3 === 0 ? { webchat: 3 } : { voice: 1 },
        csat: 3 + rng.uniform() * 2,
    };
}
let nextContact = 0;
/** A new contact; `channel` keeps the voice/chat mix of the contacts in the system constant. */
function newContact(channel = rng.uniform() < 0.3 ? 'webchat' : 'voice') {
    const vip = rng.uniform() < 0.05 ? 1 : 0;
    return {
        id: `c${nextContact++}`,
        queue: `q${rng.int(0, QUEUES - 1)}`,
        channel,
        arrivedAt: now,
        language: rng.uniform() < 0.8 ? 'zh' : 'en',
        tags: [pick(PRODUCTS), pick(ISSUES)],
        vip,
        history: rng.uniform() < 0.3
            ? {
                lastAgentId: `agent-${String(rng.int(0, AGENTS - 1)).padStart(4, '0')}`,
                ratings: [rng.int(1, 5)],
                sentiment: rng.uniform() * 2 - 1,
            }
            : undefined,
    };
}
const assigned = [];
const channelOf = new Map();
function track(ds) {
    let n = 0;
    for (const d of ds) {
        if (d.kind !== 'assign')
            continue;
        assigned.push(d.contactId);
        engine.answered(d.contactId, d.at);
        n++;
    }
    return n;
}
function offer(c) {
    channelOf.set(c.id, c.channel);
    return engine.offer(c);
}
// Fill: every agent ready, then offer until 500 contacts wait.
for (let i = 0; i < AGENTS; i++)
    track(engine.agentState({
        agentId: `agent-${String(i).padStart(4, '0')}`,
        at: now,
        state: 'ready',
        profile: agentProfile(i),
    }));
while (engine.stats().waiting < WAITING)
    track(offer(newContact()));
console.log(`setup: ${engine.stats().agents} agents, ${engine.stats().queues} queues, ${engine.stats().assigned} contacts assigned, ${engine.stats().waiting} waiting`);
const latencies = new Float64Array(steps * 3);
let latN = 0, decisions = 0, calls = 0, engineMs = 0;
function timed(fn) {
    const t0 = performance.now();
    const ds = fn();
    const dt = performance.now() - t0;
    engineMs += dt;
    calls++;
    const n = track(ds);
    if (n > 0) {
        decisions += n;
        latencies[latN++] = dt;
    }
}
// Warm the JIT, then measure.
const wall0 = performance.now();
for (let step = 0; step < steps; step++) {
    now += 5;
    const k = rng.int(0, assigned.length - 1);
    const id = assigned[k];
    assigned[k] = assigned[assigned.length - 1];
    assigned.pop();
    const channel = channelOf.get(id);
    channelOf.delete(id);
    timed(() => engine.complete(id, now));
    timed(() => offer(newContact(channel)));
    if (step % 50 === 0) {
        const agentId = `agent-${String(rng.int(0, AGENTS - 1)).padStart(4, '0')}`;
        timed(() => engine.agentState({ agentId, at: now, state: 'not_ready' }));
        timed(() => engine.agentState({ agentId, at: now + 1, state: 'ready' }));
    }
    const due = engine.nextDueAt();
    if (due !== undefined && due <= now)
        timed(() => engine.tick(now));
    if (step === Math.floor(steps / 10)) {
        latN = 0;
        decisions = 0;
        calls = 0;
        engineMs = 0;
    }
}
const wallMs = performance.now() - wall0;
const sorted = Array.from(latencies.subarray(0, latN)).sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 1000;
const s = engine.stats();
console.log(`end:   ${s.waiting} waiting, ${s.assigned} assigned; ${steps} steps in ${(wallMs / 1000).toFixed(2)} s (first 10% = warm-up, not counted)`);
console.log(`decisions: ${decisions} in ${engineMs.toFixed(0)} ms of engine time over ${calls} calls`);
console.log(`decisions/s: ${Math.round((decisions / engineMs) * 1000)}`);
console.log(`latency of calls that decided (µs): p50 ${pct(0.5).toFixed(1)}  p90 ${pct(0.9).toFixed(1)}  p99 ${pct(0.99).toFixed(1)}  max ${pct(1).toFixed(1)}`);
//# sourceMappingURL=bench-routing.js.map