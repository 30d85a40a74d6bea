import { loadQuery } from './queries.js';
/** Follows alias links up to the surviving customer id. */
export async function canonicalCustomer(wh, tenant, customerId) {
    let id = customerId;
    for (let hop = 0; hop < 32; hop++) {
        const [row] = await wh.query(loadQuery('customer_canonical'), { tenant, id });
        if (!row || row.canonical === id)
            return id;
        id = row.canonical;
    }
    return id;
}
/** Every id that resolves to the canonical customer (the canonical id included). */
export async function customerIds(wh, tenant, customerId) {
    const root = await canonicalCustomer(wh, tenant, customerId);
    const all = new Set([root]);
    let frontier = [root];
    while (frontier.length) {
        const rows = await wh.query(loadQuery('customer_aliases_of'), { tenant, ids: frontier });
        frontier = rows.map((r) => r.alias).filter((a) => !all.has(a));
        frontier.forEach((a) => all.add(a));
    }
    return [...all];
}
/** One customer's whole cross-channel history, oldest first. */
export async function customerHistory(wh, tenant, customerId, limit = 10_000) {
    const ids = await customerIds(wh, tenant, customerId);
    const events = await wh.query(loadQuery('customer_history'), { tenant, ids, limit });
    return { customer_id: ids[0], merged_ids: ids.slice(1), channels: [...new Set(events.map((e) => e.channel))], events };
}
//# sourceMappingURL=customers.js.map