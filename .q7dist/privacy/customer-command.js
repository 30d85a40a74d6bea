/**
 * `mofang customer export|erase`: through the running server when one owns the data directory (chDB allows one owner
 * process; the admin token of its lock file, like `mofang sql`), else on the stores directly: the warehouse, and
 * NATS_URL or the data directory's JetStream under a nats-server of our own for the time of the command.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { BadInputError, loadConfig } from '../core/index.js';
import { readLiveLock } from '../kits/cli/index.js';
import { connectNats, startLocalNats, topologyNames } from '../bus/index.js';
import { CLI_ADMIN, withWarehouse } from '../warehouse/index.js';
import { eraseCustomer } from './erase.js';
import { exportCustomer } from './export.js';
/**
 * Without a server nothing writes the stream's backlog into the warehouse, so waiting for it is pointless beyond a
 * few seconds: erase refuses at once and says why.
 */
const SETTLE_WITHOUT_SERVER_MS = 5_000;
async function viaServer(config, method, path) {
    const lock = config.clickhouseUrl ? undefined : readLiveLock(config.dataDir);
    if (!lock)
        return undefined;
    const res = await fetch(`${lock.url}${path}`, { method, headers: { authorization: `Bearer ${lock.adminToken}` } });
    const body = (await res.json());
    if (!res.ok)
        throw new BadInputError(body.reason ?? body.error ?? `server answered ${res.status}`);
    return body;
}
/** Opens the warehouse and JetStream for `fn`, and closes them (and a nats-server started here) after. */
async function withStores(config, namespace, fn) {
    const local = config.natsUrl
        ? undefined
        : await startLocalNats({ storeDir: join(resolve(config.dataDir), 'nats'), supervise: false });
    try {
        const nats = await connectNats({
            servers: config.natsUrl ?? local.url,
            user: config.natsUser,
            pass: config.natsPassword,
            token: config.natsToken,
            name: 'mofang-customer',
        });
        try {
            const [js, jsm] = [jetstream(nats.nc), await jetstreamManager(nats.nc)];
            const topology = topologyNames(namespace);
            return await withWarehouse(config, (warehouse) => fn({ warehouse, js, jsm, topology }));
        }
        finally {
            await nats.close();
        }
    }
    finally {
        await local?.stop();
    }
}
const query = (t, extra = '') => `/v1/admin/customers/${encodeURIComponent(t.id)}/${extra}?tenant=${encodeURIComponent(t.tenant)}`;
export async function runExport(t) {
    const config = loadConfig();
    const data = (await viaServer(config, 'GET', query(t, 'export'))) ??
        (await withStores(config, t.namespace, (stores) => exportCustomer(stores, t.tenant, t.id, { actor: CLI_ADMIN, recordingsDir: config.recordingsDir })));
    const json = JSON.stringify(data, null, 2);
    if (!t.output)
        return void console.log(json);
    // Personal data: readable by this user only.
    writeFileSync(t.output, json + '\n', { mode: 0o600 });
    const rows = Object.values(data.tables).reduce((n, r) => n + r.length, 0);
    console.error(`customer ${data.customer_id}: ${rows} rows, ${data.recordings.length} recordings → ${t.output}`);
}
export async function runErase(t) {
    const config = loadConfig();
    const report = (await viaServer(config, 'POST', query(t, 'erase') + (t.yes ? '' : '&dry_run=1'))) ??
        (await withStores(config, t.namespace, (stores) => eraseCustomer(stores, t.tenant, t.id, {
            actor: CLI_ADMIN,
            dryRun: !t.yes,
            settleMs: SETTLE_WITHOUT_SERVER_MS,
            recordingsDir: config.recordingsDir,
            cluster: config.clickhouseCluster,
        })));
    console.log(describeErasure(report));
    if (report.dry_run) {
        console.error('Nothing was erased: run again with --yes to erase.');
        return 2;
    }
    return Object.values(report.remaining).some((n) => n > 0) ? 1 : 0;
}
/** The report as lines for people. */
export function describeErasure(r) {
    const verb = r.dry_run ? 'would erase' : 'erased';
    const list = (counts) => Object.entries(counts)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'none';
    const s = r.stream;
    return [
        `${verb} customer ${r.customer_id}${r.merged_ids.length ? ` (merged: ${r.merged_ids.join(', ')})` : ''}, tenant ${r.tenant}`,
        `  warehouse rows: ${list(r.rows)}`,
        `  stream messages: ${list(s.messages)} (${s.events} of the customer's events` +
            (r.dry_run ? ')' : `; others republished ${s.republished}, left to the warehouse ${s.notRepublished})`),
        `  identity keys: ${r.identity_keys}`,
        `  recordings: ${r.recordings.deleted} files under MOFANG_RECORDINGS_DIR, ${r.recordings.held_elsewhere} held elsewhere`,
        ...(r.dry_run ? [] : [`  left afterwards: ${list(r.remaining)}`]),
    ].join('\n');
}
//# sourceMappingURL=customer-command.js.map