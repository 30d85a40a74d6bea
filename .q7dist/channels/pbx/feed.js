/**
 * The PBX feed: one tenant's Asterisk, over AMI, stored as Mofang voice events. The client (ami-client.ts) keeps the
 * connection, the mapper (map.ts) turns AMI events into voice events, and the feed stores them through `submit`
 * (ingest's checks, dedup window and JetStream acknowledgement) in order, in batches, retrying with backoff while
 * storage is down. While too many wait, it stops reading from the PBX (TCP backpressure; Asterisk buffers, then
 * drops a manager session that stays stuck, so a long outage loses events, which AMI cannot replay).
 */
import { retryWithBackoff } from '../../core/index.js';
import { connectAmi } from './ami-client.js';
import { AmiMapper } from './map.js';
/** How often calls whose end was missed are looked for, ms. */
const SWEEP_EVERY_MS = 60_000;
export function startAmiFeed(opts) {
    const mapper = new AmiMapper(opts);
    const batchEvents = opts.batchEvents ?? 500;
    const maxPending = opts.maxPending ?? 20_000;
    const where = `PBX ${opts.tenant} (${opts.host}:${opts.port ?? 5038})`;
    const pending = [];
    const counts = { events: 0, errors: 0 };
    let lastEventAt = null;
    let lastError;
    let paused = false;
    let stopping = false;
    let pumping;
    const failed = (what) => {
        counts.errors++;
        lastError = what;
    };
    const client = connectAmi({
        ...opts.connection,
        host: opts.host,
        port: opts.port,
        username: opts.username,
        secret: opts.secret,
        log: opts.log,
        onDisconnected: (reason) => failed(`AMI: ${reason}`),
        onEvent(msg, receivedAt) {
            lastEventAt = receivedAt;
            let mapped;
            try {
                mapped = mapper.map(msg, receivedAt);
            }
            catch (err) {
                // One event the mapper cannot follow must not stop the feed.
                failed(`${msg.fields.Event}: ${err.message}`);
                return opts.log(`${where}: could not map ${msg.fields.Event}: ${err.message}`);
            }
            for (const e of mapped)
                pending.push({ ...e, tenant: opts.tenant });
            if (pending.length >= maxPending && !paused) {
                paused = true;
                client.pause();
                opts.log(`${where}: ${pending.length} events wait to be stored; reading from the PBX paused`);
            }
            if (mapped.length)
                pump();
        },
    });
    const sweeper = setInterval(() => {
        const forgotten = mapper.sweep(Date.now());
        if (forgotten)
            opts.log(`${where}: forgot ${forgotten} calls with no event for hours (their end was missed)`);
    }, SWEEP_EVERY_MS);
    sweeper.unref();
    /** Stores one batch; events that can never be stored are dropped one by one. */
    async function store(batch) {
        try {
            await opts.submit(batch);
            counts.events += batch.length;
        }
        catch (err) {
            if (err.code !== 'invalid')
                throw err;
            for (const event of batch)
                await opts.submit([event]).then(() => counts.events++, (e) => {
                    if (e.code !== 'invalid')
                        throw e;
                    failed(`dropped ${event.type} ${event.event_id}: ${e.message}`);
                    opts.log(`${where}: dropped an event that cannot be stored: ${e.message}`);
                });
        }
    }
    /** Stores what waits, in order, one batch at a time (one pump at a time). */
    function pump() {
        pumping ??= (async () => {
            while (pending.length) {
                const batch = pending.slice(0, batchEvents);
                await retryWithBackoff(() => store(batch), {
                    what: `${where}: storing ${batch.length} events`,
                    log: opts.log,
                    maxDelayMs: 10_000,
                    stopped: () => stopping,
                    onFailure: (_, err) => failed(`store: ${err.message}`),
                });
                pending.splice(0, batch.length);
                if (paused && pending.length <= maxPending / 2) {
                    paused = false;
                    client.resume();
                }
            }
        })()
            .catch((err) => opts.log(`${where}: ${pending.length} events not stored: ${err.message}`))
            .finally(() => (pumping = undefined));
    }
    return {
        async stop({ drainMs = 5_000 } = {}) {
            clearInterval(sweeper);
            await client.close();
            if (pumping) {
                let timer;
                await Promise.race([pumping, new Promise((r) => (timer = setTimeout(r, drainMs)))]);
                clearTimeout(timer);
            }
            // Past the deadline a failing store gives up at its next failure; AMI cannot resend these.
            stopping = true;
            if (pending.length)
                opts.log(`${where}: stopping with ${pending.length} events not stored`);
        },
        status: () => ({
            connected: client.connected,
            last_event_at: lastEventAt,
            events: counts.events,
            errors: counts.errors,
            pending: pending.length,
            open_calls: mapper.openCalls,
            ...(lastError && { last_error: lastError }),
        }),
    };
}
//# sourceMappingURL=feed.js.map