/**
 * What Mofang holds about one customer, found from any of their ids: every id they were known by (merges recorded in
 * the warehouse's customer_aliases and in the identity KV bucket, and ids on events that share one of their
 * identities), their identities, their interactions and their identity KV keys. Export and erase both start here.
 */
import { customerIds, loadQuery } from '../warehouse/index.js';
import { aliasLinks, identityKeysOf } from './identity-keys.js';
/** Rounds of following merges and shared identities; each round is a scan of the tenant's events. */
const MAX_ROUNDS = 8;
export async function footprint(stores, tenant, customerId) {
    const wh = stores.warehouse;
    const links = await aliasLinks(stores, tenant);
    const ids = new Set([customerId]);
    const identities = new Set();
    const merged = new Set();
    for (let round = 0; round < MAX_ROUNDS; round++) {
        const size = ids.size + identities.size;
        for (const id of [...ids].filter((x) => !merged.has(x))) {
            merged.add(id);
            for (const other of await customerIds(wh, tenant, id))
                ids.add(other);
        }
        for (const other of mergedWith(ids, links))
            ids.add(other);
        const params = { tenant, ids: [...ids] };
        for (const r of await wh.query(loadQuery('customer_identities'), params))
            identities.add(r.identity);
        const sharing = { tenant, identities: [...identities] };
        for (const r of await wh.query(loadQuery('customer_ids_sharing'), sharing))
            ids.add(r.customer_id);
        if (ids.size + identities.size === size)
            break;
    }
    const interactions = await wh.query(loadQuery('customer_interactions'), {
        tenant,
        ids: [...ids],
        identities: [...identities],
    });
    // Merge links always point to the smaller, older id (ingest/identity.ts): the smallest is the one that survives.
    const root = [...ids].sort()[0];
    return {
        tenant,
        customerId: root,
        ids: [root, ...[...ids].filter((id) => id !== root).sort()],
        identities: [...identities].sort(),
        interactions: interactions.map((r) => r.interaction_id).sort(),
        identityKeys: await identityKeysOf(stores, tenant, ids, links),
    };
}
/** The ids linked to `ids` by KV alias links, either way. */
function mergedWith(ids, links) {
    const found = new Set(ids);
    for (let grew = true; grew;) {
        grew = false;
        for (const [alias, into] of links)
            if (found.has(alias) !== found.has(into)) {
                found.add(alias).add(into);
                grew = true;
            }
    }
    return found;
}
//# sourceMappingURL=footprint.js.map