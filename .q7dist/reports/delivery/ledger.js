const encode = (v) => JSON.stringify(v);
/** The ledger in a NATS KV bucket (opened by the service: reportDeliveryService). */
export function kvLedger(kv) {
    const entry = async (key) => {
        const e = await kv.get(key);
        return e && e.operation === 'PUT' ? e : undefined;
    };
    return {
        async firstSeen(scheduleKey, now) {
            const key = `since.${scheduleKey}`;
            const known = await entry(key);
            if (known)
                return Number(known.string());
            try {
                await kv.create(key, String(now));
                return now;
            }
            catch (err) {
                // Another instance recorded it first: theirs stands.
                const theirs = await entry(key);
                if (theirs)
                    return Number(theirs.string());
                throw err;
            }
        },
        async get(key) {
            const e = await entry(`send.${key}`);
            return e ? { record: e.json(), revision: e.revision } : undefined;
        },
        async swap(key, record, revision) {
            const k = `send.${key}`;
            try {
                return revision === 0 ? await kv.create(k, encode(record)) : await kv.update(k, encode(record), revision);
            }
            catch (err) {
                // A conflict leaves another revision in place; anything else (no answer) is the store's fault.
                const now = await entry(k);
                if ((now?.revision ?? 0) !== revision)
                    return false;
                throw err;
            }
        },
    };
}
//# sourceMappingURL=ledger.js.map