/**
 * JetStream topology, declared in code and applied idempotently at start:
 * the event stream, the dead-letter stream, the stream of QA results and
 * alerts, the identity KV bucket and the durable consumers. Only nats-server
 * 2.9 features (no subject transforms, no compression, no metadata).
 */
import type { Topology } from '../core/index.js'
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  RetentionPolicy,
  StorageType,
  type JetStreamManager,
  type StreamConfig,
  type ConsumerConfig,
} from '@nats-io/jetstream'

export type { Topology } from '../core/index.js'

export function topologyNames(namespace = ''): Topology {
  const up = namespace ? `${namespace.toUpperCase()}_` : ''
  const low = namespace ? `${namespace.toLowerCase()}_` : ''
  return {
    prefix: `${low}cx`,
    eventStream: `${up}CX_EVENTS`,
    dlqStream: `${up}CX_DLQ`,
    dlqPrefix: `${low}dlq`,
    qaAlertStream: `${up}CX_QA_ALERTS`,
    identityBucket: `${low}identities`,
    wallBucket: `${low}walls`,
    liveMembersBucket: `${low}live_members`,
    channelBucket: `${low}channels`,
    sinkConsumer: `${low}warehouse-sink`,
    liveSubject: `${low}live.snapshot`,
    qaSubject: `${low}qa.result`,
    alertSubject: `${low}alert`,
    alarmSubject: `${low}alarm`,
    conversationSubject: `${low}conversation`,
    ocrSubject: `${low}ocr.result`,
    incidentSubject: `${low}incident`,
    knowledgeBucket: `${low}knowledge`,
  }
}

export interface TopologyOptions {
  /** Stream replicas: 1 on one server, 3 on a cluster. */
  replicas: number
  /** How long the event stream keeps events, hours. */
  maxAgeHours: number
  /** JetStream's publish dedup window (Nats-Msg-Id), seconds. Default 120. */
  duplicateWindowSeconds?: number
  /**
   * How long the stream of QA results and alerts keeps them, hours. Default 72: the live metrics service replays up
   * to today and the 25 h before it (system/services.ts).
   */
  qaAlertMaxAgeHours?: number
  /**
   * Most bytes the event stream holds, bytes; -1 or absent = no limit. Past it JetStream refuses publishes (discard
   * New) and ingest answers 503 (ingest/admission-backlog.ts). Never applied below what the stream holds already.
   */
  maxBytes?: number
}

const NS_PER_S = 1_000_000_000

/**
 * Creates the stream, or updates it in place (its discard policy and limits included). A byte limit is never set
 * below what the stream holds: nats-server applies a lowered max_bytes by deleting the oldest messages at once,
 * whatever the discard policy (measured on 2.9.10), and those may be events a consumer has not had yet. The stream
 * then stays full until its consumers' acknowledged messages are trimmed (ingest/admission-backlog.ts).
 */
async function ensureStream(jsm: JetStreamManager, config: Partial<StreamConfig> & { name: string }): Promise<void> {
  let held: number
  try {
    held = (await jsm.streams.info(config.name)).state.bytes
  } catch (err) {
    if ((err as { message?: string }).message?.includes('stream not found')) return void (await jsm.streams.add(config))
    throw err
  }
  const limit = config.max_bytes
  await jsm.streams.update(config.name, limit && limit > 0 && held > limit ? { ...config, max_bytes: held } : config)
}

export async function ensureTopology(jsm: JetStreamManager, t: Topology, opts: TopologyOptions): Promise<void> {
  await ensureStream(jsm, {
    name: t.eventStream,
    subjects: [`${t.prefix}.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    num_replicas: opts.replicas,
    max_age: opts.maxAgeHours * 3600 * NS_PER_S,
    duplicate_window: (opts.duplicateWindowSeconds ?? 120) * NS_PER_S,
    // Discard New, never Old: at the byte limit JetStream refuses the publish (ingest answers 503) instead of
    // deleting the oldest events, which the sink may not have stored yet.
    max_bytes: opts.maxBytes ?? -1,
    discard: DiscardPolicy.New,
  })
  await ensureStream(jsm, {
    name: t.dlqStream,
    subjects: [`${t.dlqPrefix}.>`],
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    num_replicas: opts.replicas,
    max_age: 30 * 24 * 3600 * NS_PER_S,
  })
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
  })
}

/** A durable pull consumer over the event stream, created or updated in place. */
export async function ensureConsumer(
  jsm: JetStreamManager,
  t: Topology,
  durable: string,
  opts: { filter?: string; maxAckPending?: number; ackWaitMs?: number; maxDeliver?: number } = {},
): Promise<void> {
  const config: Partial<ConsumerConfig> = {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: opts.filter ?? `${t.prefix}.>`,
    max_ack_pending: opts.maxAckPending ?? 2_000,
    ack_wait: (opts.ackWaitMs ?? 60_000) * 1_000_000,
    max_deliver: opts.maxDeliver ?? -1,
  }
  try {
    await jsm.consumers.info(t.eventStream, durable)
    await jsm.consumers.update(t.eventStream, durable, config)
  } catch (err) {
    if ((err as { message?: string }).message?.includes('consumer not found'))
      await jsm.consumers.add(t.eventStream, config)
    else throw err
  }
}
