/**
 * `mofang start`'s first-run history: weeks of simulated traffic before today, so forecasts, staffing, a roster and
 * adherence appear at once. Posting millions of events through the ingest API would take minutes, so the days before
 * today take a faster path: the simulator's deterministic generator runs in a worker thread (history-worker.ts) and
 * each day's events go straight into ClickHouse as the warehouse sink's own event rows (insertEventRows), each day
 * under a dedup token, so a repeat of the same day (an interrupted start run again) stores nothing twice. Today still
 * goes through ingest (system/start.ts), so the live wall is complete.
 *
 * What the fast path leaves out: chat messages (transcripts: half the events, most of the bytes; the history is for
 * metrics), identity merge (customer_id stays empty) and the stream's consumers (QA scores no history: `mofang qa
 * backfill` scores a slice on demand; live metrics only keep today anyway).
 *
 * A marker in the data directory records the first back-fill; later starts fill only the gap since the last event.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { compiledSibling } from '../core/index.js';
import { Progress } from '../kits/cli/index.js';
import { insertEventRows, loadQuery } from '../warehouse/index.js';
export const HISTORY_MARKER = 'simulated-history.json';
export function readHistoryMarker(dataDir) {
    const path = join(dataDir, HISTORY_MARKER);
    if (!existsSync(path))
        return undefined;
    try {
        return JSON.parse(readFileSync(path, 'utf8'));
    }
    catch {
        return undefined; // unreadable: back-fill again (day tokens keep it from duplicating)
    }
}
/** The newest event of the tenant before `before` (ms), or undefined when there is none. */
export async function lastEventBefore(wh, tenant, before) {
    const [row] = await wh.query(loadQuery('events_last_ts'), {
        tenant,
        before_ms: before,
    });
    return row && Number(row.n) > 0 ? Number(row.last_ms) : undefined;
}
/** Generates and stores the history days, with a progress bar; writes the marker when done. */
export async function backfillHistory(opts) {
    const started = Date.now();
    const chunks = opts.days.length - 1;
    const input = {
        seed: opts.seed,
        agents: opts.agents,
        rate: opts.rate,
        tenant: opts.tenant,
        bounds: opts.days,
        weather: opts.weather,
        redact: opts.redact,
        credits: 2,
    };
    const progress = new Progress({ total: chunks, label: 'simulated history', unit: 'days' });
    const worker = new Worker(compiledSibling(import.meta.url, './history-worker.js'), { workerData: input });
    let events = 0;
    try {
        await new Promise((resolve, reject) => {
            let inserting = Promise.resolve();
            let done = 0;
            worker.on('error', reject);
            worker.on('exit', (code) => (code !== 0 ? reject(new Error(`history worker exited with ${code}`)) : undefined));
            worker.on('message', (chunk) => {
                inserting = inserting
                    .then(async () => {
                    const token = `sim-history/${opts.tenant}/${opts.seed}/${opts.days[chunk.index]}`;
                    await insertEventRows(opts.warehouse, [Buffer.from(chunk.rows)], 'events', token);
                    worker.postMessage('more');
                    events += chunk.events;
                    progress.tick(1, `${events.toLocaleString('en')} events`);
                    if (++done === chunks)
                        resolve();
                })
                    .catch(reject);
            });
        });
    }
    finally {
        await worker.terminate();
    }
    const seconds = Math.round((Date.now() - started) / 100) / 10;
    progress.finish(`${events.toLocaleString('en')} events in ${seconds} s`);
    const marker = {
        tenant: opts.tenant,
        from: new Date(opts.days[0]).toISOString(),
        to: new Date(opts.days[chunks]).toISOString(),
        days: chunks,
        events,
        seconds,
        written_at: new Date().toISOString(),
    };
    writeFileSync(join(opts.dataDir, HISTORY_MARKER), JSON.stringify(marker, null, 2) + '\n');
    return marker;
}
//# sourceMappingURL=history.js.map