/**
 * `mofang customer erase`: deletes everything Mofang holds about one customer, all their merged ids together (PIPL
 * art. 47, GDPR art. 17), and records that it did in the audit log. In this order, so that nothing is lost or comes
 * back:
 *  1. wait until the warehouse sink has written the event stream as it stands (the customer's footprint is read
 *     from the warehouse), then find the footprint, the stream copies and the recordings;
 *  2. wait until every durable consumer has acknowledged the messages holding the customer's data (QA, say, would
 *     otherwise store a score after the erase) — past `settleMs` nothing is deleted and the erase is refused;
 *  3. JetStream: publish the other customers' events of those messages again where safe, delete the messages with
 *     their bytes overwritten (stream-copies.ts);
 *  4. the warehouse: a lightweight DELETE per table (customer-tables.ts), then the parts rewritten without the rows
 *     (APPLY DELETED MASK), so the bytes leave the disk (ClickHouse removes the old parts within
 *     old_parts_lifetime, 8 minutes by default);
 *  5. the identity KV keys, purged with their history; the recording files under MOFANG_RECORDINGS_DIR;
 *  6. counts what is left in each table, and deletes again once what a late writer stored meanwhile.
 * Events accepted after the erase began are a new contact and are kept.
 */
import { recordAudit } from '../warehouse/index.js';
import { CUSTOMER_TABLES, customerParams, eraseSql, selectSql } from './customer-tables.js';
import { ErasureBlockedError, UnknownCustomerError } from './errors.js';
import { footprint } from './footprint.js';
import { customerRecordings, deleteRecordings } from './recordings.js';
import { eraseStreamCopies, findStreamCopies, untilRead } from './stream-copies.js';
import { purgeIdentityKeys } from './identity-keys.js';
export async function eraseCustomer(stores, tenant, customerId, opts) {
    const settleMs = opts.settleMs ?? 60_000;
    await untilSinkWrote(stores, settleMs);
    const fp = await footprint(stores, tenant, customerId);
    const rows = await countRows(stores, fp);
    const copies = await findStreamCopies(stores, fp);
    const recordings = await customerRecordings(stores.warehouse, tenant, fp.interactions, opts.recordingsDir);
    if (Object.values(rows).every((n) => n === 0) && !copies.length && !fp.identityKeys.length)
        throw new UnknownCustomerError(tenant, customerId);
    const held = recordings.filter((r) => r.path).length;
    const report = {
        tenant,
        customer_id: fp.customerId,
        merged_ids: fp.ids.slice(1),
        dry_run: Boolean(opts.dryRun),
        rows,
        remaining: rows,
        stream: foundInStreams(copies),
        identity_keys: fp.identityKeys.length,
        recordings: { deleted: held, held_elsewhere: recordings.length - held },
    };
    if (opts.dryRun)
        return report;
    await untilRead(stores, copies, settleMs);
    report.stream = await eraseStreamCopies(stores, copies);
    await deleteRows(stores, fp, tablesWithRows(rows), opts.cluster);
    await purgeIdentityKeys(stores, fp.identityKeys);
    report.recordings.deleted = await deleteRecordings(recordings);
    report.remaining = await countRows(stores, fp);
    const late = tablesWithRows(report.remaining);
    if (late.length) {
        await deleteRows(stores, fp, late, opts.cluster);
        report.remaining = await countRows(stores, fp);
    }
    await recordAudit(stores.warehouse, {
        tenant,
        actor: opts.actor,
        action: 'customer.erase',
        target: fp.customerId,
        detail: {
            merged_ids: fp.ids.length - 1,
            rows,
            stream: report.stream,
            identity_keys: report.identity_keys,
            recordings: report.recordings,
        },
    });
    return report;
}
/** The customer's rows per table. */
async function countRows(stores, fp) {
    const rows = {};
    for (const t of CUSTOMER_TABLES)
        rows[t.table] = (await stores.warehouse.query(selectSql(t), customerParams(fp, t.table))).length;
    return rows;
}
const tablesWithRows = (rows) => CUSTOMER_TABLES.filter((t) => rows[t.table] > 0);
async function deleteRows(stores, fp, tables, cluster) {
    const wh = stores.warehouse;
    for (const t of tables) {
        const target = cluster ? `${t.table}_local` : t.table;
        await wh.command(eraseSql(t, cluster), customerParams(fp, target));
        const on = cluster ? ` ON CLUSTER '${cluster}'` : '';
        await wh.command(`ALTER TABLE ${target}${on} APPLY DELETED MASK SETTINGS mutations_sync = 2`);
    }
}
/** What a dry run reports of the stream copies: what erasing them would delete. */
function foundInStreams(copies) {
    const out = { messages: {}, events: 0, republished: 0, notRepublished: 0 };
    for (const c of copies) {
        out.messages[c.stream] = (out.messages[c.stream] ?? 0) + 1;
        out.events += c.events;
    }
    return out;
}
/**
 * Waits until the warehouse sink has acknowledged the event stream up to its last message now, so the footprint
 * read from the warehouse is complete. No sink consumer yet: nothing was ever written, nothing to wait for.
 */
async function untilSinkWrote(stores, settleMs) {
    const { eventStream, sinkConsumer } = stores.topology;
    const last = (await stores.jsm.streams.info(eventStream)).state.last_seq;
    const deadline = Date.now() + settleMs;
    for (;;) {
        const sink = await stores.jsm.consumers.info(eventStream, sinkConsumer).catch(() => undefined);
        if (!sink || sink.ack_floor.stream_seq >= last || sink.num_pending + sink.num_ack_pending === 0)
            return;
        if (Date.now() >= deadline)
            throw new ErasureBlockedError(`the warehouse sink has written ${eventStream} up to #${sink.ack_floor.stream_seq} of #${last}; nothing ` +
                'was erased: try again once it has caught up (is Mofang running?)');
        await new Promise((r) => setTimeout(r, 250));
    }
}
//# sourceMappingURL=erase.js.map