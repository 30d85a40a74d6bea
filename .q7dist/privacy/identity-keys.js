import { readStream } from './streams.js';
const decoder = new TextDecoder();
/** The header of KV delete and purge markers. */
const KV_OPERATION = 'KV-Operation';
const kvStream = (bucket) => `KV_${bucket}`;
const kvPrefix = (bucket) => `$KV.${bucket}.`;
/** Every live entry of the bucket under `<tenant>.<part>.`: key → value. */
async function entries(stores, tenant, part) {
    const bucket = stores.topology.identityBucket;
    const found = new Map();
    await readStream(stores.js, stores.jsm, kvStream(bucket), (m) => {
        const key = m.subject.slice(kvPrefix(bucket).length);
        if (m.headers?.get(KV_OPERATION))
            found.delete(key);
        else
            found.set(key, decoder.decode(m.data));
    }, `${kvPrefix(bucket)}${tenant}.${part}.>`);
    return found;
}
/** The tenant's merges as KV holds them: absorbed id → the id it was merged into. */
export async function aliasLinks(stores, tenant) {
    const links = new Map();
    const prefix = `${tenant}.alias.`;
    for (const [key, into] of await entries(stores, tenant, 'alias'))
        links.set(key.slice(prefix.length), into);
    return links;
}
/** The keys of some customer ids: every identity that points at one, and their own alias links (from aliasLinks). */
export async function identityKeysOf(stores, tenant, ids, links) {
    const keys = [...(await entries(stores, tenant, 'id'))].filter(([, id]) => ids.has(id)).map(([key]) => key);
    return [...keys, ...[...ids].filter((id) => links.has(id)).map((id) => `${tenant}.alias.${id}`)].sort();
}
/** Removes keys with their history; returns how many messages went. */
export async function purgeIdentityKeys(stores, keys) {
    const bucket = stores.topology.identityBucket;
    let purged = 0;
    for (const key of keys)
        purged += (await stores.jsm.streams.purge(kvStream(bucket), { filter: `${kvPrefix(bucket)}${key}` })).purged;
    return purged;
}
//# sourceMappingURL=identity-keys.js.map