/**
 * The delivery engine: on each tick it works out which sends are due, claims each in the durable record, renders
 * the attachments, sends, and records the outcome. Pure of clocks and timers (the service drives `tick(now)`), so
 * tests run days of schedule in a few calls.
 *
 * Guarantees, given the record (ledger.ts):
 * - **No send skipped by downtime.** Every send due since the schedule was first seen, and within the catch-up
 *   horizon (`maxAgeMs`, 7 days), goes out at the next tick: a start after a weekend down sends each missed daily
 *   report, once.
 * - **No send repeated by a restart.** A send is claimed (compare-and-set) before it starts and recorded as sent
 *   once the SMTP server accepts it; a later tick, or another instance, skips it. Stopping waits for a send in
 *   progress to be recorded.
 * - **At least once across a crash.** A process killed after the server accepted a message but before recording it
 *   leaves a claim; once that claim is older than `leaseMs` the send is tried again, with the same Message-ID, so
 *   the copy is recognisably the same message. A crash is the only way to get a second copy.
 * - **Failures are retried** with exponential backoff (1 min doubling to 30 min), whatever failed: rendering, the
 *   SMTP server refusing or unreachable, the record. Past the catch-up horizon a send is given up and recorded as
 *   expired. Nothing here throws into the caller: the system keeps running, and health() reports it.
 */
