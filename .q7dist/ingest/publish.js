/**
 * The stream's event messages, and publishing them to JetStream. Events are grouped
 * by subject and packed many to a message, as one JSON array, because one JetStream
 * publish per event tops out near 17k/s from one client (and one JSON.stringify of
 * an array is cheaper than one per event). Each message gets a Nats-Msg-Id derived
 * from its content, so an identical retry is dropped by JetStream's duplicate window
 * even when it lands on another ingest instance. The message format itself (body, headers) is
 * core/contracts/event-batch.ts, which the consumers decode with.
 */
import { JetStreamApiError } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import { digest, NatsUnavailableError, subjectOf } from '../core/index.js';
import { DAY_HEADER, encodeEvents, EVENTS_HEADER, utcDayOf } from '../core/contracts/index.js';
/**
 * Packs events into messages: one subject and one UTC day each, in first-appearance order, each under
 * the size limit. Packing is deterministic, so a client's identical retry makes identical messages.
 */
export function packEvents(events, opts) {
    const max = opts.maxMessageBytes ?? 900 * 1024;
    const groups = new Map();
    for (const e of events) {
        const subject = subjectOf(e, opts.prefix);
        const day = utcDayOf(e.ts);
        const key = `${day} ${subject}`;
        const group = groups.get(key);
        if (group)
            group.events.push(e);
        else
            groups.set(key, { subject, day, events: [e] });
    }
    const messages = [];
    // Over the limit (rare: a large batch of long texts on one subject), halve until each part fits.
    const pack = (subject, day, group) => {
        const body = encodeEvents(group);
        if (body.length <= max || group.length === 1)
            return void messages.push({ subject, day, events: group, body });
        const half = Math.ceil(group.length / 2);
        pack(subject, day, group.slice(0, half));
        pack(subject, day, group.slice(half));
    };
    for (const { subject, day, events: group } of groups.values())
        pack(subject, day, group);
    return messages;
}
/** JetStream's own refusal, or no JetStream to ask: the message was certainly not stored. */
function certainlyNotStored(err) {
    const text = `${err?.name ?? ''} ${err?.message ?? ''} ${err?.cause?.message ?? ''}`;
    return (err instanceof JetStreamApiError || /no responders|NoResponders|\b503\b|insufficient resources|maximum/i.test(text));
}
/**
 * Publishes messages concurrently and waits for every JetStream ack. An ack that times out is asked again by
 * republishing the same message (same Nats-Msg-Id: JetStream answers "duplicate" if it stored the first), so
 * a slow ack is not mistaken for a lost message. Returns the messages still not acknowledged, each saying
 * whether JetStream may hold it, with the first error.
 */
export async function publishMessages(js, messages, opts) {
    const failed = [];
    let firstError;
    const attempts = 1 + (opts.timeoutRetries ?? 2);
    await Promise.all(messages.map(async (m) => {
        const h = headers();
        h.set(EVENTS_HEADER, String(m.events.length));
        h.set(DAY_HEADER, String(m.day));
        for (let attempt = 1;; attempt++) {
            try {
                await js.publish(m.subject, m.body, { msgID: messageId(m), headers: h, timeout: opts.ackTimeoutMs ?? 5_000 });
                return;
            }
            catch (err) {
                const refused = certainlyNotStored(err);
                if (refused || attempt >= attempts) {
                    firstError ??= err;
                    failed.push({ message: m, maybeStored: !refused });
                    return;
                }
            }
        }
    }));
    if (failed.length === 0)
        return { failed };
    const error = new NatsUnavailableError(`JetStream did not acknowledge ${failed.length} of ${messages.length} messages: ${firstError?.message ?? firstError}`, firstError);
    return { failed, error };
}
/**
 * The message's Nats-Msg-Id: derived from its subject and event ids, so the same events packed the same way get the
 * same id.
 */
export const messageId = (m) => digest(m.subject + '\n' + m.events.map((e) => e.event_id).join(','), 32);
//# sourceMappingURL=publish.js.map