/**
 * Delivers events to the ingest API (`POST <url>/v1/events`) in batches, one request at a
 * time, in order. Events are kept until the API accepts them: a 503 or a network error
 * is retried with backoff forever (or until a flush deadline), never dropped. Every event
 * carries an event_id, so a retry of a request that did land is absorbed as duplicates.
 * A 4xx naming bad events means a simulator bug: it is logged loudly and those events skipped.
 */
import { BadInputError } from '../core/index.js';
export class EventPoster {
    opts;
    queue = [];
    head = 0;
    maxBatch;
    endpoint;
    log;
    counts = { accepted: 0, duplicates: 0, rejected: 0, retries: 0 };
    flushing = null;
    constructor(opts) {
        this.opts = opts;
        this.endpoint = new URL('/v1/events', opts.url).toString();
        this.maxBatch = opts.maxBatch ?? 20_000;
        this.log = opts.log ?? ((line) => process.stderr.write(line + '\n'));
    }
    /** A flush is in progress (it will also send events enqueued meanwhile). */
    get busy() {
        return this.flushing !== null;
    }
    get pending() {
        return this.queue.length - this.head;
    }
    stats() {
        return { ...this.counts, pending: this.pending };
    }
    enqueue(events) {
        for (const e of events)
            this.queue.push(e);
    }
    /**
     * Sends everything queued (including events enqueued meanwhile). Resolves true when the
     * queue is empty, false when `deadline` (ms since the epoch) passed or `signal` aborted first.
     * Concurrent calls share one sender, so order is kept.
     */
    flush(deadline = Infinity, signal) {
        if (this.flushing)
            return this.flushing.then(() => this.flush(deadline, signal));
        this.flushing = this.sendAll(deadline, signal).finally(() => (this.flushing = null));
        return this.flushing;
    }
    async sendAll(deadline, signal) {
        let backoff = this.opts.backoffMs ?? 250;
        while (this.pending > 0) {
            if (signal?.aborted || Date.now() >= deadline)
                return false;
            const batch = this.queue.slice(this.head, this.head + this.maxBatch);
            const outcome = await this.send(batch);
            if (outcome === 'retry') {
                this.counts.retries++;
                const wait = Math.min(backoff, deadline - Date.now());
                if (wait > 0)
                    await sleep(wait, signal);
                backoff = Math.min(backoff * 2, this.opts.maxBackoffMs ?? 10_000);
                continue;
            }
            backoff = this.opts.backoffMs ?? 250;
            if (outcome === 'again')
                continue;
            this.head += outcome;
            if (this.head > 100_000 && this.head * 2 > this.queue.length) {
                this.queue = this.queue.slice(this.head);
                this.head = 0;
            }
        }
        return true;
    }
    /** Posts one batch: how many events are done with, 'retry' after a backoff, or 'again' at once (batch changed). */
    async send(batch) {
        let res;
        try {
            res = await fetch(this.endpoint, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${this.opts.apiKey}` },
                body: JSON.stringify(batch),
                signal: AbortSignal.timeout(this.opts.requestTimeoutMs ?? 30_000),
            });
        }
        catch (err) {
            this.log(`simulate: POST ${this.endpoint} failed (${err.message}); retrying, ${this.pending} events kept`);
            return 'retry';
        }
        const body = (await res.json().catch(() => ({})));
        if (res.ok) {
            this.counts.accepted += body.accepted ?? batch.length;
            this.counts.duplicates += body.duplicates ?? 0;
            return batch.length;
        }
        if (res.status === 503 || res.status >= 500 || res.status === 429) {
            if (res.status !== 503)
                this.log(`simulate: ingest answered ${res.status} ${body.reason ?? body.error ?? ''}; retrying`);
            return 'retry';
        }
        if (res.status === 401 || res.status === 403) {
            throw new BadInputError(`the ingest API refused the API key (${res.status} ${body.reason ?? body.error ?? ''}): pass --api-key or set MOFANG_API_KEY`);
        }
        if (res.status === 413 && this.maxBatch > 1) {
            this.maxBatch = Math.max(1, Math.floor(this.maxBatch / 2));
            return 'again';
        }
        return this.rejectedBatch(batch, res.status, body);
    }
    /**
     * A 4xx for bad events is a simulator bug: say so loudly, drop the named events and resend
     * the rest (whether the API kept the good ones or not, their event_ids make resending safe).
     */
    rejectedBatch(batch, status, body) {
        const bad = new Set((body.errors ?? []).map((e) => e.index).filter((i) => Number.isInteger(i) && i >= 0 && i < batch.length));
        this.log(`simulate: BUG: ingest rejected ${bad.size || batch.length} event(s) with ${status} ${body.reason ?? body.error ?? ''}`);
        for (const e of (body.errors ?? []).slice(0, 20)) {
            this.log(`  event #${e.index} (${batch[e.index]?.type ?? '?'}): ${e.field}: ${e.reason}`);
        }
        if (bad.size === 0 || bad.size === batch.length) {
            this.counts.rejected += batch.length;
            return batch.length;
        }
        this.counts.rejected += bad.size;
        const good = batch.filter((_, i) => !bad.has(i));
        this.queue.splice(this.head, batch.length, ...good);
        return 'again';
    }
}
function sleep(ms, signal) {
    return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}
//# sourceMappingURL=poster.js.map