/** The `transcripts` table (sql/migrations/0006): each state change is a row; the latest wins. */
import { redact } from '../kits/pii/index.js';
import { loadQuery } from '../warehouse/index.js';
/** Strictly increasing per process, so a later state always replaces an earlier one in the same ms. */
let lastStamp = 0;
const stamp = () => (lastStamp = Math.max(Date.now(), lastStamp + 1));
const base = (job) => ({
    tenant: job.tenant,
    interaction_id: job.interaction_id,
    recording_url: job.url,
    language: job.language ?? '',
    model: '',
    duration_ms: job.duration_ms ?? 0,
    channels: job.channels ?? 0,
    turns: '[]',
    audio: '',
    elapsed_ms: 0,
    error: '',
});
export async function markAwaiting(wh, job, reason) {
    await wh.insert('transcripts', [
        { ...base(job), status: 'awaiting', error: reason, attempts: 0, updated_at: stamp() },
    ]);
}
export async function markFailed(wh, job, reason, attempts) {
    await wh.insert('transcripts', [{ ...base(job), status: 'failed', error: reason, attempts, updated_at: stamp() }]);
}
/** The transcript with every turn's text PII-masked (same length): for the tenants in MOFANG_REDACT_TENANTS. */
export function redactTranscript(t) {
    return { ...t, turns: t.turns.map((turn) => ({ ...turn, text: redact(turn.text).text })) };
}
export async function storeTranscript(wh, job, t, attempts) {
    await wh.insert('transcripts', [
        {
            ...base(job),
            status: 'done',
            language: t.language,
            model: t.model,
            duration_ms: t.duration_ms,
            channels: t.channels,
            turns: JSON.stringify(t.turns),
            audio: JSON.stringify(t.audio),
            attempts,
            elapsed_ms: t.elapsed_ms,
            updated_at: stamp(),
        },
    ]);
}
/** The latest state of one call's transcript, or undefined. */
export async function getTranscript(wh, tenant, interactionId) {
    const rows = await wh.query(loadQuery('transcript_latest'), { tenant, id: interactionId });
    const r = rows[0];
    if (!r)
        return undefined;
    return {
        ...r,
        duration_ms: Number(r.duration_ms),
        channels: Number(r.channels),
        attempts: Number(r.attempts),
        elapsed_ms: Number(r.elapsed_ms),
        turns: JSON.parse(String(r.turns || '[]')),
        audio: r.audio ? JSON.parse(String(r.audio)) : null,
    };
}
/** Count of calls per latest status, for health. */
export async function statusCounts(wh, tenant) {
    // No tenant (or '') counts every tenant's calls, as before.
    const rows = await wh.query(loadQuery('transcript_status_counts'), {
        tenant: tenant || '',
    });
    const out = { awaiting: 0, done: 0, failed: 0 };
    for (const r of rows)
        out[r.status] = Number(r.n);
    return out;
}
//# sourceMappingURL=store.js.map