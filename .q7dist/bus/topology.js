import { AckPolicy, DeliverPolicy, DiscardPolicy, RetentionPolicy, StorageType, } from '@nats-io/jetstream';
export function topologyNames(namespace = '') {
    const up = namespace ? `${namespace.toUpperCase()}_` : '';
    const low = namespace ? `${namespace.toLowerCase()}_` : '';
    return {
        prefix: `${low}cx`,
        eventStream: `${up}CX_EVENTS`,
        dlqStream: `${up}CX_DLQ`,
        dlqPrefix: `${low}dlq`,
        qaAlertStream: `${up}CX_QA_ALERTS`,
        identityBucket: `${low}identities`,
        wallBucket: `${low}walls`,
        channelBucket: `${low}channels`,
        sinkConsumer: `${low}warehouse-sink`,
        liveSubject: `${low}live.snapshot`,
        qaSubject: `${low}qa.result`,
        alertSubject: `${low}alert`,
        alarmSubject: `${low}alarm`,
    };
}
const NS_PER_S = 1_000_000_000;
async function ensureStream(jsm, config) {
    try {
        await jsm.streams.info(config.name);
        await jsm.streams.update(config.name, config);
    }
    catch (err) {
        if (err.message?.includes('stream not found'))
            await jsm.streams.add(config);
        else
            throw err;
    }
}
export async function ensureTopology(jsm, t, opts) {
    await ensureStream(jsm, {
        name: t.eventStream,
        subjects: [`${t.prefix}.>`],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        num_replicas: opts.replicas,
        max_age: opts.maxAgeHours * 3600 * NS_PER_S,
        duplicate_window: (opts.duplicateWindowSeconds ?? 120) * NS_PER_S,
        discard: DiscardPolicy.Old,
    });
    await ensureStream(jsm, {
        name: t.dlqStream,
        subjects: [`${t.dlqPrefix}.>`],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        num_replicas: opts.replicas,
        max_age: 30 * 24 * 3600 * NS_PER_S,
    });
    // QA results and alerts, replayed by the live metrics service at start (bus/qa-alerts.ts), and alarm changes (kept
    // for their consumers; the live service rebuilds its alarms from the warehouse). Core NATS subscribers of these
    // subjects still get every message.
    await ensureStream(jsm, {
        name: t.qaAlertStream,
        subjects: [`${t.qaSubject}.*`, `${t.alertSubject}.*`, `${t.alarmSubject}.*`],
        retention: RetentionPolicy.Limits,
        storage: StorageType.File,
        num_replicas: opts.replicas,
        max_age: (opts.qaAlertMaxAgeHours ?? 72) * 3600 * NS_PER_S,
        duplicate_window: 120 * NS_PER_S,
        discard: DiscardPolicy.Old,
    });
}
/** A durable pull consumer over the event stream, created or updated in place. */
export async function ensureConsumer(jsm, t, durable, opts = {}) {
    const config = {
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        filter_subject: opts.filter ?? `${t.prefix}.>`,
        max_ack_pending: opts.maxAckPending ?? 2_000,
        ack_wait: (opts.ackWaitMs ?? 60_000) * 1_000_000,
        max_deliver: opts.maxDeliver ?? -1,
    };
    try {
        await jsm.consumers.info(t.eventStream, durable);
        await jsm.consumers.update(t.eventStream, durable, config);
    }
    catch (err) {
        if (err.message?.includes('consumer not found'))
            await jsm.consumers.add(t.eventStream, config);
        else
            throw err;
    }
}
//# sourceMappingURL=topology.js.map