/** The two ceilings bench:ingest prints beside its result, measured in the same run. */
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { newId, SCHEMA_VERSION } from '../core/index.js';
import { packEvents, publishMessages } from '../ingest/index.js';
import { ensureTopology, startLocalNats, topologyNames } from '../bus/index.js';
import { eventRows, insertEventRows, migrate, openWarehouse } from '../warehouse/index.js';
import { syntheticEvents } from './bench-util.js';
const SECONDS = 8;
const stored = (n, seed) => syntheticEvents('bench', n, seed).map((e) => ({
    ...e,
    v: SCHEMA_VERSION,
    event_id: newId(),
    payload: e.payload ?? {},
    received_at: Date.now(),
    customer_id: newId(),
}));
/** Events/s that one client can publish to JetStream with acks, packed as ingest packs them. */
export async function measureJetStreamCeiling(storeDir, batch) {
    const nats = await startLocalNats({ storeDir });
    const nc = await connect({ servers: nats.url });
    try {
        const t = topologyNames('ceiling');
        await ensureTopology(await jetstreamManager(nc), t, { replicas: 1, maxAgeHours: 1 });
        const js = jetstream(nc);
        const opts = { prefix: t.prefix };
        const batches = Array.from({ length: 16 }, (_, i) => packEvents(stored(batch, i), opts));
        let events = 0;
        const start = Date.now();
        const deadline = start + SECONDS * 1000;
        await Promise.all(Array.from({ length: 8 }, async (_, w) => {
            for (let i = w; Date.now() < deadline; i += 8) {
                const msgs = batches[i % batches.length].map((m) => ({
                    ...m,
                    events: m.events.map((e) => ({ ...e, event_id: newId() })),
                }));
                await publishMessages(js, msgs, opts);
                events += batch;
            }
        }));
        return events / ((Date.now() - start) / 1000);
    }
    finally {
        await nc.close();
        await nats.stop();
    }
}
/** Rows/s of event inserts into the events table as the sink makes them, in 30,000-row batches. */
export async function measureChdbInsertCeiling(chdbPath) {
    const wh = await openWarehouse({ chdbPath });
    try {
        await migrate(wh);
        const rows = 30_000;
        const body = eventRows(stored(rows, 1));
        let n = 0;
        const start = Date.now();
        while (Date.now() - start < SECONDS * 1000) {
            await insertEventRows(wh, [body]);
            n += rows;
        }
        return n / ((Date.now() - start) / 1000);
    }
    finally {
        await wh.close();
    }
}
//# sourceMappingURL=ceilings.js.map