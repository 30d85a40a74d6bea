/**
 * The live simulator: runs the simulation against the wall clock (× speed) and posts events
 * whose ts has come, every tick (~250 ms). Optionally first back-fills past days as fast as
 * the API takes them, so reports and forecasts have history. Event ts = simulated time.
 */
import { BadInputError } from '../core/index.js';
import { Simulation } from './engine.js';
import { EventPoster } from './poster.js';
import { ChannelRelay } from './channel-relay.js';
import { HOUR } from './calendar.js';
export function startSimulator(opts) {
    const speed = opts.speed ?? 1;
    if (!(speed > 0 && speed <= 100_000))
        throw new BadInputError(`speed must be > 0 and ≤ 100000, got ${speed}`);
    const backfillMs = opts.backfillMs ?? 0;
    if (!(backfillMs >= 0))
        throw new BadInputError(`backfill must be ≥ 0, got ${backfillMs}`);
    const log = opts.log ?? ((line) => process.stderr.write(line + '\n'));
    const liveStart = Math.round(opts.start ?? Date.now());
    const sim = new Simulation({ ...opts, ratePerHour: opts.ratePerHour ?? opts.rate, start: liveStart - backfillMs });
    const poster = new EventPoster({ url: opts.url, apiKey: opts.apiKey, maxBatch: opts.maxBatch, log });
    const relay = opts.channels &&
        new ChannelRelay({ ...opts.channels, url: opts.url, tenant: opts.tenant ?? 'demo', liveFrom: liveStart, log });
    const endAt = opts.durationMs === undefined ? Infinity : liveStart + opts.durationMs;
    const tickMs = opts.tickMs ?? 250;
    const wall0 = Date.now();
    const stopper = new AbortController();
    let generated = 0;
    let timer;
    let statusTimer;
    let stopping;
    let settle;
    const done = new Promise((resolve, reject) => (settle = { resolve, reject }));
    done.catch(() => { }); // callers may only use stop(); a fatal error is also logged
    const stats = () => ({
        ...poster.stats(),
        sim: sim.stats(),
        generated,
        ...(relay && { channels: relay.stats() }),
    });
    /** Simulated now: the live start plus wall time elapsed × speed. */
    const simNow = () => liveStart + (Date.now() - wall0) * speed;
    const take = (until) => {
        const events = sim.advanceTo(until);
        generated += events.length;
        poster.enqueue(relay ? relay.route(events) : events);
    };
    const fail = (err) => {
        log(`simulate: ${err.message}`);
        clearTimeout(timer);
        clearInterval(statusTimer);
        stopper.abort();
        settle.reject(err);
    };
    async function backfill() {
        // Chase the moving target: posting history takes wall time, during which "now" moves on.
        for (let t = sim.now; t < Math.min(endAt, simNow()) - tickMs * speed && !stopper.signal.aborted;) {
            t = Math.min(t + HOUR, simNow(), endAt);
            take(t);
            await poster.flush(Infinity, stopper.signal);
        }
    }
    function tick() {
        // After the end, time runs on (uncapped) so contacts in progress can finish.
        const now = sim.finishing ? simNow() : Math.min(simNow(), endAt);
        take(now);
        if (now >= endAt && !sim.finishing)
            sim.finish();
        // A finished run is over once no call or chat is left and every agent has logged out.
        const s = sim.stats();
        if (sim.finishing && s.liveCalls + s.liveChats === 0 && s.agentsLoggedIn === 0) {
            void stop().then(settle.resolve, settle.reject);
            return;
        }
        if (!poster.busy)
            poster.flush(Infinity, stopper.signal).catch(fail);
        void relay?.drain(poster, stopper.signal);
        timer = setTimeout(tick, tickMs);
    }
    function status() {
        const s = stats();
        log(`simulate: ${sim.clock.format(s.sim.now)} ×${speed} | posted ${s.accepted} (dup ${s.duplicates}, rejected ${s.rejected}, retries ${s.retries}) pending ${s.pending}` +
            ` | in progress: ${s.sim.liveCalls} calls, ${s.sim.liveChats} chats, ${s.sim.waiting} waiting, ${s.sim.openTickets} open tickets | agents ${s.sim.agentsLoggedIn}` +
            (s.channels
                ? ` | via platforms ${s.channels.relayed} (refused ${s.channels.refused}, waiting ${s.channels.waiting})`
                : ''));
    }
    function stop() {
        if (stopping)
            return stopping;
        clearTimeout(timer);
        clearInterval(statusTimer);
        stopper.abort();
        stopping = (async () => {
            take(sim.finishing ? simNow() : Math.min(simNow(), endAt));
            const deadline = Date.now() + (opts.flushTimeoutMs ?? 30_000);
            const ok = await poster.flush(deadline);
            const final = stats();
            if (!ok)
                log(`simulate: stopped with ${final.pending} events not delivered (the ingest API did not take them within the flush timeout)`);
            if (opts.statusEveryMs !== 0)
                status();
            settle.resolve(final);
            return final;
        })();
        return stopping;
    }
    opts.signal?.addEventListener('abort', () => void stop(), { once: true });
    if (opts.statusEveryMs !== 0)
        statusTimer = setInterval(status, opts.statusEveryMs ?? 10_000);
    backfill().then(() => {
        if (!stopper.signal.aborted)
            tick();
    }, fail);
    return { stop, done, stats };
}
//# sourceMappingURL=run.js.map