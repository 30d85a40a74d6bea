import { resolveQueuePolicy } from './config.js';
import { TimeHeap } from '../kits/sim/index.js';
import { addLoad, applyProfile, availableIn, canTake, isAtRisk, isMember, join, makeAgent, makeQueue, refreshAvailability, unindexAgent, waitingIn, } from './records.js';
import { AFFINITY, PART_COUNT, contactParts, expansionStep, heldForLastAgent, pairParts, partsObject, round3, } from './scoring.js';
import { SCORE_PARTS, } from './types.js';
/** Running best and runner-up of one selection, without allocation per candidate. */
class Podium {
    bestParts = new Float64Array(PART_COUNT);
    runnerParts = new Float64Array(PART_COUNT);
    best;
    runner;
    count = 0;
    reset() {
        this.best = this.runner = undefined;
        this.count = 0;
    }
    /** `order` breaks ties: lower wins (idle-since for agents, arrival for contacts), then the id. */
    offer(id, total, order, parts, agent, contact, serving) {
        this.count++;
        const b = this.best;
        if (b && b.id === id) {
            // The same contact through a second of the agent's queues: keep its better pairing, never as its own runner-up.
            if (total > b.total) {
                this.best = { id, total, order, agent, contact, serving };
                this.bestParts.set(parts);
            }
        }
        else if (!b || beats(total, order, id, b.total, b.order, b.id)) {
            if (b) {
                this.runner = { id: b.id, total: b.total, order: b.order };
                this.runnerParts.set(this.bestParts);
            }
            this.best = { id, total, order, agent, contact, serving };
            this.bestParts.set(parts);
        }
        else if (!this.runner || beats(total, order, id, this.runner.total, this.runner.order, this.runner.id)) {
            this.runner = { id, total, order };
            this.runnerParts.set(parts);
        }
    }
}
function beats(total, order, id, total2, order2, id2) {
    if (total !== total2)
        return total > total2;
    if (order !== order2)
        return order < order2;
    return id < id2;
}
export class RoutingEngine {
    config;
    exclusive = new Set();
    queues = new Map();
    agents = new Map();
    contacts = new Map();
    /** Exponentially weighted handle time per queue, s: feeds the predicted wait for callback offers. */
    aht = new Map();
    timers = new TimeHeap();
    seq = 0;
    /** Bumped whenever an agent logs in or out or changes profile: invalidates the per-queue seat counts. */
    staffing = 0;
    seats = new Map();
    scratch = new Float64Array(PART_COUNT);
    podium = new Podium();
    constructor(config) {
        this.config = config;
        this.applyConfig(config);
    }
    // ── inputs ────────────────────────────────────────────────────────────
    /** A contact starts waiting. A known id is ignored, so replays cannot assign twice. */
    offer(input) {
        const out = [];
        if (this.contacts.has(input.id))
            return this.ignored(out, input.arrivedAt, input.id, 'duplicate offer: contact already known');
        const home = this.queue(input.queue);
        const c = {
            id: input.id,
            input,
            home,
            serving: [{ queue: home, since: input.arrivedAt }],
            overflowNext: 0,
            state: 'waiting',
            tags: input.tags ?? [],
            extraSkills: this.extraSkills(input),
            atRisk: isAtRisk(input, home.policy),
            vipTier: input.vip ?? 0,
            callbackOffered: false,
            timerGen: 0,
        };
        this.contacts.set(c.id, c);
        waitingIn(home, input.channel).add(c);
        this.assignContact(c, input.arrivedAt, 'contact_offered', out);
        if (c.state === 'waiting') {
            this.offerCallback(c, input.arrivedAt, out);
            this.schedule(c, input.arrivedAt);
        }
        return out;
    }
    /** An agent logs in, changes state or profile. A first sighting must carry the profile. */
    agentState(change) {
        const out = [];
        const { at } = change;
        let a = this.agents.get(change.agentId);
        if (!a) {
            if (!change.profile)
                return this.ignored(out, at, change.agentId, 'unknown agent: the first state change must carry a profile');
            a = makeAgent(change.profile, this.exclusive, at);
            this.agents.set(a.id, a);
            this.indexAgent(a);
        }
        else if (change.profile) {
            applyProfile(a, change.profile, this.exclusive);
            this.indexAgent(a);
        }
        const wasReady = a.state === 'ready';
        if (change.profile || (a.state === 'logged_out') !== (change.state === 'logged_out'))
            this.staffing++;
        a.state = change.state;
        refreshAvailability(a, this.exclusive);
        if (change.state !== 'ready') {
            for (const c of [...a.held.values()])
                if (c.state === 'ringing')
                    this.requeue(c, at, `agent went ${change.state} before answering`, out);
        }
        else {
            if (!wasReady && a.totalLoad === 0)
                a.idleSince = at;
            this.assignAgent(a, at, 'agent_available', out);
        }
        return out;
    }
    /** The agent answered: the contact is no longer requeued if she goes not-ready. */
    answered(contactId, at) {
        const c = this.contacts.get(contactId);
        if (!c || c.state !== 'ringing')
            return this.ignored([], at, contactId, 'answered: contact is not ringing');
        c.state = 'connected';
        c.connectedAt = at;
        return [];
    }
    /** The customer left. A waiting contact leaves the queue; a ringing one frees its agent. */
    abandon(contactId, at) {
        const out = [];
        const c = this.contacts.get(contactId);
        if (!c)
            return this.ignored(out, at, contactId, 'abandon: unknown contact');
        this.contacts.delete(contactId);
        c.timerGen++; // its pending timers are void
        if (c.state === 'waiting')
            this.leaveQueues(c);
        else
            this.release(c, at, out);
        return out;
    }
    /**
     * The contact ended. `rating` (1-5) updates the agent's recent CSAT; `wrapUp` puts her in wrap-up so she gets
     * nothing new until her next `ready`.
     */
    complete(contactId, at, opts = {}) {
        const out = [];
        const c = this.contacts.get(contactId);
        if (!c || c.state === 'waiting')
            return this.ignored(out, at, contactId, 'complete: contact is not assigned');
        this.contacts.delete(contactId);
        const handleS = (at - (c.connectedAt ?? c.assignedAt ?? at)) / 1000;
        const prev = this.aht.get(c.home.name);
        this.aht.set(c.home.name, prev === undefined ? handleS : prev + 0.05 * (handleS - prev));
        const a = c.agent;
        if (opts.rating !== undefined)
            a.csat = a.csat === undefined ? opts.rating : a.csat + 0.1 * (opts.rating - a.csat);
        if (opts.wrapUp)
            a.state = 'wrap_up';
        this.release(c, at, out);
        return out;
    }
    /** Applies every timed change due by `now` (expansion, overflow, affinity timeout, reservation). */
    tick(now) {
        const out = [];
        for (let t = this.timers.peek(); t && t.at <= now; t = this.timers.peek()) {
            this.timers.pop();
            const c = t.contact;
            if (t.gen !== c.timerGen || c.state !== 'waiting')
                continue;
            this.applyOverflow(c, now, out);
            this.assignContact(c, now, 'timer', out);
            if (c.state === 'waiting')
                this.schedule(c, now);
        }
        return out;
    }
    /** When `tick` next has work, ms; undefined when no timer is pending. */
    nextDueAt() {
        for (let t = this.timers.peek(); t; t = this.timers.peek()) {
            if (t.gen === t.contact.timerGen && t.contact.state === 'waiting')
                return t.at;
            this.timers.pop();
        }
        return undefined;
    }
    /** Replaces the configuration at run time. Waiting and assigned contacts are kept; new matches are returned. */
    setConfig(config, now) {
        const out = [];
        this.config = config;
        this.applyConfig(config);
        for (const c of this.contacts.values())
            if (c.state === 'waiting')
                this.schedule(c, now);
        for (const a of this.agents.values())
            if (a.state === 'ready')
                this.assignAgent(a, now, 'config_changed', out);
        return out;
    }
    // ── queries ───────────────────────────────────────────────────────────
    /** The last decision about a contact still known to the engine: "why did this customer go to that agent?". */
    lastDecision(contactId) {
        return this.contacts.get(contactId)?.lastDecision;
    }
    stats() {
        let ready = 0, waiting = 0;
        for (const a of this.agents.values())
            if (a.state === 'ready')
                ready++;
        for (const c of this.contacts.values())
            if (c.state === 'waiting')
                waiting++;
        return {
            agents: this.agents.size,
            ready,
            waiting,
            assigned: this.contacts.size - waiting,
            queues: this.queues.size,
        };
    }
    /** Everything needed to rebuild the engine after a restart (see snapshot.ts). */
    exportState() {
        return {
            version: 1,
            seq: this.seq,
            config: this.config,
            agents: [...this.agents.values()].map((a) => ({
                profile: a.profile,
                state: a.state,
                idleSince: a.idleSince,
                csat: a.csat,
            })),
            contacts: [...this.contacts.values()].map((c) => ({
                input: c.input,
                state: c.state,
                agentId: c.agent?.id,
                assignedAt: c.assignedAt,
                connectedAt: c.connectedAt,
                serving: c.serving.map((s) => ({ queue: s.queue.name, since: s.since })),
                overflowNext: c.overflowNext,
                callbackOffered: c.callbackOffered,
            })),
            aht: Object.fromEntries(this.aht),
        };
    }
    /** Rebuilds an engine from `exportState()` without emitting decisions: assigned contacts stay with their agents. */
    static fromState(s) {
        const e = new RoutingEngine(s.config);
        e.seq = s.seq;
        for (const [q, v] of Object.entries(s.aht))
            e.aht.set(q, v);
        for (const x of s.agents) {
            const a = makeAgent(x.profile, e.exclusive, x.idleSince);
            a.state = x.state;
            a.csat = x.csat;
            e.agents.set(a.id, a);
            e.indexAgent(a);
        }
        for (const x of s.contacts) {
            const home = e.queue(x.input.queue);
            const c = {
                id: x.input.id,
                input: x.input,
                home,
                serving: x.serving.map((v) => ({ queue: e.queue(v.queue), since: v.since })),
                overflowNext: x.overflowNext,
                state: x.state,
                assignedAt: x.assignedAt,
                connectedAt: x.connectedAt,
                tags: x.input.tags ?? [],
                extraSkills: e.extraSkills(x.input),
                atRisk: isAtRisk(x.input, home.policy),
                vipTier: x.input.vip ?? 0,
                callbackOffered: x.callbackOffered,
                timerGen: 0,
            };
            e.contacts.set(c.id, c);
            const a = x.agentId === undefined ? undefined : e.agents.get(x.agentId);
            if (c.state !== 'waiting' && a) {
                c.agent = a;
                a.held.set(c.id, c);
                addLoad(a, c.input.channel, e.exclusive.has(c.input.channel), 1);
            }
            else {
                c.state = 'waiting';
                for (const v of c.serving)
                    waitingIn(v.queue, c.input.channel).add(c);
                e.schedule(c, x.input.arrivedAt);
            }
        }
        for (const a of e.agents.values())
            refreshAvailability(a, e.exclusive);
        return e;
    }
    // ── matching ──────────────────────────────────────────────────────────
    /** Finds the best available agent for a waiting contact and assigns it. */
    assignContact(c, now, trigger, out) {
        const p = this.podium;
        p.reset();
        const parts = this.scratch;
        const last = this.lastAgentOf(c);
        contactParts(c, now, parts);
        for (const s of c.serving) {
            for (const a of availableIn(s.queue, c.input.channel)) {
                if (!pairParts(c, s, a, last, now, parts))
                    continue;
                p.offer(a.id, sum(parts), a.totalLoad === 0 ? a.idleSince : Infinity, parts, a, undefined, s);
            }
        }
        if (p.best)
            this.assign(c, p.best.agent, p.best.serving, now, trigger, out);
    }
    /** Fills an agent's free capacity with the best waiting contacts of her queues. */
    assignAgent(a, now, trigger, out) {
        const p = this.podium;
        while (a.state === 'ready') {
            p.reset();
            for (const ch of Object.keys(a.capacity)) {
                if (!canTake(a, ch, this.exclusive.has(ch)))
                    continue;
                for (const q of a.queues) {
                    const waiting = q.waiting.get(ch);
                    if (waiting)
                        this.scanWaiting(a, q, waiting, now);
                }
            }
            if (!p.best)
                return;
            this.assign(p.best.contact, a, p.best.serving, now, trigger, out);
        }
    }
    /** Offers every waiting contact of one queue and channel that the agent may take to the podium. */
    scanWaiting(a, q, waiting, now) {
        const p = this.podium, parts = this.scratch;
        for (const c of waiting) {
            contactParts(c, now, parts);
            const own = parts[0] + parts[1] + parts[2] + parts[3];
            // Exact pruning: even the best possible pair score cannot beat the current winner.
            if (p.best &&
                own + q.pairMax + (c.input.history?.lastAgentId === a.id ? c.home.policy.affinity.bonus : 0) < p.best.total)
                continue;
            const s = c.serving.length === 1 ? c.serving[0] : c.serving.find((v) => v.queue === q);
            if (!pairParts(c, s, a, this.lastAgentOf(c), now, parts))
                continue;
            p.offer(c.id, sum(parts), c.input.arrivedAt, parts, undefined, c, s);
        }
    }
    assign(c, a, s, now, trigger, out) {
        const why = this.why(c, s, now, trigger === 'agent_available' || trigger === 'config_changed');
        this.leaveQueues(c);
        c.state = 'ringing';
        c.agent = a;
        c.assignedAt = now;
        a.held.set(c.id, c);
        addLoad(a, c.input.channel, this.exclusive.has(c.input.channel), 1);
        refreshAvailability(a, this.exclusive);
        const d = {
            kind: 'assign',
            seq: ++this.seq,
            at: now,
            contactId: c.id,
            agentId: a.id,
            queue: s.queue.name,
            trigger,
            why,
        };
        c.lastDecision = d;
        out.push(d);
    }
    why(c, s, now, choseContact) {
        const p = this.podium;
        const winner = { id: p.best.id, total: round3(p.best.total), parts: partsObject(p.bestParts) };
        const runnerUp = p.runner && { id: p.runner.id, total: round3(p.runner.total), parts: partsObject(p.runnerParts) };
        // A contact held for its last agent has her as the only candidate: that is affinity's doing.
        let decidedBy = p.bestParts[AFFINITY] > 0 ? 'affinity' : 'only_candidate';
        if (p.runner) {
            if (p.best.total === p.runner.total)
                decidedBy =
                    p.best.order !== p.runner.order ? (choseContact ? 'tie_break_arrival' : 'tie_break_idle') : 'tie_break_id';
            else {
                let bestDelta = -Infinity;
                for (let i = 0; i < PART_COUNT; i++) {
                    const d = p.bestParts[i] - p.runnerParts[i];
                    if (d > bestDelta) {
                        bestDelta = d;
                        decidedBy = SCORE_PARTS[i];
                    }
                }
            }
        }
        const step = expansionStep(s.queue, now - s.since);
        const minProficiency = s.queue.on.skills ? s.queue.policy.expansion[step].min_proficiency : 1;
        return {
            decidedBy,
            winner,
            runnerUp,
            candidates: p.count,
            servingQueue: s.queue.name,
            expansionStep: s.queue.on.skills ? step : 0,
            minProficiency,
        };
    }
    // ── bookkeeping ───────────────────────────────────────────────────────
    /** Frees the agent of an assigned contact (done or gone) and gives her new work. */
    release(c, at, out) {
        const a = c.agent;
        a.held.delete(c.id);
        addLoad(a, c.input.channel, this.exclusive.has(c.input.channel), -1);
        if (a.totalLoad === 0)
            a.idleSince = at;
        refreshAvailability(a, this.exclusive);
        this.assignAgent(a, at, 'agent_available', out);
    }
    requeue(c, at, reason, out) {
        const a = c.agent;
        a.held.delete(c.id);
        addLoad(a, c.input.channel, this.exclusive.has(c.input.channel), -1);
        if (a.totalLoad === 0)
            a.idleSince = at;
        refreshAvailability(a, this.exclusive);
        c.state = 'waiting';
        c.agent = c.assignedAt = undefined;
        for (const s of c.serving)
            waitingIn(s.queue, c.input.channel).add(c);
        out.push({ kind: 'requeue', seq: ++this.seq, at, contactId: c.id, agentId: a.id, reason });
        this.assignContact(c, at, 'requeue', out);
        if (c.state === 'waiting')
            this.schedule(c, at);
    }
    leaveQueues(c) {
        for (const s of c.serving)
            waitingIn(s.queue, c.input.channel).delete(c);
    }
    applyOverflow(c, now, out) {
        const home = c.home;
        if (!home.on.overflow)
            return;
        while (c.overflowNext < home.overflowMs.length && home.overflowMs[c.overflowNext] <= now - c.input.arrivedAt) {
            const to = this.queue(home.policy.overflow[c.overflowNext++].to);
            if (c.serving.some((s) => s.queue === to))
                continue;
            c.serving.push({ queue: to, since: now });
            waitingIn(to, c.input.channel).add(c);
            out.push({ kind: 'overflow', seq: ++this.seq, at: now, contactId: c.id, from: home.name, to: to.name });
        }
    }
    /** Predicted wait = position × handle time ÷ seats (agents logged in × their capacity on the channel). */
    offerCallback(c, now, out) {
        const q = c.home;
        if (!q.on.callback || c.callbackOffered)
            return;
        const seats = this.seatsOf(q, c.input.channel);
        const aht = this.aht.get(q.name) ?? q.policy.callback.default_aht_s;
        const predicted = seats === 0 ? Infinity : (waitingIn(q, c.input.channel).size * aht) / seats;
        if (predicted <= q.policy.callback.predicted_wait_s)
            return;
        c.callbackOffered = true;
        out.push({
            kind: 'callback_offer',
            seq: ++this.seq,
            at: now,
            contactId: c.id,
            queue: q.name,
            predictedWaitS: Number.isFinite(predicted) ? Math.round(predicted) : -1,
            thresholdS: q.policy.callback.predicted_wait_s,
        });
    }
    /** Seats (logged-in members × capacity) of a queue on a channel, recounted only after staffing changed. */
    seatsOf(q, channel) {
        const key = `${q.name}\u0000${channel}`;
        const cached = this.seats.get(key);
        if (cached && cached.staffing === this.staffing)
            return cached.seats;
        let seats = 0;
        for (const a of q.members)
            if (a.state !== 'logged_out')
                seats += a.capacity[channel] ?? 0;
        this.seats.set(key, { staffing: this.staffing, seats });
        return seats;
    }
    /** Sets the contact's next timer: the earliest future moment its eligibility can widen. */
    schedule(c, now) {
        let next = Infinity;
        const arrived = c.input.arrivedAt;
        const home = c.home;
        if (home.on.overflow && c.overflowNext < home.overflowMs.length)
            next = Math.min(next, arrived + home.overflowMs[c.overflowNext]);
        for (const s of c.serving) {
            const q = s.queue;
            if (q.on.skills)
                for (const ms of q.expansionMs)
                    if (s.since + ms > now) {
                        next = Math.min(next, s.since + ms);
                        break;
                    }
            if (q.on.vip && q.policy.vip.reserve_s > 0 && c.vipTier < q.policy.vip.min_tier) {
                const release = s.since + Math.round(q.policy.vip.reserve_s * 1000);
                if (release > now)
                    next = Math.min(next, release);
            }
        }
        const last = this.lastAgentOf(c);
        if (last && heldForLastAgent(c, last, now))
            next = Math.min(next, arrived + Math.round(home.policy.affinity.timeout_s * 1000));
        c.timerGen++;
        if (next !== Infinity) {
            const at = Math.max(next, now);
            this.timers.push(at, { at, contact: c, gen: c.timerGen });
        }
    }
    lastAgentOf(c) {
        if (!c.home.on.affinity)
            return undefined;
        if (c.lastAgent !== undefined)
            return c.lastAgent;
        const id = c.input.history?.lastAgentId;
        // Agent records are never dropped, so a found one can be kept on the contact.
        return id === undefined ? undefined : (c.lastAgent = this.agents.get(id));
    }
    extraSkills(input) {
        const extra = Object.entries(input.skills ?? {});
        if (input.language && this.config.require_language)
            extra.push([`lang:${input.language}`, 1]);
        return extra;
    }
    /** The queue record for a name, created with the default policy for queues the config does not list. */
    queue(name) {
        let q = this.queues.get(name);
        if (!q) {
            q = makeQueue(name, resolveQueuePolicy(this.config, name));
            this.queues.set(name, q);
            for (const a of this.agents.values()) {
                if (!isMember(a, q))
                    continue;
                q.members.push(a);
                a.queues.push(q);
                refreshAvailability(a, this.exclusive);
            }
        }
        return q;
    }
    indexAgent(a) {
        unindexAgent(a);
        for (const q of this.queues.values())
            if (isMember(a, q))
                join(a, q);
        refreshAvailability(a, this.exclusive);
    }
    /** Rebuilds queue records and the agent index from a config; contacts keep their place by queue name. */
    applyConfig(config) {
        this.staffing++;
        this.exclusive = new Set(config.exclusive_channels);
        const names = new Set([
            ...Object.keys(config.queues),
            ...[...this.contacts.values()].flatMap((c) => c.serving.map((s) => s.queue.name)),
        ]);
        this.queues.clear();
        for (const name of names)
            this.queues.set(name, makeQueue(name, resolveQueuePolicy(config, name)));
        for (const a of this.agents.values()) {
            a.queues = [];
            a.exclusiveLoad = 0;
            for (const [ch, n] of Object.entries(a.load))
                if (this.exclusive.has(ch))
                    a.exclusiveLoad += n;
            for (const q of this.queues.values())
                if (isMember(a, q))
                    join(a, q);
            refreshAvailability(a, this.exclusive);
        }
        for (const c of this.contacts.values()) {
            c.home = this.queues.get(c.home.name);
            c.atRisk = isAtRisk(c.input, c.home.policy);
            c.extraSkills = this.extraSkills(c.input);
            for (const s of c.serving) {
                s.queue = this.queues.get(s.queue.name);
                if (c.state === 'waiting')
                    waitingIn(s.queue, c.input.channel).add(c);
            }
        }
    }
    ignored(out, at, ref, reason) {
        out.push({ kind: 'ignored', seq: ++this.seq, at, ref, reason });
        return out;
    }
}
function sum(parts) {
    let s = 0;
    for (let i = 0; i < parts.length; i++)
        s += parts[i];
    return s;
}
//# sourceMappingURL=engine.js.map