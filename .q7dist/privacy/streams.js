/**
 * Reading JetStream as it stands, for the customer export and erase: every message of a stream (or of one subject
 * filter), the durable consumers that still have to read a message, and NATS subject matching. nats-server 2.9:
 * one filter subject per consumer.
 */
import { AckPolicy, DeliverPolicy, RetentionPolicy, } from '@nats-io/jetstream';
const NS_PER_S = 1_000_000_000;
/** Messages asked for per pull while reading a stream (two pulls may be in flight: under 32 MiB). */
const PULL_MESSAGES = 16;
/**
 * Visits every message of `stream` (only `filter`'s subjects when given) up to its last sequence at the call, in
 * order. A work-queue stream (one consumer per subject there) is read message by message instead of through a
 * consumer: those hold only the jobs not yet done.
 */
export async function readStream(js, jsm, stream, visit, filter) {
    const info = await jsm.streams.info(stream);
    const { first_seq: first, last_seq: last, messages } = info.state;
    if (messages === 0)
        return;
    if (info.config.retention === RetentionPolicy.Workqueue) {
        for (let seq = first; seq <= last; seq++) {
            const m = await jsm.streams.getMessage(stream, { seq });
            if (m && (!filter || subjectMatches(filter, m.subject)))
                await visit({ seq: m.seq, subject: m.subject, data: m.data, headers: m.header });
        }
        return;
    }
    // An ephemeral consumer of our own (not an ordered one): its info says at once how much there is to read.
    const reader = await jsm.consumers.add(stream, {
        ack_policy: AckPolicy.None,
        deliver_policy: DeliverPolicy.All,
        mem_storage: true,
        inactive_threshold: 60 * NS_PER_S,
        ...(filter ? { filter_subject: filter } : {}),
    });
    try {
        if (reader.num_pending === 0)
            return;
        // Small pulls: messages are up to 900 KiB, and the server drops what a client falls behind on past 64 MiB
        // (never delivered again without acks). Pulling by bytes instead waits out each pull's expiry: 30× slower.
        const iter = await (await js.consumers.get(stream, reader.name)).consume({ max_messages: PULL_MESSAGES });
        let read = 0;
        for await (const m of iter) {
            // The consumer numbers what it sends: a gap is a message that never arrived.
            if (m.info.deliverySequence !== ++read)
                throw new Error(`${stream}: message ${read} of this read never arrived (#${m.seq} came instead); try again`);
            await visit({ seq: m.seq, subject: m.subject, data: m.data, headers: m.headers });
            if (m.seq >= last || m.info.pending === 0)
                break;
        }
        await iter.close();
    }
    finally {
        await jsm.consumers.delete(stream, reader.name).catch(() => { });
    }
}
/** Whether a NATS subject filter (`*` one token, `>` the rest) matches a subject. */
export function subjectMatches(filter, subject) {
    const f = filter.split('.');
    const s = subject.split('.');
    for (let i = 0; i < f.length; i++) {
        if (f[i] === '>')
            return s.length > i;
        if (i >= s.length || (f[i] !== '*' && f[i] !== s[i]))
            return false;
    }
    return f.length === s.length;
}
/** The durable consumers of a stream that acknowledge what they read (the ones a message waits for). */
export async function durableReaders(jsm, stream) {
    const found = [];
    for await (const c of jsm.consumers.list(stream))
        if (c.config.durable_name && c.config.ack_policy !== AckPolicy.None)
            found.push(c);
    return found;
}
/** Whether a consumer reads `subject` (no filter: every subject of its stream). */
export const reads = (c, subject) => !c.config.filter_subject || subjectMatches(c.config.filter_subject, subject);
//# sourceMappingURL=streams.js.map