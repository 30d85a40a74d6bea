/**
 * The customer's copies in JetStream: the event stream and the dead letters (messages of events that mix customers:
 * ingest packs one request's events of one subject into one message), the QA results and alerts, and the pending
 * transcription jobs. Finding them, and erasing them: a message of events that also holds other customers' events
 * is published again without the customer's (first), then deleted with its bytes overwritten.
 *
 * Publishing again is safe only where nothing would process those other events twice. The warehouse sink checks a
 * message without ingest's packing headers against the event ids it stored (sink/warehouse-sink.ts, skipStored),
 * and the live metrics engine drops an event id it has seen; but QA scores an interaction again on each end event,
 * transcription makes a job of each recording_available, routing acts on each event of a routed tenant. So the
 * other events are published again only on subjects no durable consumer but the sink reads (chat.message,
 * voice.answered…); on the others (chat.ended, recording_available, every subject of a routed tenant) the message
 * goes whole. Nothing is lost there: erase first waits until every durable consumer reading such a message has
 * acknowledged it, so its events are stored in the warehouse and processed; only a later replay of the stream
 * (the wall rebuilding today after a restart) misses them. The report counts them.
 */
import { headers as natsHeaders } from '@nats-io/transport-node';
import { decodeEvents, encodeEvents, EVENTS_HEADER } from '../core/contracts/index.js';
import { transcribeNames } from '../transcribe/index.js';
import { ErasureBlockedError } from './errors.js';
import { durableReaders, readStream, reads } from './streams.js';
/** The streams that may hold a customer's data (the identity KV bucket is identity-keys.ts's). */
function customerStreams(stores) {
    const t = stores.topology;
    return [t.eventStream, t.dlqStream, t.qaAlertStream, transcribeNames(t).jobStream];
}
/** A regex finding any of `ids` as a whole id (not `chat-1` inside `chat-10`). */
function anyOf(ids) {
    if (!ids.length)
        return undefined;
    const escaped = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_-])`, 'u');
}
/** The `tenant` of a JSON object message (a QA result, an alert, a transcription job), if any. */
function tenantOf(text) {
    try {
        return JSON.parse(text).tenant;
    }
    catch {
        return undefined;
    }
}
/**
 * Tells the customer's events from others', and spots the customer in any other message: by one of their ids
 * (unique across tenants), or by one of their interaction ids in a message of their tenant (interaction ids are the
 * tenant's own: another tenant may have a `chat-1` too).
 */
export function customerMatcher(fp) {
    const ids = new Set(fp.ids);
    const identities = new Set(fp.identities);
    const interactions = new Set(fp.interactions);
    const [idRe, interactionRe] = [anyOf(fp.ids), anyOf(fp.interactions)];
    return {
        owns: (e) => e.tenant === fp.tenant &&
            ((e.customer_id !== undefined && ids.has(e.customer_id)) ||
                (e.merged_from ?? []).some((id) => ids.has(id)) ||
                (e.interaction_id !== undefined && interactions.has(e.interaction_id) && !e.type.startsWith('agent.')) ||
                Object.entries(e.customer ?? {}).some(([kind, value]) => identities.has(`${kind}:${value}`))),
        mentions: (m) => {
            const text = decoder.decode(m.data);
            if (idRe?.test(text))
                return true;
            const ours = m.subject.split('.').includes(fp.tenant) || tenantOf(text) === fp.tenant;
            return ours && Boolean(interactionRe?.test(text));
        },
    };
}
const decoder = new TextDecoder();
/** A message's events, or undefined when it is not a list of events. */
function eventsOf(data) {
    try {
        const events = decodeEvents(data);
        return events.every((e) => typeof e === 'object' && e !== null && 'event_id' in e) ? events : undefined;
    }
    catch {
        return undefined;
    }
}
/** Every message of the customer's in the streams that exist (a namespace without transcription has no job stream). */
export async function findStreamCopies(stores, fp) {
    const match = customerMatcher(fp);
    const existing = new Set();
    for await (const name of stores.jsm.streams.names())
        existing.add(name);
    const copies = [];
    const visit = (stream) => (m) => {
        const events = eventsOf(m.data);
        const copy = { stream, seq: m.seq, subject: m.subject, headers: m.headers };
        if (events) {
            const others = events.filter((e) => !match.owns(e));
            if (others.length < events.length)
                copies.push({ ...copy, events: events.length - others.length, others });
        }
        else if (match.mentions(m))
            copies.push({ ...copy, events: 0, others: [] });
    };
    for (const stream of customerStreams(stores).filter((s) => existing.has(s)))
        await readStream(stores.js, stores.jsm, stream, visit(stream), stream === stores.topology.eventStream ? `${stores.topology.prefix}.${fp.tenant}.>` : undefined);
    return copies;
}
async function readersOf(stores, copies) {
    const readers = new Map();
    for (const stream of new Set(copies.map((c) => c.stream)))
        readers.set(stream, await durableReaders(stores.jsm, stream));
    return readers;
}
/** The first durable consumer that reads a copy and has not acknowledged it yet, if any. */
const behind = (copies, readers) => {
    for (const c of copies)
        for (const r of readers.get(c.stream) ?? [])
            if (reads(r, c.subject) && r.ack_floor.stream_seq < c.seq)
                return { copy: c, reader: r };
    return undefined;
};
/**
 * Waits (up to `settleMs`) until every durable consumer that reads one of the copies has acknowledged it, so its
 * events are stored and processed before anything is deleted. Work queues (the transcription jobs) are not waited
 * for: a job waits there until a model exists; it is deleted, and a transcript stored meanwhile is erased by the
 * warehouse pass after.
 */
export async function untilRead(stores, copies, settleMs) {
    const jobs = transcribeNames(stores.topology).jobStream;
    const waited = copies.filter((c) => c.stream !== jobs);
    const deadline = Date.now() + settleMs;
    for (;;) {
        const late = behind(waited, await readersOf(stores, waited));
        if (!late)
            return;
        if (Date.now() >= deadline)
            throw new ErasureBlockedError(`consumer ${late.reader.name} has not yet acknowledged ${late.copy.stream} #${late.copy.seq}, which holds ` +
                `the customer's data (it has acknowledged up to #${late.reader.ack_floor.stream_seq}); nothing was erased: ` +
                'try again once it has caught up (is Mofang running?)');
        await new Promise((r) => setTimeout(r, 250));
    }
}
/** Publishes the other events of each copy again where that is safe (see the top), then deletes the copies. */
export async function eraseStreamCopies(stores, copies) {
    const readers = await readersOf(stores, copies);
    const sink = stores.topology.sinkConsumer;
    const out = { messages: {}, events: 0, republished: 0, notRepublished: 0 };
    for (const c of copies) {
        if (c.others.length) {
            const acting = (readers.get(c.stream) ?? []).filter((r) => r.name !== sink && reads(r, c.subject));
            if (acting.length)
                out.notRepublished += c.others.length;
            else {
                await stores.js.publish(c.subject, encodeEvents(c.others), {
                    headers: republishHeaders(c),
                    msgID: `erase:${c.stream}:${c.seq}`,
                });
                out.republished += c.others.length;
            }
        }
        await stores.jsm.streams.deleteMessage(c.stream, c.seq, true);
        out.messages[c.stream] = (out.messages[c.stream] ?? 0) + 1;
        out.events += c.events;
    }
    return out;
}
/**
 * The copy's headers less the message id (the new message is another) and ingest's packing count: without it the
 * sink decodes the message and skips the event ids it stored.
 */
function republishHeaders(c) {
    const h = natsHeaders();
    for (const [name, values] of c.headers ?? [])
        if (name !== EVENTS_HEADER && name !== 'Nats-Msg-Id')
            for (const v of values)
                h.append(name, v);
    h.set('Mofang-Rewritten-From', `${c.stream}#${c.seq}`);
    return h;
}
//# sourceMappingURL=stream-copies.js.map