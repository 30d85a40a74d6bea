/**
 * The transcription work queue on JetStream. A small consumer of the event stream turns every
 * voice.recording_available event into one job on a work-queue stream (RetentionPolicy.Workqueue: a job is
 * gone once acknowledged), which the workers' durable consumer drains. Names follow the topology's namespace
 * so tests never collide.
 */
import { AckPolicy, DeliverPolicy, RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream'
import type { StoredEvent } from '../core/index.js'
import type { Topology } from '../bus/index.js'
import type { TranscribeJob } from './types.js'

export interface TranscribeNames {
  jobStream: string
  /** Jobs go to `<jobSubject>.<tenant>`. */
  jobSubject: string
  /** Durable consumer of the event stream that creates jobs. */
  creatorConsumer: string
  /** Durable consumer of the job stream that the workers drain. */
  workerConsumer: string
  /** Core NATS subject (+ `.<tenant>`) on which stored transcripts are announced. */
  readySubject: string
  /** Dead-lettered jobs go to `<dlqSubject>.<tenant>` (inside the topology's DLQ stream). */
  dlqSubject: string
  /** Event stream filter for recording_available events. */
  eventFilter: string
}

const NS_PER_MS = 1_000_000

export function transcribeNames(t: Topology): TranscribeNames {
  // topologyNames() builds every name as `<namespace>_` + base; reuse that namespace.
  const low = t.prefix.slice(0, -'cx'.length)
  const up = t.eventStream.slice(0, -'CX_EVENTS'.length)
  return {
    jobStream: `${up}TRANSCRIBE_JOBS`,
    jobSubject: `${low}transcribe.job`,
    creatorConsumer: `${low}transcribe-jobs`,
    workerConsumer: `${low}transcribers`,
    readySubject: `${low}transcript.ready`,
    dlqSubject: `${t.dlqPrefix}.transcribe`,
    eventFilter: `${t.prefix}.*.voice.voice.recording_available`,
  }
}

export interface JobQueueOptions {
  replicas: number
  /** A job unacknowledged this long is redelivered (workers keep long jobs alive), ms. */
  ackWaitMs: number
  /** Most jobs handed out and not yet acknowledged. */
  maxAckPending: number
}

async function upsert(
  exists: () => Promise<unknown>,
  update: () => Promise<unknown>,
  add: () => Promise<unknown>,
): Promise<void> {
  try {
    await exists()
    await update()
  } catch (err) {
    if (/not found/.test((err as Error).message ?? '')) await add()
    else throw err
  }
}

export async function ensureJobQueue(
  jsm: JetStreamManager,
  t: Topology,
  n: TranscribeNames,
  o: JobQueueOptions,
): Promise<void> {
  const stream = {
    name: n.jobStream,
    subjects: [`${n.jobSubject}.>`],
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    num_replicas: o.replicas,
  }
  await upsert(
    () => jsm.streams.info(n.jobStream),
    () => jsm.streams.update(n.jobStream, stream),
    () => jsm.streams.add(stream),
  )
  const worker = {
    durable_name: n.workerConsumer,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ack_wait: o.ackWaitMs * NS_PER_MS,
    max_ack_pending: o.maxAckPending,
    max_deliver: -1,
  }
  await upsert(
    () => jsm.consumers.info(n.jobStream, n.workerConsumer),
    () => jsm.consumers.update(n.jobStream, n.workerConsumer, worker),
    () => jsm.consumers.add(n.jobStream, worker),
  )
  const creator = {
    durable_name: n.creatorConsumer,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    filter_subject: n.eventFilter,
    ack_wait: 30_000 * NS_PER_MS,
    max_ack_pending: 256,
  }
  await upsert(
    () => jsm.consumers.info(t.eventStream, n.creatorConsumer),
    () => jsm.consumers.update(t.eventStream, n.creatorConsumer, creator),
    () => jsm.consumers.add(t.eventStream, creator),
  )
}

/** The job for one recording_available event (the payload was validated at ingest). */
export function jobOf(e: StoredEvent): TranscribeJob | undefined {
  const p = e.payload as {
    url?: string
    format?: string
    channels?: number
    agent_channel?: number
    duration_ms?: number
    language?: string
  }
  if (!e.interaction_id || typeof p.url !== 'string') return undefined
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
  }
}
