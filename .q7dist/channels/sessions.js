import { digest } from '../core/index.js';
/** The interaction id of a conversation opened by `messageId` (exported for the demo simulator). */
export const sessionInteractionId = (tenant, platform, user, messageId) => `${platform}-${digest(`${tenant}\u0000${user}\u0000${messageId}`, 20)}`;
const keyOf = (tenant, platform, user) => `s.${tenant}.${platform}.${digest(user, 32)}`;
/** Most compare-and-set rounds before giving up (another process keeps winning the same key: not expected). */
const MAX_TRIES = 5;
export function createSessionLocator(kv, opts) {
    /** Per key, the lookup in flight: one customer's messages in one process are placed one after another. */
    const queue = new Map();
    async function locateOnce(tenant, platform, user, messageId, ts) {
        const key = keyOf(tenant, platform, user);
        for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
            const entry = await kv.get(key);
            const current = entry?.operation === 'PUT' ? entry.json() : undefined;
            const continues = current && ts - current.last < opts.idleMs;
            const next = continues
                ? { id: current.id, last: Math.max(current.last, ts) }
                : { id: sessionInteractionId(tenant, platform, user, messageId), last: ts };
            // A late message of an older conversation (ts before the open one's start) still goes to the open one: the
            // platform does not say which it belonged to, and it is rare.
            try {
                if (entry)
                    await kv.update(key, JSON.stringify(next), entry.revision);
                else
                    await kv.create(key, JSON.stringify(next));
                // Judged by the id, not by `continues`: a retry of the opening message (its first try stored the session
                // but not the events) starts the conversation again, and ingest's dedup absorbs what was already kept.
                return { interactionId: next.id, started: next.id === sessionInteractionId(tenant, platform, user, messageId) };
            }
            catch (err) {
                if (attempt === MAX_TRIES - 1)
                    throw err;
            }
        }
        throw new Error('unreachable');
    }
    return {
        locate(tenant, platform, user, messageId, ts) {
            const key = keyOf(tenant, platform, user);
            const prior = queue.get(key) ?? Promise.resolve();
            const mine = prior.then(() => locateOnce(tenant, platform, user, messageId, ts), () => locateOnce(tenant, platform, user, messageId, ts));
            queue.set(key, mine);
            void mine.finally(() => queue.get(key) === mine && queue.delete(key)).catch(() => { });
            return mine;
        },
    };
}
/** The adapters' small durable values (AdapterContext.state), in the same bucket. */
export function adapterState(kv, tenant, platform) {
    const keyOfState = (key) => `st.${tenant}.${platform}.${digest(key, 32)}`;
    return {
        async get(key) {
            const entry = await kv.get(keyOfState(key));
            return entry?.operation === 'PUT' ? entry.string() : undefined;
        },
        async put(key, value) {
            await kv.put(keyOfState(key), value);
        },
    };
}
//# sourceMappingURL=sessions.js.map