import { randomBytes } from 'node:crypto';
import { nextOccurrence, occurrencesBetween } from './calendar.js';
import { messageIdOf, reportMail } from './mail.js';
const DAY_MS = 86_400_000;
const iso = (ms) => new Date(ms).toISOString();
const reasonOf = (err) => (err instanceof Error ? err.message : String(err));
export function createDelivery(opts) {
    const { ledger, log = () => { } } = opts;
    const initialMs = opts.retry?.initialMs ?? 60_000;
    const maxMs = opts.retry?.maxMs ?? 1_800_000;
    const maxAgeMs = opts.maxAgeMs ?? 7 * DAY_MS;
    const leaseMs = opts.leaseMs ?? 600_000;
    const owner = opts.owner ?? randomBytes(6).toString('hex');
    /** Sends recorded as done (sent or expired): not read again. */
    const done = new Set();
    /** Sends that failed and wait, by key. */
    const pending = new Map();
    let lastSuccess = null;
    let lastFailure = null;
    let givenUp = 0;
    const backoff = (attempts) => Math.min(maxMs, initialMs * 2 ** (attempts - 1));
    const failed = (o, reason, now) => {
        const { id, tenant } = o.schedule;
        lastFailure = { at: iso(now), schedule: id, tenant, period_start: o.periodStart, reason };
    };
    /** What to do about one due send, given its record. */
    function decide(entry, now) {
        if (!entry)
            return 'attempt';
        const r = entry.record;
        if (r.state === 'sent' || r.state === 'expired')
            return 'done';
        if (r.state === 'retrying')
            return (r.next_attempt_at ?? 0) <= now ? 'attempt' : 'wait';
        return now - r.updated_at >= leaseMs ? 'attempt' : 'wait';
    }
    async function attempt(o, entry, now) {
        const attempts = (entry?.record.attempts ?? 0) + 1;
        const messageId = messageIdOf(o, opts.messageIdDomain);
        const claim = { state: 'sending', attempts, updated_at: now, owner, message_id: messageId };
        const revision = await ledger.swap(o.key, claim, entry?.revision ?? 0);
        if (revision === false)
            return; // another instance claimed it first
        let record;
        try {
            const files = new Map();
            for (const format of o.schedule.formats) {
                try {
                    files.set(format, await opts.render(o.schedule.tenant, o.schedule.period, o.periodStart, format, o.schedule.lang));
                }
                catch (err) {
                    throw new Error(`rendering the ${format.toUpperCase()}: ${reasonOf(err)}`, { cause: err });
                }
            }
            const result = await opts.send(reportMail(o, files, opts.messageIdDomain));
            record = { ...claim, state: 'sent', updated_at: now, accepted: result.accepted, rejected: result.rejected };
            pending.delete(o.key);
            done.add(o.key);
            const { id, tenant } = o.schedule;
            lastSuccess = {
                at: iso(now),
                schedule: id,
                tenant,
                period_start: o.periodStart,
                recipients: result.accepted.length,
            };
            log(`report delivery: ${o.key} sent to ${result.accepted.length} recipient(s) (attempt ${attempts})`);
            // The server took the message but refused some addresses: reported, not resent (the others have it).
            if (result.rejected.length)
                failed(o, `recipients refused: ${result.rejected.join(', ')}`, now);
        }
        catch (err) {
            const reason = reasonOf(err);
            const next = now + backoff(attempts);
            record = { ...claim, state: 'retrying', last_error: reason, next_attempt_at: next };
            pending.set(o.key, { occurrence: o, record });
            failed(o, reason, now);
            log(`report delivery: ${o.key} attempt ${attempts} failed (${reason}); next attempt at ${iso(next)}`);
        }
        await ledger.swap(o.key, record, revision);
    }
    /** Sends still failing when they left the catch-up horizon: recorded as expired, counted, logged. */
    async function expire(stillDue, now) {
        for (const [key, { occurrence, record }] of pending) {
            if (stillDue.has(key))
                continue;
            pending.delete(key);
            givenUp++;
            const entry = await ledger.get(key);
            if (entry && entry.record.state !== 'sent')
                await ledger.swap(key, { ...entry.record, state: 'expired', updated_at: now }, entry.revision);
            failed(occurrence, `given up after ${record.attempts} attempts: ${record.last_error}`, now);
            log(`report delivery: ${key} given up after ${record.attempts} attempts (older than the catch-up horizon)`);
        }
    }
    async function tickSchedule(schedule, now, stillDue) {
        const since = await ledger.firstSeen(`${schedule.tenant}.${schedule.id}`, now);
        for (const o of occurrencesBetween(schedule, Math.max(since, now - maxAgeMs), now)) {
            stillDue.add(o.key);
            if (done.has(o.key))
                continue;
            const entry = await ledger.get(o.key);
            const step = decide(entry, now);
            if (step === 'done')
                done.add(o.key);
            else if (step === 'attempt')
                await attempt(o, entry, now);
            else if (entry?.record.state === 'retrying')
                pending.set(o.key, { occurrence: o, record: entry.record });
        }
    }
    return {
        async tick(now) {
            const stillDue = new Set();
            let complete = true;
            for (const schedule of opts.schedules) {
                try {
                    await tickSchedule(schedule, now, stillDue);
                }
                catch (err) {
                    // The record cannot be read or written (NATS down): nothing is sent unrecorded; the next tick tries again.
                    complete = false;
                    const reason = `delivery record: ${reasonOf(err)}`;
                    lastFailure = { at: iso(now), schedule: schedule.id, tenant: schedule.tenant, period_start: '', reason };
                    log(`report delivery: ${schedule.tenant}/${schedule.id}: ${reason}`);
                }
            }
            // Only a tick that saw every schedule knows which sends left the horizon.
            if (complete)
                await expire(stillDue, now).catch((err) => log(`report delivery: recording an expired send: ${reasonOf(err)}`));
        },
        health(now) {
            const waits = [...pending.values()].map((p) => p.record.next_attempt_at ?? now);
            const dues = opts.schedules.map((s) => nextOccurrence(s, now).dueAt);
            const next = Math.min(...waits, ...dues);
            return {
                state: pending.size ? 'retrying' : 'idle',
                schedules: opts.schedules.length,
                last_success: lastSuccess,
                last_failure: lastFailure,
                next_attempt: Number.isFinite(next) ? iso(next) : null,
                pending: [...pending.values()].map(({ occurrence: o, record: r }) => ({
                    schedule: o.schedule.id,
                    tenant: o.schedule.tenant,
                    period_start: o.periodStart,
                    attempts: r.attempts,
                    next_attempt: iso(r.next_attempt_at ?? now),
                    last_error: r.last_error ?? '',
                })),
                given_up: givenUp,
            };
        },
    };
}
//# sourceMappingURL=delivery.js.map