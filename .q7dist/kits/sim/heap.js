/**
 * A binary min-heap of items keyed by time, ties broken by insertion order (which keeps
 * simulations deterministic when many things happen in the same millisecond): the event
 * queues of both simulators and the routing engine's timers.
 * Keys live in parallel arrays rather than wrapper objects: the simulator pushes and pops
 * every event through one of these, and wrappers were a large share of its garbage.
 */
export class TimeHeap {
    times = [];
    seqs = [];
    items = [];
    nextSeq = 0;
    get size() {
        return this.items.length;
    }
    /** Time of the earliest item; NaN when empty (check size first). */
    peekTime() {
        return this.items.length ? this.times[0] : NaN;
    }
    /** The earliest item, left in place (undefined when empty). */
    peek() {
        return this.items[0];
    }
    push(time, item) {
        const { times, seqs, items } = this;
        const seq = this.nextSeq++;
        let i = items.length;
        times.push(time);
        seqs.push(seq);
        items.push(item);
        while (i > 0) {
            const parent = (i - 1) >> 1;
            const pt = times[parent];
            if (pt < time || (pt === time && seqs[parent] < seq))
                break;
            times[i] = pt;
            seqs[i] = seqs[parent];
            items[i] = items[parent];
            i = parent;
        }
        times[i] = time;
        seqs[i] = seq;
        items[i] = item;
    }
    /** Removes and returns the earliest item (undefined when empty). */
    pop() {
        const { times, seqs, items } = this;
        const top = items[0];
        const n = items.length - 1;
        if (n <= 0) {
            times.length = seqs.length = items.length = 0;
            return top;
        }
        const time = times.pop(), seq = seqs.pop(), item = items.pop();
        let i = 0;
        for (;;) {
            let child = 2 * i + 1;
            if (child >= n)
                break;
            const r = child + 1;
            if (r < n && (times[r] < times[child] || (times[r] === times[child] && seqs[r] < seqs[child])))
                child = r;
            const ct = times[child];
            if (ct > time || (ct === time && seqs[child] > seq))
                break;
            times[i] = ct;
            seqs[i] = seqs[child];
            items[i] = items[child];
            i = child;
        }
        times[i] = time;
        seqs[i] = seq;
        items[i] = item;
        return top;
    }
}
//# sourceMappingURL=heap.js.map