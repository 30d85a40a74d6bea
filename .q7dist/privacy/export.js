/**
 * `mofang customer export`: everything Mofang holds about one customer, all their merged ids together, as one JSON
 * document (PIPL art. 45, GDPR art. 15 and 20): their events, interactions, call transcripts, QA results, flags and
 * reviews, merge records, identities and identity KV keys, and where their recordings are. Recorded in the audit
 * log (who exported whom, and how much).
 */
import { recordAudit } from '../warehouse/index.js';
import { CUSTOMER_TABLES, customerParams, selectSql } from './customer-tables.js';
import { UnknownCustomerError } from './errors.js';
import { footprint } from './footprint.js';
import { customerRecordings } from './recordings.js';
export async function exportCustomer(stores, tenant, customerId, opts) {
    const fp = await footprint(stores, tenant, customerId);
    const tables = {};
    for (const t of CUSTOMER_TABLES)
        tables[t.table] = await stores.warehouse.query(selectSql(t), customerParams(fp, t.exportFrom ?? t.table));
    const recordings = await customerRecordings(stores.warehouse, tenant, fp.interactions, opts.recordingsDir);
    const rows = Object.fromEntries(Object.entries(tables).map(([t, r]) => [t, r.length]));
    if (Object.values(rows).every((n) => n === 0) && fp.identityKeys.length === 0)
        throw new UnknownCustomerError(tenant, customerId);
    await recordAudit(stores.warehouse, {
        tenant,
        actor: opts.actor,
        action: 'customer.export',
        target: fp.customerId,
        detail: { rows, identity_keys: fp.identityKeys.length, recordings: recordings.length },
    });
    return {
        tenant,
        customer_id: fp.customerId,
        merged_ids: fp.ids.slice(1),
        exported_at: new Date().toISOString(),
        identities: fp.identities.map((i) => ({ kind: i.slice(0, i.indexOf(':')), value: i.slice(i.indexOf(':') + 1) })),
        identity_keys: fp.identityKeys,
        tables,
        recordings,
    };
}
//# sourceMappingURL=export.js.map