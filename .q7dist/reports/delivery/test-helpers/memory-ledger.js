export function memoryLedger() {
    const since = new Map();
    const sends = new Map();
    let revisions = 0;
    const ledger = {
        sends,
        down: false,
        async firstSeen(key, now) {
            if (ledger.down)
                throw new Error('no responders available');
            if (!since.has(key))
                since.set(key, now);
            return since.get(key);
        },
        async get(key) {
            if (ledger.down)
                throw new Error('no responders available');
            const e = sends.get(key);
            return e && { record: structuredClone(e.record), revision: e.revision };
        },
        async swap(key, record, revision) {
            if (ledger.down)
                throw new Error('no responders available');
            if ((sends.get(key)?.revision ?? 0) !== revision)
                return false;
            sends.set(key, { record: structuredClone(record), revision: ++revisions });
            return revisions;
        },
    };
    return ledger;
}
//# sourceMappingURL=memory-ledger.js.map