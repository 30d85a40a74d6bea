/**
 * The discrete-event simulation behind both `generate()` and the live simulator.
 * Actions run in simulated-time order from a heap; events they write (possibly for the
 * future, like a chat transcript) wait in a second heap until the clock passes them, so
 * `advanceTo(t)` returns exactly the events with ts ≤ t, sorted, however the run is chunked.
 */
import { BadInputError } from '../core/index.js';
import { Random, TimeHeap } from '../kits/sim/index.js';
import { LocalClock, HOUR, MINUTE, patternOf, seasonality } from './calendar.js';
import { CHANNEL_MIX, CHAT_CHANNELS, DEFAULT_ENGLISH_SHARE, ENGLISH_SHARE, REVEALS } from './catalog.js';
import { CustomerBase, createAgents } from './population.js';
import { Floor } from './floor.js';
import { longestIdle } from './assignment.js';
import { newContact } from './contact.js';
import { VoiceFlow } from './voice.js';
import { ChatFlow } from './chat.js';
import { TicketFlow } from './ticket.js';
import { maxWeatherFactor, weatherFactor } from './weather.js';
export class Simulation {
    rng;
    tenant;
    clock;
    startedAt;
    recorder;
    nowMs;
    finishingFlag = false;
    actions = new TimeHeap();
    output = new TimeHeap();
    eventSeq = 0;
    idSeq = 0;
    runTag;
    rate;
    weather;
    /** Candidates come this much faster than the rate so that rain can add arrivals (1 without weather). */
    weatherPeak;
    returningShare;
    customers;
    profiles;
    floor;
    voice;
    chat;
    tickets;
    liveCalls = 0;
    liveChats = 0;
    contacts = 0;
    channelWeights = new Array(CHANNEL_MIX.length);
    constructor(opts = {}) {
        const seed = opts.seed ?? 42;
        if (!Number.isInteger(seed) || seed < 0)
            throw new BadInputError(`seed must be a whole number ≥ 0, got ${seed}`);
        const agents = opts.agents ?? 60;
        if (!Number.isInteger(agents) || agents < 1 || agents > 5000)
            throw new BadInputError(`agents must be a whole number 1…5000, got ${agents}`);
        this.rate = opts.ratePerHour ?? 600;
        if (!(this.rate > 0 && this.rate <= 1_000_000))
            throw new BadInputError(`ratePerHour must be > 0 and ≤ 1000000, got ${this.rate}`);
        this.weather = opts.weather;
        this.recorder = opts.recorder;
        this.weatherPeak = maxWeatherFactor(opts.weather);
        const maxChats = opts.maxChats ?? 3;
        if (!Number.isInteger(maxChats) || maxChats < 1 || maxChats > 10)
            throw new BadInputError(`maxChats must be a whole number 1…10, got ${maxChats}`);
        this.returningShare = opts.returningShare ?? 0.3;
        this.tenant = opts.tenant ?? 'demo';
        if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(this.tenant))
            throw new BadInputError(`tenant must be lower-case letters, digits, _ and -, got "${this.tenant}"`);
        this.startedAt = this.nowMs = Math.round(opts.start ?? Date.now());
        this.rng = new Random(seed);
        this.clock = new LocalClock((opts.utcOffsetMinutes ?? 480) * MINUTE);
        this.runTag = `s${seed}-${this.startedAt.toString(36)}`;
        this.customers = new CustomerBase(this.rng, seed);
        this.profiles = createAgents(seed, agents, maxChats);
        this.floor = new Floor(this, this.profiles, opts.assignment ?? longestIdle);
        const hooks = { done: (c) => this.contactDone(c) };
        this.voice = new VoiceFlow(this, this.floor, hooks);
        this.chat = new ChatFlow(this, this.floor, hooks);
        this.tickets = new TicketFlow(this, this.floor);
        this.floor.startPlanning();
        this.scheduleArrival(this.nowMs);
    }
    get now() {
        return this.nowMs;
    }
    get finishing() {
        return this.finishingFlag;
    }
    at(time, run) {
        this.actions.push(Math.max(this.nowMs, Math.round(time)), run);
    }
    emit(event) {
        const ts = Math.round(event.ts);
        if (ts < this.nowMs)
            throw new Error(`simulator bug: ${event.type} at ${ts} is before the clock ${this.nowMs}`);
        event.ts = ts;
        event.event_id = `e-${this.runTag}-${(this.eventSeq++).toString(36)}`;
        this.output.push(ts, event);
    }
    newId(prefix) {
        return `${prefix}-${this.runTag}-${(this.idSeq++).toString(36)}`;
    }
    /** Runs the simulation up to `t` (ms) and returns the events with ts ≤ t, in ts order. */
    advanceTo(t) {
        const { actions, output } = this;
        while (actions.size > 0 && actions.peekTime() <= t) {
            this.nowMs = actions.peekTime();
            actions.pop()();
        }
        if (Number.isFinite(t) && t > this.nowMs)
            this.nowMs = Math.floor(t);
        const out = [];
        while (output.size > 0 && output.peekTime() <= t)
            out.push(output.pop());
        return out;
    }
    /** Stops new contacts; those in progress finish, then every agent logs out. */
    finish() {
        if (this.finishingFlag)
            return;
        this.finishingFlag = true;
        if (this.liveCalls + this.liveChats === 0)
            this.floor.close();
    }
    /** True when finishing and nothing is left to happen. */
    get done() {
        return this.finishingFlag && this.actions.size === 0 && this.output.size === 0;
    }
    /** Finishes and returns every remaining event. */
    drain() {
        this.finish();
        return this.advanceTo(Infinity);
    }
    stats() {
        return {
            now: this.nowMs,
            liveCalls: this.liveCalls,
            liveChats: this.liveChats,
            waiting: this.floor.waiting,
            openTickets: this.tickets.open,
            agentsLoggedIn: this.floor.loggedIn,
            contacts: this.contacts,
            events: this.eventSeq,
        };
    }
    truth() {
        return {
            agents: this.profiles,
            customers: this.customers.all.map((c) => ({
                key: c.key,
                name: c.name.full,
                language: c.language,
                vip: c.vip,
                identities: c.identities,
                seen: c.seen,
                channels: [...c.channels],
                contacts: c.contacts,
            })),
        };
    }
    /**
     * Arrivals are a Poisson process thinned by seasonality: candidates come at the peak rate
     * and each is kept with probability Σ share·seasonality(channel) ≤ 1, then given a channel
     * in proportion to its current weight.
     */
    scheduleArrival(from) {
        this.at(from + this.rng.exponential(HOUR / (this.rate * this.weatherPeak)), () => {
            if (this.finishingFlag)
                return;
            const t = this.nowMs;
            let total = 0;
            for (let i = 0; i < CHANNEL_MIX.length; i++) {
                const [channel, share] = CHANNEL_MIX[i];
                total += this.channelWeights[i] = share * seasonality(this.clock, patternOf(channel), t);
            }
            if (this.rng.next() * this.weatherPeak < total * weatherFactor(this.weather, t)) {
                const channel = CHANNEL_MIX[this.rng.weightedIndex(this.channelWeights, total)][0];
                this.arrive(channel, this.pickCustomer(channel));
            }
            this.scheduleArrival(t);
        });
    }
    pickCustomer(channel) {
        if (this.rng.chance(this.returningShare)) {
            // Prefer someone who has not used this channel yet: that is what makes identity merge work.
            let candidate;
            for (let i = 0; i < 3; i++) {
                candidate = this.customers.pickReturning();
                if (!candidate || !candidate.channels.has(channel))
                    break;
            }
            if (candidate)
                return candidate;
        }
        const english = this.rng.chance(ENGLISH_SHARE[channel] ?? DEFAULT_ENGLISH_SHARE);
        return this.customers.create(english ? 'en' : 'zh', this.nowMs);
    }
    arrive(channel, customer, followsUp) {
        const identities = this.customers.reveal(customer, REVEALS[channel]);
        customer.channels.add(channel);
        customer.contacts++;
        customer.lastContact = this.nowMs;
        this.contacts++;
        const prefix = channel === 'voice' ? 'call' : CHAT_CHANNELS.has(channel) ? 'chat' : 'tkt';
        const c = newContact(this, this.newId(prefix), channel, customer, identities, followsUp);
        if (channel === 'voice') {
            this.liveCalls++;
            this.voice.start(c);
        }
        else if (CHAT_CHANNELS.has(channel)) {
            this.liveChats++;
            this.chat.start(c);
        }
        else
            this.tickets.start(c);
    }
    contactDone(c) {
        if (c.channel === 'voice')
            this.liveCalls--;
        else
            this.liveChats--;
        if (c.followUp && this.rng.chance(0.45))
            this.scheduleFollowUp(c);
        if (this.finishingFlag && this.liveCalls + this.liveChats === 0)
            this.floor.close();
    }
    /** An unresolved or abandoned issue brings the customer back, usually on another channel. */
    scheduleFollowUp(c) {
        const rng = this.rng;
        this.at(this.nowMs + rng.lognormalIn(3 * HOUR, 1, 10 * MINUTE, 48 * HOUR), () => {
            if (this.finishingFlag)
                return;
            const others = CHANNEL_MIX.filter(([ch]) => ch !== c.channel && (ch !== 'voice' || seasonality(this.clock, 'voice', this.nowMs) > 0));
            const channel = others[rng.weightedIndex(others.map(([, w]) => w))][0];
            this.arrive(channel, c.customer, c.queue.id === 'vip' ? undefined : c.queue);
        });
    }
}
//# sourceMappingURL=engine.js.map