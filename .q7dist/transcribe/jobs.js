/**
 * The transcription work queue on JetStream. A small consumer of the event stream turns every
 * voice.recording_available event into one job on a work-queue stream (RetentionPolicy.Workqueue: a job is
 * gone once acknowledged), which the workers' durable consumer drains. Names follow the topology's namespace
 * so tests never collide.
 */
import { AckPolicy, DeliverPolicy, RetentionPolicy, StorageType } from '@nats-io/jetstream';
const NS_PER_MS = 1_000_000;
export function transcribeNames(t) {
    // topologyNames() builds every name as `<namespace>_` + base; reuse that namespace.
    const low = t.prefix.slice(0, -'cx'.length);
    const up = t.eventStream.slice(0, -'CX_EVENTS'.length);
    return {
        jobStream: `${up}TRANSCRIBE_JOBS`,
        jobSubject: `${low}transcribe.job`,
        creatorConsumer: `${low}transcribe-jobs`,
        workerConsumer: `${low}transcribers`,
        readySubject: `${low}transcript.ready`,
        dlqSubject: `${t.dlqPrefix}.transcribe`,
        eventFilter: `${t.prefix}.*.voice.voice.recording_available`,
    };
}
async function upsert(exists, update, add) {
    try {
        await exists();
        await update();
    }
    catch (err) {
        if (/not found/.test(err.message ?? ''))
            await add();
        else
            throw err;
    }
}
export async function ensureJobQueue(jsm, t, n, o) {
    const stream = {
        name: n.jobStream,
        subjects: [`${n.jobSubject}.>`],
        retention: RetentionPolicy.Workqueue,
        storage: StorageType.File,
        num_replicas: o.replicas,
    };
    await upsert(() => jsm.streams.info(n.jobStream), () => jsm.streams.update(n.jobStream, stream), () => jsm.streams.add(stream));
    const worker = {
        durable_name: n.workerConsumer,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: o.ackWaitMs * NS_PER_MS,
        max_ack_pending: o.maxAckPending,
        max_deliver: -1,
    };
    await upsert(() => jsm.consumers.info(n.jobStream, n.workerConsumer), () => jsm.consumers.update(n.jobStream, n.workerConsumer, worker), () => jsm.consumers.add(n.jobStream, worker));
    const creator = {
        durable_name: n.creatorConsumer,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: n.eventFilter,
        ack_wait: 30_000 * NS_PER_MS,
        max_ack_pending: 256,
    };
    await upsert(() => jsm.consumers.info(t.eventStream, n.creatorConsumer), () => jsm.consumers.update(t.eventStream, n.creatorConsumer, creator), () => jsm.consumers.add(t.eventStream, creator));
}
/** The job for one recording_available event (the payload was validated at ingest). */
export function jobOf(e) {
    const p = e.payload;
    if (!e.interaction_id || typeof p.url !== 'string')
        return undefined;
    return {
        tenant: e.tenant,
        interaction_id: e.interaction_id,
        url: p.url,
        format: p.format,
        channels: p.channels,
        agent_channel: p.agent_channel,
        duration_ms: p.duration_ms,
        language: p.language,
        queue: e.queue,
        ts: e.ts,
    };
}
//# sourceMappingURL=jobs.js.map