/**
 * Backpressure, never loss: when the sink or QA falls behind, the event stream absorbs and ingest keeps answering
 * 202; when the stream cannot take more without losing an event, ingest answers 503 with Retry-After, before it
 * publishes anything.
 *
 * How an event could be lost, and what stops each way:
 * - A byte limit with discard Old deletes the oldest events, acknowledged to the client but maybe not stored by the
 *   sink. So the event stream's limit (MOFANG_STREAM_MAX_BYTES) has discard New (bus/topology.ts): JetStream refuses
 *   a publish past it, which ingest answers 503, and this watch refuses earlier, when the last look saw less room
 *   than one batch, so a batch is refused whole rather than half published.
 * - A full stream with Limits retention frees space only as events pass max_age, days later. So past a high-water
 *   mark this watch trims what every durable consumer has acknowledged (purge below the lowest sequence one still
 *   needs): stored in the warehouse and processed by QA and routing. Only the live metrics' replay history shrinks.
 * - max_age deletes an event whether or not the sink stored it. Ingest cannot save events that are already old, but
 *   it refuses new ones once the sink's oldest unstored event is older than MOFANG_SINK_MAX_LAG_S (half the max age
 *   by default), well before max_age: a sink that is slow rather than stopped then catches up on a backlog that no
 *   longer grows, and /healthz says how old the backlog is long before anything can age out. A sink stopped for
 *   longer than the max age (7 days by default) still loses its oldest events; /healthz is degraded from the moment
 *   ingest refuses.
 *
 * The watch reads the stream and its durable consumers once a second (one request, plus one per lagging consumer
 * for the age of the first message it still needs); ingest's admission reads the last look and never waits on NATS.
 */
import type { ConsumerInfo, JetStreamManager } from '@nats-io/jetstream'

/** One durable consumer's lag behind the event stream. */
export interface ConsumerLag {
  name: string
  /** Messages not delivered yet. */
  pending: number
  /** Messages delivered and not acknowledged yet. */
  ackPending: number
  /** The first stream sequence it has not acknowledged; absent when it has nothing left to do. */
  needsFromSeq?: number
  /**
   * Age of the message at `needsFromSeq`, ms: the age of its oldest unacknowledged message, or more for a consumer
   * with a filter (the message there may be another subject's). Absent when nothing is left or that message is gone.
   */
  oldestAgeMs?: number
}

/** The event stream's fill and its durable consumers' lag, as last read. */
export interface StreamBacklog {
  bytes: number
  messages: number
  /** The stream's byte limit, bytes; -1 = none. */
  maxBytes: number
  firstSeq: number
  lastSeq: number
  consumers: ConsumerLag[]
}

export interface BacklogLimits {
  /** The warehouse sink's durable consumer: the events that must reach the warehouse. */
  sinkConsumer: string
  /** Most age of the sink's oldest unstored event before ingest refuses, ms (MOFANG_SINK_MAX_LAG_S). */
  sinkMaxLagMs: number
  /**
   * Room for one more batch, bytes: ingest refuses once the stream holds more than its limit less this. Default
   * the smaller of MOFANG_MAX_BODY_BYTES and a quarter of the limit (see `reserveFor`).
   */
  reserveBytes: number
  /** Share of the limit (less the reserve) from which acknowledged events are trimmed, 0-1. Default 0.8. */
  trimShare?: number
}

/** Room to keep for one batch of at most `maxBodyBytes` under a byte limit of `maxBytes` (-1 = none). */
export const reserveFor = (maxBytes: number, maxBodyBytes: number): number =>
  maxBytes > 0 ? Math.min(maxBodyBytes, Math.floor(maxBytes / 4)) : 0

const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1)

/** The durable consumer that holds the oldest event back, if any: the one whose work the stream waits for. */
export function slowestConsumer(b: StreamBacklog): ConsumerLag | undefined {
  let slowest: ConsumerLag | undefined
  for (const c of b.consumers)
    if (c.needsFromSeq !== undefined && (slowest === undefined || c.needsFromSeq < slowest.needsFromSeq!)) slowest = c
  return slowest
}

/** Why ingest must refuse new events now (answered 503), or undefined while the stream can take them. */
export function backlogProblem(b: StreamBacklog, limits: BacklogLimits): string | undefined {
  if (b.maxBytes > 0 && b.bytes > b.maxBytes - limits.reserveBytes) {
    const slowest = slowestConsumer(b)
    const held = slowest
      ? `; waiting for consumer ${slowest.name} (${slowest.pending + slowest.ackPending} behind)`
      : ''
    return `the event stream is full: ${mib(b.bytes)} of its ${mib(b.maxBytes)} MiB (MOFANG_STREAM_MAX_BYTES)${held}`
  }
  const sink = b.consumers.find((c) => c.name === limits.sinkConsumer)
  if (sink?.oldestAgeMs !== undefined && sink.oldestAgeMs > limits.sinkMaxLagMs)
    return `the warehouse sink is ${Math.round(sink.oldestAgeMs / 1000)} s behind (over MOFANG_SINK_MAX_LAG_S = ${Math.round(limits.sinkMaxLagMs / 1000)} s, ${sink.pending + sink.ackPending} messages): new events would risk ageing out of the stream unstored`
}

/**
 * The sequence below which every durable consumer has acknowledged everything, when the stream is past its
 * high-water mark and trimming there frees something; else undefined. Nothing is trimmed without the sink's
 * consumer: it is the one that says what the warehouse holds.
 */
