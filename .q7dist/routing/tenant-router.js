/**
 * One tenant's router on the event stream: a durable pull consumer feeds the engine
 * batch by batch; the engine's decisions become `routing.*` events.
 *
 * Exactly one decision per situation, across crashes and restarts:
 *   1. apply a batch (and due timers) to the engine → decisions, kept in an outbox;
 *   2. save {engine state, last applied stream sequence, outbox} in a KV bucket,
 *      with compare-and-set on the entry's revision (a second instance writing the
 *      same tenant is fenced off: its next save fails and it stops);
 *   3. ack the batch, then publish the outbox and save again with it emptied.
 * After a restart the engine is rebuilt from the saved state, the outbox (if the crash
 * came between 2 and 3) is published again with the same event ids, and messages at
 * or below the saved sequence are skipped, so nothing is decided twice. Work after
 * the last save was never published, so redoing it cannot double anything.
 *
 * Time: the engine runs on event time. Timers (expansion, overflow, affinity) fire
 * when an event's ts passes them or, when the stream is quiet, when event time moved
 * on by the wall time since the last event has passed them.
 */
import { DeliverPolicy, AckPolicy, } from '@nats-io/jetstream';
import { createYielder, NatsUnavailableError } from '../core/index.js';
import { packEvents, publishMessages } from '../ingest/index.js';
import { decodeEvents } from '../core/contracts/index.js';
import { RoutingEngine } from './engine.js';
import { inputOf } from './inputs.js';
import { decisionEvent } from './decision-events.js';
const CLOSED_KEEP = 5_000;
/** One durable consumer per tenant and deployment: the tenant's events only. */
const durableOf = (t, tenant) => `${t.prefix}_routing_${tenant}`;
const consumerConfigOf = (t, tenant) => ({
    durable_name: durableOf(t, tenant),
    ack_policy: AckPolicy.Explicit,
    filter_subject: `${t.prefix}.${tenant}.>`,
    max_ack_pending: 4_096,
    ack_wait: 60_000_000_000,
});
const encoder = new TextEncoder();
export class TenantRouter {
    opts;
    consumer;
    engine;
    state;
    revision;
    /** The state as last saved: where a failed step goes back to. */
    savedJson;
    closed;
    clockWall = Date.now();
    chain = Promise.resolve();
    timer;
    stopped = false;
    loop = Promise.resolve();
    counts = { published: 0, assigned: 0, ignored: 0, batches: 0 };
    /** Why the router stopped on its own (fenced by another instance), if it did. */
    failure;
    constructor(opts, state, revision, consumer) {
        this.opts = opts;
        this.consumer = consumer;
        this.state = state;
        this.revision = revision;
        this.engine = RoutingEngine.fromState(state.engine);
        this.closed = new Set(state.closed);
        if (revision !== undefined)
            this.savedJson = JSON.stringify(state);
    }
    static async start(opts) {
        const { kv, jsm, topology, tenant } = opts;
        const durable = durableOf(topology, tenant);
        const entry = await kv.get(tenant);
        const saved = entry && entry.operation === 'PUT' ? entry.json() : undefined;
        const consumerConfig = consumerConfigOf(topology, tenant);
        let state;
        if (saved) {
            state = saved;
            // A lost consumer resumes right after the saved sequence.
            await jsm.consumers.info(topology.eventStream, durable).catch(() => jsm.consumers.add(topology.eventStream, {
                ...consumerConfig,
                deliver_policy: DeliverPolicy.StartSequence,
                opt_start_seq: saved.lastSeq + 1,
            }));
        }
        else {
            // No state: start over from the warm-up window, whatever an old consumer had acked.
            await jsm.consumers.delete(topology.eventStream, durable).catch(() => false);
            const from = new Date(Date.now() - (opts.warmupMs ?? 12 * 3_600_000)).toISOString();
            await jsm.consumers.add(topology.eventStream, {
                ...consumerConfig,
                deliver_policy: DeliverPolicy.StartTime,
                opt_start_time: from,
            });
            const info = await jsm.streams.info(topology.eventStream);
            const engine = new RoutingEngine(opts.config);
            state = {
                v: 1,
                epoch: Date.now().toString(36),
                lastSeq: 0,
                quietUntilSeq: info.state.last_seq,
                clock: 0,
                engine: engine.exportState(),
                labels: {},
                closed: [],
                outbox: [],
            };
        }
        const router = new TenantRouter(opts, state, entry?.revision, await opts.js.consumers.get(topology.eventStream, durable));
        await router.exclusive(async () => {
            if (!saved)
                await router.save();
            await router.flushOutbox();
            if (JSON.stringify(state.engine.config) !== JSON.stringify(opts.config))
                await router.applyConfig(opts.config);
            router.scheduleTimer();
        });
        router.loop = router.run();
        opts.log(`routing: tenant ${tenant} ${saved ? `resumed after stream sequence ${saved.lastSeq}` : 'started fresh'} (${router.engine.stats().waiting} waiting, ${router.engine.stats().agents} agents known)`);
        return router;
    }
    /** Replaces the configuration; waiting and assigned contacts are kept. */
    setConfig(config) {
        return this.exclusive(() => this.applyConfig(config));
    }
    config() {
        return this.state.engine.config;
    }
    stats() {
        return {
            tenant: this.opts.tenant,
            last_seq: this.state.lastSeq,
            ...this.engine.stats(),
            ...this.counts,
            outbox: this.state.outbox.length,
            failure: this.failure,
        };
    }
    async stop() {
        this.stopped = true;
        clearTimeout(this.timer);
        await this.loop;
        await this.chain.catch(() => { });
    }
    // ── the loop ──────────────────────────────────────────────────────────
    async run() {
        while (!this.stopped) {
            const msgs = [];
            try {
                const it = await this.consumer.fetch({ max_messages: this.opts.batch ?? 256, expires: 1_000 });
                for await (const m of it)
                    msgs.push(m);
            }
            catch (err) {
                if (this.stopped)
                    return;
                this.opts.log(`routing: ${this.opts.tenant}: fetch failed: ${err.message}`);
                await new Promise((r) => setTimeout(r, 500));
                continue;
            }
            if (msgs.length === 0)
                continue;
            try {
                await this.exclusive(() => this.applyBatch(msgs));
            }
            catch (err) {
                // Unsaved work is dropped with the engine it changed; the messages come back after the ack wait.
                if (this.failure)
                    return;
                this.opts.log(`routing: ${this.opts.tenant}: batch failed, back to the saved state: ${err.message}`);
                this.restore();
                // Later messages may already be on their way: read again from right after the saved sequence.
                await this.resetConsumer().catch((e) => this.opts.log(`routing: ${this.opts.tenant}: ${e.message}`));
            }
        }
    }
    /** Runs `fn` after everything queued before it: batches, timers and config changes never interleave. */
    exclusive(fn) {
        const next = this.chain.then(fn);
        this.chain = next.catch(() => { });
        return next;
    }
    async resetConsumer() {
        const { jsm, js, topology, tenant } = this.opts;
        const durable = durableOf(topology, tenant);
        await jsm.consumers.delete(topology.eventStream, durable).catch(() => false);
        await jsm.consumers.add(topology.eventStream, {
            ...consumerConfigOf(topology, tenant),
            deliver_policy: DeliverPolicy.StartSequence,
            opt_start_seq: this.state.lastSeq + 1,
        });
        this.consumer = await js.consumers.get(topology.eventStream, durable);
    }
    async applyBatch(msgs) {
        // A batch can hold tens of thousands of events (the first start's warm-up reads 12 h): in slices, so NATS
        // heartbeats and other tenants' routers keep running. Timers and config changes wait: this runs in exclusive().
        const maybeYield = createYielder(50);
        const fresh = msgs.filter((m) => m.seq > this.state.lastSeq);
        const events = [];
        for (const m of fresh) {
            events.push(...decodeEvents(m.data));
            await maybeYield();
        }
        // One POST's events reach the stream grouped by subject: put the batch back in time order (stable).
        events.sort((a, b) => a.ts - b.ts);
        const publish = fresh.some((m) => m.seq > this.state.quietUntilSeq);
        const decisions = [];
        for (const e of events) {
            await maybeYield();
            if (e.type.startsWith('routing.'))
                continue;
            const input = inputOf(e, this.opts.profile);
            if (!input)
                continue;
            if (e.ts > this.state.clock)
                this.advanceClock(e.ts, decisions);
            this.apply(input, decisions);
        }
        this.collect(decisions, publish);
        if (fresh.length)
            this.state.lastSeq = Math.max(this.state.lastSeq, ...fresh.map((m) => m.seq));
        await this.save();
        for (const m of msgs)
            m.ack();
        this.counts.batches++;
        await this.flushOutbox();
        this.scheduleTimer();
    }
    apply(input, out) {
        const { engine, state } = this;
        switch (input.kind) {
            case 'offer': {
                const c = input.contact;
                if (this.closed.has(c.id))
                    return;
                state.labels[c.id] ??= { channel: c.channel, queue: c.queue, customerId: c.customerId };
                out.push(...engine.offer(c));
                return;
            }
            case 'agent':
                out.push(...engine.agentState({ agentId: input.agentId, at: input.at, state: input.state, profile: input.profile }));
                return;
            case 'answered':
                out.push(...engine.answered(input.contactId, input.at));
                return;
            case 'ended':
            case 'abandoned': {
                let d = input.kind === 'ended' ? engine.complete(input.contactId, input.at) : [];
                // Ended while still waiting (or never assigned) is an abandon for the router.
                if (d.length === 0 || d[0].kind === 'ignored')
                    d = engine.abandon(input.contactId, input.at);
                out.push(...d);
                this.close(input.contactId);
                return;
            }
        }
    }
    close(id) {
        this.closed.add(id);
        if (this.closed.size > CLOSED_KEEP)
            this.closed.delete(this.closed.values().next().value);
    }
    advanceClock(to, out) {
        const due = this.engine.nextDueAt();
        if (due !== undefined && due <= to)
            out.push(...this.engine.tick(to));
        this.state.clock = to;
        this.clockWall = Date.now();
    }
    /** Event time now: the last event's time moved on by the wall time since. */
    now() {
        return this.state.clock + (Date.now() - this.clockWall);
    }
    scheduleTimer() {
        clearTimeout(this.timer);
        const due = this.engine.nextDueAt();
        if (due === undefined || this.stopped)
            return;
        const wait = Math.min(Math.max(due - this.now(), 0), 2 ** 31 - 1);
        this.timer = setTimeout(() => {
            void this.exclusive(async () => {
                const decisions = [];
                this.advanceClock(Math.max(this.now(), due), decisions);
                this.collect(decisions, true);
                await this.save();
                await this.flushOutbox();
                this.scheduleTimer();
            }).catch((err) => this.opts.log(`routing: ${this.opts.tenant}: timer: ${err.message}`));
        }, wait);
        this.timer.unref();
    }
    async applyConfig(config) {
        const decisions = this.engine.setConfig(config, this.now());
        this.collect(decisions, true);
        await this.save();
        await this.flushOutbox();
        this.scheduleTimer();
    }
    /** Decisions → outbox events; labels of contacts that left are dropped afterwards. */
    collect(decisions, publish) {
        const receivedAt = Date.now();
        for (const d of decisions) {
            if (d.kind === 'ignored') {
                this.counts.ignored++;
                continue;
            }
            if (d.kind === 'assign')
                this.counts.assigned++;
            const label = this.state.labels[d.contactId];
            const e = label && decisionEvent(this.opts.tenant, this.state.epoch, d, label, receivedAt);
            if (e && publish)
                this.state.outbox.push(e);
        }
        for (const id of Object.keys(this.state.labels))
            if (this.closed.has(id))
                delete this.state.labels[id];
    }
    /** Compare-and-set on the KV entry: losing the race means another instance routes this tenant now. */
    async save() {
        this.state.engine = this.engine.exportState();
        this.state.closed = [...this.closed];
        const json = JSON.stringify(this.state);
        try {
            const data = encoder.encode(json);
            this.revision =
                this.revision === undefined
                    ? await this.opts.kv.create(this.opts.tenant, data)
                    : await this.opts.kv.update(this.opts.tenant, data, this.revision);
            this.savedJson = json;
        }
        catch (err) {
            const msg = err.message;
            if (/wrong last sequence|key exists/i.test(msg)) {
                this.failure = `another router instance saved tenant ${this.opts.tenant}'s state: this one stopped (one writer per tenant)`;
                this.stopped = true;
                this.opts.log(`routing: ${this.failure}`);
            }
            this.restore();
            throw new NatsUnavailableError(`saving routing state of ${this.opts.tenant}: ${msg}`, err);
        }
    }
    /** Back to the last saved state: unsaved work was never published, and its messages come again. */
    restore() {
        if (this.savedJson === undefined)
            return;
        this.state = JSON.parse(this.savedJson);
        this.engine = RoutingEngine.fromState(this.state.engine);
        this.closed.clear();
        for (const id of this.state.closed)
            this.closed.add(id);
    }
    async flushOutbox() {
        const outbox = this.state.outbox;
        if (outbox.length === 0)
            return;
        const pub = { prefix: this.opts.topology.prefix };
        const { failed, error } = await publishMessages(this.opts.js, packEvents(outbox, pub), pub);
        if (error) {
            // Kept in the saved outbox: the next save and flush try again.
            this.state.outbox = failed.flatMap((f) => f.message.events);
            this.counts.published += outbox.length - this.state.outbox.length;
            this.opts.log(`routing: ${this.opts.tenant}: ${error.message}`);
            return;
        }
        this.counts.published += outbox.length;
        this.state.outbox = [];
        await this.save();
    }
}
//# sourceMappingURL=tenant-router.js.map