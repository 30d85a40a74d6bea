/**
 * Worker thread of the simulated-history back-fill (history.ts): runs the simulator's deterministic generator over
 * the history window one local day at a time and hands each day's events to the main thread as the warehouse's event
 * rows (a transferred buffer, no copy), so generating and inserting overlap on two cores. Chat messages are left out
 * of the history (see history.ts), except each chat's first agent message, without its text: it is when the chat was
 * answered. Customers get ids as identity merge would give them (events sharing an identity value share the id), so
 * the reports' first-contact resolution and repeat contacts have history. At most `credits` days wait
 * unacknowledged, so memory stays bounded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Simulation } from '../simulator/index.js';
import { SIMULATED_MAX_RAIN_MM_H, SIMULATED_UPLIFT_PER_10MM, simulatedRainMmH } from '../kits/sim/index.js';
import { eventRows } from '../warehouse/index.js';
import { redactEvent } from '../ingest/index.js';
/** Chats whose first agent message is stored (until they end): later messages are left out. */
const answered = new Set();
/**
 * Whether a metrics history keeps this event: chat transcripts are half the events and most of the bytes, so of a
 * chat's messages only the first agent message is kept, its text blanked.
 */
function kept(e) {
    const id = e.interaction_id ?? '';
    if (e.type === 'chat.ended')
        answered.delete(id);
    if (e.type !== 'chat.message')
        return true;
    if (e.payload?.role !== 'agent' || answered.has(id))
        return false;
    answered.add(id);
    e.payload = { ...e.payload, text: '' };
    return true;
}
/** Identity value (`kind:value`) → the customer id of its first event: a one-process identity merge. */
const customerOfIdentity = new Map();
function customerIdOf(e) {
    const values = Object.entries(e.customer ?? {})
        .filter(([, v]) => typeof v === 'string' && v !== '')
        .map(([k, v]) => `${k}:${v}`);
    if (values.length === 0)
        return '';
    const id = values.map((v) => customerOfIdentity.get(v)).find(Boolean) ?? `hist-${customerOfIdentity.size}`;
    for (const v of values)
        if (!customerOfIdentity.has(v))
            customerOfIdentity.set(v, id);
    return id;
}
const input = workerData;
let credits = input.credits;
let wake;
parentPort.on('message', () => {
    credits++;
    wake?.();
});
const sim = new Simulation({
    seed: input.seed,
    agents: input.agents,
    ratePerHour: input.rate,
    tenant: input.tenant,
    start: input.bounds[0],
    weather: input.weather
        ? {
            rainMmH: (ts) => simulatedRainMmH(ts),
            maxRainMmH: SIMULATED_MAX_RAIN_MM_H,
            upliftPer10mm: SIMULATED_UPLIFT_PER_10MM,
        }
        : undefined,
});
for (let i = 0; i + 1 < input.bounds.length; i++) {
    while (credits <= 0)
        await new Promise((r) => (wake = r));
    credits--;
    const stored = [];
    for (const e of sim.advanceTo(input.bounds[i + 1])) {
        if (!kept(e))
            continue;
        e.v = 1;
        e.payload ??= {};
        e.received_at = e.ts;
        e.customer_id = customerIdOf(e);
        if (input.redact)
            redactEvent(e);
        stored.push(e);
    }
    const rows = eventRows(stored);
    const copy = rows.buffer.slice(rows.byteOffset, rows.byteOffset + rows.byteLength);
    parentPort.postMessage({ index: i, events: stored.length, rows: copy }, [copy]);
}
//# sourceMappingURL=history-worker.js.map