/**
 * Identity merge: the same customer across channels becomes one customer_id.
 *
 * Identities seen together on one event (or linked by identity.identify) belong
 * to one customer. The mapping lives in a NATS KV bucket, because ingest needs it
 * on the hot path before publishing (so every event on the stream, and every
 * consumer, sees the resolved customer_id), KV `create` settles races between
 * ingest instances, and it lives with the stream (no extra database to run).
 * ClickHouse gets the outcome: each event's customer_id, and merged_from on the
 * event that caused a merge (→ customer_aliases), so history queries stay exact.
 *
 * Keys: `<tenant>.id.<kind>.<digest>` → customer_id;
 *       `<tenant>.alias.<customer_id>` → the customer it was merged into.
 */
import { KvWatchInclude } from '@nats-io/kv';
import { digest, IDENTITY_KINDS, newId } from '../core/index.js';
/** Normalises an identity value so `+86 138-1234-5678` and `13812345678` are one phone. */
export function normalizeIdentity(kind, value) {
    const v = value.trim();
    if (kind === 'email')
        return v.toLowerCase();
    if (kind === 'phone') {
        const digits = v.replace(/[^\d]/g, '');
        return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
    }
    return v;
}
/** Raw identity → KV key, so a returning customer costs a map lookup instead of a SHA-256. */
const keyMemo = new Map();
const MAX_KEY_MEMO = 500_000;
export function identityKeys(e) {
    const keys = [];
    if (!e.customer)
        return keys;
    for (const kind of IDENTITY_KINDS) {
        const value = e.customer[kind];
        if (!value)
            continue;
        const raw = `${e.tenant}\u0000${kind}\u0000${value}`;
        let key = keyMemo.get(raw);
        if (key === undefined) {
            if (keyMemo.size >= MAX_KEY_MEMO)
                keyMemo.clear();
            key = `${e.tenant}.id.${kind}.${digest(normalizeIdentity(kind, value))}`;
            keyMemo.set(raw, key);
        }
        keys.push(key);
    }
    return keys;
}
const MAX_CACHE = 2_000_000;
const MAX_ROUNDS = 5;
export function createIdentityResolver(kv) {
    const ids = new Map();
    const aliases = new Map();
    const decoder = new TextDecoder();
    const fetchInto = async (map, keys) => {
        await Promise.all([...new Set(keys)].map(async (k) => {
            const entry = await kv.get(k);
            map.set(k, entry && entry.operation === 'PUT' ? decoder.decode(entry.value) : null);
        }));
    };
    /** Follows alias links to the surviving customer, using what prefetchAliases loaded. */
    const canonical = (tenant, start) => {
        let id = start;
        for (let hop = 0; hop < 32; hop++) {
            const next = aliases.get(`${tenant}.alias.${id}`);
            if (!next)
                return id;
            id = next;
        }
        return id;
    };
    /** Loads, concurrently, every alias link the batch's known customers may follow. */
    const prefetchAliases = async (events, keysOf) => {
        for (let hop = 0; hop < 32; hop++) {
            const missing = new Set();
            for (let i = 0; i < events.length; i++) {
                const e = events[i];
                for (const k of keysOf[i]) {
                    let id = ids.get(k);
                    while (id) {
                        const key = `${e.tenant}.alias.${id}`;
                        if (!aliases.has(key)) {
                            missing.add(key);
                            break;
                        }
                        id = aliases.get(key) ?? undefined;
                    }
                }
            }
            if (missing.size === 0)
                return;
            await fetchInto(aliases, missing);
        }
    };
    /** One in-memory pass over the batch: decides ids, returns the KV writes it needs. */
    const plan = (events, keysOf) => {
        const creates = new Map();
        const links = new Map();
        for (let i = 0; i < events.length; i++) {
            const e = events[i];
            const keys = keysOf[i];
            if (e.merged_from !== undefined)
                e.merged_from = undefined; // from an earlier round
            if (keys.length === 0)
                continue;
            // The customers these identities already belong to: nearly always none or one.
            const sorted = [];
            for (const k of keys) {
                const known = ids.get(k);
                const c = known && canonical(e.tenant, known);
                if (c && !sorted.includes(c))
                    sorted.push(c);
            }
            if (sorted.length > 1)
                sorted.sort();
            const id = sorted[0] ?? newId(e.ts);
            // A brand-new customer has no alias yet; remembering that saves a KV read later.
            if (!sorted.length)
                aliases.set(`${e.tenant}.alias.${id}`, null);
            for (const other of sorted.slice(1)) {
                const key = `${e.tenant}.alias.${other}`;
                aliases.set(key, id);
                links.set(key, id);
            }
            if (sorted.length > 1)
                e.merged_from = sorted.slice(1);
            for (const k of keys) {
                if (!ids.get(k)) {
                    ids.set(k, id);
                    creates.set(k, id);
                }
            }
            e.customer_id = id;
        }
        return { creates, links };
    };
    // An erased customer's keys are purged from the bucket (`mofang customer erase`): forget them here too, in every
    // ingest process, or a returning customer would get the erased id back from this cache.
    const deletions = kv.watch({ include: KvWatchInclude.UpdatesOnly });
    const following = deletions.then(async (watch) => {
        for await (const e of watch)
            if (e.operation !== 'PUT') {
                ids.delete(e.key);
                aliases.delete(e.key);
            }
    });
    following.catch(() => { }); // ends with the connection
    return {
        async close() {
            ;
            (await deletions).stop();
            await following.catch(() => { });
        },
        async resolve(events) {
            if (ids.size > MAX_CACHE)
                ids.clear();
            if (aliases.size > MAX_CACHE)
                aliases.clear();
            const keysOf = events.map(identityKeys);
            await fetchInto(ids, keysOf.flat().filter((k) => !ids.has(k)));
            for (let round = 0; round < MAX_ROUNDS; round++) {
                await prefetchAliases(events, keysOf);
                const { creates, links } = plan(events, keysOf);
                // Both kinds of write are create-only: an identity or an alias link, once written, is never
                // overwritten. A conflict means another ingest instance got there first (our cache was stale):
                // learn what it wrote and plan the batch again. Links always point to the smaller id, so the
                // alias graph stays a forest of decreasing chains whatever order instances write in.
                const idConflicts = [];
                const aliasConflicts = [];
                const createOnly = (map, conflicts) => ([k, id]) => kv.create(k, id).catch(() => {
                    map.delete(k);
                    conflicts.push(k);
                });
                await Promise.all([
                    ...[...creates].map(createOnly(ids, idConflicts)),
                    ...[...links].map(createOnly(aliases, aliasConflicts)),
                ]);
                if (idConflicts.length === 0 && aliasConflicts.length === 0)
                    return;
                await Promise.all([fetchInto(ids, idConflicts), fetchInto(aliases, aliasConflicts)]);
            }
            throw new Error('identity resolution did not settle: too many concurrent writers for the same identities');
        },
    };
}
//# sourceMappingURL=identity.js.map