export function trimBelow(b: StreamBacklog, limits: BacklogLimits): number | undefined {
  if (b.maxBytes <= 0 || b.bytes < (limits.trimShare ?? 0.8) * (b.maxBytes - limits.reserveBytes)) return undefined
  if (!b.consumers.some((c) => c.name === limits.sinkConsumer)) return undefined
  const floor = slowestConsumer(b)?.needsFromSeq ?? b.lastSeq + 1
  return floor > b.firstSeq ? floor : undefined
}

/** Each durable consumer's lag as Prometheus gauges. */
export function lagPrometheus(b: StreamBacklog): string {
  const lines = [
    '# TYPE mofang_stream_bytes gauge',
    `mofang_stream_bytes ${b.bytes}`,
    '# TYPE mofang_stream_max_bytes gauge',
    `mofang_stream_max_bytes ${b.maxBytes}`,
    '# TYPE mofang_stream_messages gauge',
    `mofang_stream_messages ${b.messages}`,
    '# TYPE mofang_consumer_pending gauge',
    '# TYPE mofang_consumer_ack_pending gauge',
    '# TYPE mofang_consumer_oldest_pending_seconds gauge',
  ]
  for (const c of b.consumers) {
    const label = `{consumer="${c.name}"}`
    lines.push(`mofang_consumer_pending${label} ${c.pending}`, `mofang_consumer_ack_pending${label} ${c.ackPending}`)
    lines.push(`mofang_consumer_oldest_pending_seconds${label} ${((c.oldestAgeMs ?? 0) / 1000).toFixed(3)}`)
  }
  return lines.join('\n')
}

/** A consumer's lag from its info; `ageOf` reads the age of a stream message, ms (undefined when it is gone). */
async function lagOf(
  info: ConsumerInfo,
  firstSeq: number,
  ageOf: (seq: number) => Promise<number | undefined>,
): Promise<ConsumerLag> {
  const lag: ConsumerLag = { name: info.name, pending: info.num_pending, ackPending: info.num_ack_pending }
  if (lag.pending + lag.ackPending === 0) return lag
  // With nothing awaiting an ack, what it needs starts after what it was delivered: a consumer created at a later
  // sequence has an ack floor of 0 until its first ack (nats-server 2.9), and a filtered one's floor lags behind.
  const next = lag.ackPending > 0 ? info.ack_floor.stream_seq + 1 : info.delivered.stream_seq + 1
  lag.needsFromSeq = Math.max(next, firstSeq)
  lag.oldestAgeMs = await ageOf(lag.needsFromSeq)
  return lag
}

export interface BacklogWatchOptions {
  jsm: JetStreamManager
  /** The event stream. */
  stream: string
  limits: BacklogLimits
  /** ms between looks. Default 1,000. */
  intervalMs?: number
  /** A look older than this is not acted on (NATS is down: the broker check answers), ms. Default 10,000. */
  staleMs?: number
  log?: (msg: string) => void
}

export interface BacklogWatch {
  /** Why ingest must refuse now, from the last look; undefined while the stream can take events or nothing is known. */
  problem(): string | undefined
  /** The last look, if any. */
  current(): StreamBacklog | undefined
  /** Looks now (and trims if past the high-water mark). */
  refresh(): Promise<StreamBacklog>
  prometheus(): string
  stop(): void
}

/** Reads the stream and its durable consumers every `intervalMs`, trimming what they all acknowledged when full. */
export function watchBacklog(opts: BacklogWatchOptions): BacklogWatch {
  const { jsm, stream, limits } = opts
  const intervalMs = opts.intervalMs ?? 1_000
  const staleMs = opts.staleMs ?? 10_000
  let last: { at: number; backlog: StreamBacklog } | undefined
  let timer: NodeJS.Timeout | undefined
  let stopped = false

  const ageOf = async (seq: number) => {
    const msg = await jsm.streams.getMessage(stream, { seq })
    return msg ? Math.max(0, Date.now() - msg.time.getTime()) : undefined
  }
  const read = async (): Promise<StreamBacklog> => {
    const info = await jsm.streams.info(stream)
    const durables: ConsumerInfo[] = []
    for await (const c of jsm.consumers.list(stream)) if (c.config.durable_name) durables.push(c)
    return {
      bytes: info.state.bytes,
      messages: info.state.messages,
      maxBytes: info.config.max_bytes,
      firstSeq: info.state.first_seq,
      lastSeq: info.state.last_seq,
      consumers: await Promise.all(durables.map((c) => lagOf(c, info.state.first_seq, ageOf))),
    }
  }
  const look = async () => {
    let backlog = await read()
    const below = trimBelow(backlog, limits)
    if (below !== undefined) {
      const { purged } = await jsm.streams.purge(stream, { seq: below })
      opts.log?.(
        `event stream at ${mib(backlog.bytes)} of ${mib(backlog.maxBytes)} MiB: trimmed ${purged} messages every durable consumer had acknowledged`,
      )
      backlog = await read()
    }
    last = { at: Date.now(), backlog }
    return backlog
  }
  // One look at a time: /healthz asking while the timer's look runs shares it (and trims once).
  let looking: Promise<StreamBacklog> | undefined
  const refresh = () => (looking ??= look().finally(() => (looking = undefined)))
  const tick = async () => {
    try {
      await refresh()
    } catch (err) {
      if (!stopped) opts.log?.(`backlog watch: ${(err as Error).message}`)
    }
    if (!stopped) timer = setTimeout(() => void tick(), intervalMs).unref()
  }
  void tick()

  const fresh = () => (last && Date.now() - last.at <= staleMs ? last.backlog : undefined)
  return {
    problem() {
      const backlog = fresh()
      return backlog ? backlogProblem(backlog, limits) : undefined
    },
    current: () => last?.backlog,
    refresh,
    prometheus: () => (last ? lagPrometheus(last.backlog) : ''),
    stop() {
      stopped = true
      clearTimeout(timer)
    },
  }
}
