/** One request's publish of the ids it claimed: settled once JetStream has answered for all of them. */
export class PublishClaim {
    settled = false;
    /** Ids whose message JetStream may or may not hold (no ack came), with that message, to be republished as it is. */
    uncertain = new Map();
    done;
    resolve;
    constructor() {
        this.done = new Promise((r) => (this.resolve = r));
    }
    /** Call after releasing the ids whose publish failed: the ids still held are now stored. */
    settle() {
        this.settled = true;
        this.resolve();
    }
}
const BUCKETS = 12;
export class DedupWindow {
    buckets = [];
    bucketMs;
    maxEntries;
    size = 0;
    constructor(opts) {
        this.bucketMs = Math.max(1, Math.ceil((opts.windowSeconds * 1000) / BUCKETS));
        this.maxEntries = opts.maxEntries ?? 4_000_000;
    }
    /** Claims `key` for `claim` unless the window holds it already (stored, or being published by another claim). */
    claim(key, claim, now = Date.now()) {
        this.expire(now);
        for (const b of this.buckets) {
            const holder = b.ids.get(key);
            if (!holder)
                continue;
            if (holder === claim)
                return 'new';
            if (!holder.settled)
                return holder;
            const message = holder.uncertain.get(key);
            if (!message)
                return 'stored';
            b.ids.set(key, claim);
            return { message };
        }
        let head = this.buckets[this.buckets.length - 1];
        if (!head || now - head.start >= this.bucketMs) {
            head = { start: now, ids: new Map() };
            this.buckets.push(head);
        }
        head.ids.set(key, claim);
        this.size++;
        return 'new';
    }
    /** Makes `claim` the holder of a key it republishes (the other ids of an uncertain message). */
    adopt(key, claim, now = Date.now()) {
        for (const b of this.buckets) {
            if (b.ids.has(key))
                return void b.ids.set(key, claim);
        }
        this.claim(key, claim, now);
    }
    /** Gives up `claim`'s hold on a key whose publish failed, so a retry publishes it again. */
    release(key, claim) {
        for (const b of this.buckets) {
            if (b.ids.get(key) === claim) {
                b.ids.delete(key);
                this.size--;
            }
        }
    }
    expire(now) {
        const horizon = now - this.bucketMs * BUCKETS;
        while (this.buckets.length && (this.buckets[0].start < horizon || this.size > this.maxEntries)) {
            this.size -= this.buckets.shift().ids.size;
        }
    }
}
//# sourceMappingURL=dedup.js.map