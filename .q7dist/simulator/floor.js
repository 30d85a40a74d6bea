import { DAY, HOUR, MINUTE } from './calendar.js';
import { QUEUES, ENGLISH_SKILL, BREAK_REASONS } from './catalog.js';
import { Fifo } from './fifo.js';
const listKey = (media, queue, language) => `${media}|${queue}|${language}`;
export class Floor {
    ctx;
    strategy;
    agents;
    lists = new Map();
    waitingCount = 0;
    closed = false;
    constructor(ctx, profiles, strategy) {
        this.ctx = ctx;
        this.strategy = strategy;
        this.agents = profiles.map((profile) => ({
            profile,
            active: 0,
            idleSince: 0,
            loggedIn: false,
            ready: false,
            onBreak: null,
            pendingBreak: null,
            pendingLogout: false,
            session: 0,
            serves: QUEUES.filter((q) => profile.skills.includes(q.skill)).flatMap((q) => [
                listKey(profile.media, q.id, 'zh'),
                ...(profile.skills.includes(ENGLISH_SKILL) ? [listKey(profile.media, q.id, 'en')] : []),
            ]),
        }));
    }
    get waiting() {
        return this.waitingCount;
    }
    get loggedIn() {
        return this.agents.reduce((n, a) => n + (a.loggedIn ? 1 : 0), 0);
    }
    /** Schedules the shifts that touch the local day starting at `midnight` (and are not over yet). */
    planDay(midnight) {
        const { ctx } = this;
        const weekday = ctx.clock.weekdayOf(midnight + HOUR);
        for (const a of this.agents) {
            const { shift, daysOff } = a.profile;
            if (daysOff.includes(weekday))
                continue;
            const start = midnight + shift.start * HOUR + ctx.rng.uniform(-6, 6) * MINUTE;
            const end = midnight + (shift.start + shift.hours) * HOUR + ctx.rng.uniform(-2, 10) * MINUTE;
            if (end <= ctx.now)
                continue;
            ctx.at(Math.max(start, ctx.now + ctx.rng.uniform(0, 90_000)), () => this.login(a));
            this.planBreaks(a, start, shift.hours);
            ctx.at(end, () => this.shiftEnd(a));
        }
    }
    planBreaks(a, start, hours) {
        const { ctx } = this;
        const rng = ctx.rng;
        const plan = [
            ['break', 2 + rng.uniform(-0.3, 0.3)],
            [a.profile.shift.name === 'night' ? 'break' : 'lunch', hours / 2 - 0.5 + rng.uniform(-0.5, 0.5)],
            ['break', hours - 2 + rng.uniform(-0.3, 0.3)],
        ];
        if (rng.chance(0.15))
            plan.push([rng.chance(0.5) ? 'training' : 'meeting', rng.uniform(1, hours - 1)]);
        for (const [reason, offsetH] of plan) {
            const at = start + offsetH * HOUR;
            if (at <= ctx.now)
                continue;
            const ms = rng.lognormalIn(BREAK_REASONS[reason] * MINUTE, 0.2, 5 * MINUTE, 2 * HOUR);
            ctx.at(at, () => this.requestBreak(a, reason, ms));
        }
    }
    agentEvent(a, type, extra = {}, channel) {
        const p = a.profile;
        this.ctx.emit({
            tenant: this.ctx.tenant,
            ts: this.ctx.now,
            channel: channel ?? (p.media === 'voice' ? 'voice' : 'webchat'),
            type,
            agent_id: p.id,
            // The profile's name, drawn with the agent: naming the agent on its events takes no random draw.
            agent_name: p.name,
            team: p.team,
            site: p.site,
            ...extra,
        });
    }
    login(a) {
        if (a.loggedIn || this.closed)
            return;
        a.loggedIn = true;
        a.ready = false;
        a.pendingLogout = false;
        a.pendingBreak = null;
        a.onBreak = null;
        this.agentEvent(a, 'agent.login', { skills: a.profile.skills });
        const session = a.session;
        this.ctx.at(this.ctx.now + this.ctx.rng.uniform(15_000, 120_000), () => {
            if (a.session !== session || !a.loggedIn)
                return;
            a.ready = true;
            a.idleSince = this.ctx.now;
            this.agentEvent(a, 'agent.ready');
            this.offerWork(a);
        });
    }
    requestBreak(a, reason, ms) {
        if (!a.loggedIn || !a.ready || a.pendingLogout || a.onBreak || a.pendingBreak)
            return;
        if (a.active === 0) {
            this.agentEvent(a, 'agent.not_ready', { payload: { reason } });
            this.startBreak(a, reason, ms);
        }
        else
            a.pendingBreak = { reason, ms };
    }
    startBreak(a, reason, ms) {
        a.onBreak = reason;
        a.pendingBreak = null;
        const session = a.session;
        this.ctx.at(this.ctx.now + ms, () => {
            if (a.session !== session || a.onBreak !== reason)
                return;
            a.onBreak = null;
            if (this.closed)
                return this.logout(a);
            a.idleSince = this.ctx.now;
            this.agentEvent(a, 'agent.ready');
            this.offerWork(a);
        });
    }
    shiftEnd(a) {
        if (!a.loggedIn)
            return;
        if (a.active === 0)
            this.logout(a);
        else
            a.pendingLogout = true;
    }
    logout(a) {
        a.loggedIn = false;
        a.ready = false;
        a.onBreak = null;
        a.pendingBreak = null;
        a.pendingLogout = false;
        a.session++;
        this.agentEvent(a, 'agent.logout');
    }
    /** Logs everyone out as soon as they are free: the simulation is ending and no contact is left. */
    close() {
        this.closed = true;
        for (const a of this.agents)
            if (a.loggedIn)
                this.shiftEnd(a);
    }
    canTake(a) {
        return a.loggedIn && a.ready && !a.onBreak && !a.pendingBreak && !a.pendingLogout && a.active < a.profile.capacity;
    }
    /** Puts a contact in line, or straight to an agent when one is free. */
    enqueue(c) {
        const available = this.agents.filter((a) => a.profile.media === c.media && this.canTake(a));
        const agent = this.strategy.agentFor(c, available, this.ctx.now);
        if (agent)
            return this.assign(c, agent);
        const key = listKey(c.media, c.queue, c.language);
        let list = this.lists.get(key);
        if (!list)
            this.lists.set(key, (list = new Fifo()));
        list.push(c);
        this.waitingCount++;
    }
    /** The contact gave up (or was served elsewhere) before an agent took it. */
    withdraw(c) {
        if (c.state !== 'waiting')
            return;
        c.state = 'gone';
        this.waitingCount--;
    }
    offerWork(a) {
        while (this.canTake(a)) {
            const heads = [];
            for (const key of a.serves) {
                const head = this.lists.get(key)?.first((c) => c.state === 'waiting');
                if (head)
                    heads.push(head);
            }
            const next = this.strategy.contactFor(a, heads, this.ctx.now);
            if (!next)
                return;
            this.waitingCount--;
            this.assign(next, a);
        }
    }
    assign(c, a) {
        c.state = 'assigned';
        a.active++;
        a.idleSince = this.ctx.now;
        c.onAssigned(a);
    }
    /** The agent's part in a contact is over: wrap up for `wrapMs`, then take new work or go on break. */
    release(a, interactionId, channel, wrapMs) {
        this.agentEvent(a, 'agent.wrap_up', { interaction_id: interactionId }, channel);
        this.ctx.at(this.ctx.now + wrapMs, () => this.afterWrap(a, interactionId, channel));
    }
    /** The contact vanished before the agent started (e.g. hung up while ringing): no wrap-up. */
    unreserve(a) {
        a.active--;
        this.offerWork(a);
    }
    afterWrap(a, interactionId, channel) {
        a.active--;
        const extra = { interaction_id: interactionId };
        if (a.pendingLogout) {
            this.agentEvent(a, 'agent.not_ready', { ...extra, payload: { reason: 'end_of_shift' } }, channel);
            if (a.active === 0)
                this.logout(a);
            return;
        }
        if (a.pendingBreak) {
            this.agentEvent(a, 'agent.not_ready', { ...extra, payload: { reason: a.pendingBreak.reason } }, channel);
            if (a.active === 0)
                this.startBreak(a, a.pendingBreak.reason, a.pendingBreak.ms);
            return;
        }
        if (a.active === 0)
            a.idleSince = this.ctx.now;
        this.agentEvent(a, 'agent.ready', extra, channel);
        this.offerWork(a);
    }
    /** Local midnight of the first day to plan, and the recurring planner. */
    startPlanning() {
        const { ctx } = this;
        const today = ctx.clock.midnightOf(ctx.now);
        // Yesterday's night shift may still be running.
        this.planDay(today - DAY);
        this.planDay(today);
        const next = (midnight) => ctx.at(midnight, () => {
            if (ctx.finishing)
                return;
            this.planDay(midnight);
            next(midnight + DAY);
        });
        next(today + DAY);
    }
}
//# sourceMappingURL=floor.js.map