/**
 * The warehouse sink: a durable pull consumer that writes events into ClickHouse.
 *
 * One batched writer for the events table: flush at N rows or T ms, insert, and
 * only then ack the messages. A message packed by ingest (it carries the
 * `Mofang-Events` and `Mofang-Day` headers) goes into the table as its bytes are
 * (warehouse/event-rows.ts): no decode or re-encode here. Batches are inserted one after another.
 *
 * No batch can hold back the others. The events table is partitioned by day and ClickHouse refuses
 * an insert that spans over 100 partitions, so a batch is inserted in chunks of at most
 * MAX_DAYS_PER_INSERT days (a year of history in one batch is a few inserts, not a refusal).
 * A failure is classified (warehouse/insert-errors.ts): a transient one (the server is down, the
 * disk is full) is retried with backoff for as long as it lasts, keeping the messages alive with
 * `working()`, and shows in /healthz as the age of the oldest unwritten message; any other is
 * retried a few times, then the batch is written message by message and the message that still
 * fails goes to the dead-letter stream with the reason, while the rest are written and acked.
 * Every chunk carries an insert deduplication token, so a retry after a half-done insert (rows in
 * events, a materialized view's write failed) adds no duplicates. The token names the stream by its creation
 * time too: a new stream (a move to a NATS cluster, a recreated stream, another namespace) numbers its messages
 * from 1 again, and ClickHouse would drop its blocks as inserted before.
 *
 * Exactly once: a message redelivered after a crash may already be stored (the
 * sink died between insert and ack). For a redelivered message the sink asks
 * ClickHouse which of its event_ids are already there (a primary-key range read:
 * a message has one tenant, channel and type, and its events' time span) and
 * inserts only the rest. A nats-server killed outright forgets the consumer's last
 * acks and delivers those messages again as first deliveries: the sink remembers
 * the sequences it wrote, acks such a message again without writing it, and checks
 * any other message at or below the highest sequence it wrote.
 *
 * Poison: a message from another publisher that cannot be decoded, or whose rows
 * ClickHouse refuses as data, goes to the dead-letter stream with the reason, and is acked.
 */
import type { Consumer, JetStreamClient, JsMsg } from '@nats-io/jetstream'
import { headers as natsHeaders } from '@nats-io/transport-node'
import { Counters, digest, dlq, drop, ok, pipeline, type StoredEvent } from '../core/index.js'
import {
  classifyInsertError,
  eventRows,
  insertEventRows,
  loadQuery,
  messageRows,
  type Warehouse,
} from '../warehouse/index.js'
import { DAY_HEADER, decodeEvents, EVENTS_HEADER, utcDayOf } from '../core/contracts/index.js'
import type { Topology } from '../bus/index.js'

export interface SinkOptions {
  /** Flush when this many rows are pending. */
  batchRows: number
  /** …or this many ms after the first pending row. */
  flushMs: number
  /** Messages pulled ahead of the writer. Default 256. */
  pullAhead?: number
  /** Target table. Default 'events'. */
  table?: string
  /** The consumer's ack wait, ms: pending messages are kept alive well within it. Default 30,000. */
  ackWaitMs?: number
  /**
   * Attempts at an insert that fails for a reason neither transient nor the data's, before the batch is
   * written message by message and the message that still fails is dead-lettered. Default 3.
   */
  maxSuspectAttempts?: number
  /** Longest wait between retries of a transient failure, ms. Default 10,000. */
  maxBackoffMs?: number
}

export const SINK_DROPS = ['already_stored', 'written_before'] as const
export type SinkDrop = (typeof SINK_DROPS)[number]

/** Most distinct days (partitions of the events table) in one insert; ClickHouse refuses over 100 by default. */
export const MAX_DAYS_PER_INSERT = 50

/** One UTC day's rows of one message. */
interface DayRows {
  seq: number
  day: number
  /** As table rows (see warehouse/event-rows.ts). */
  rows: Buffer
  count: number
  written: boolean
}

interface Pending {
  msg: JsMsg
  parts: DayRows[]
  /** When this sink first pulled the message, ms since the epoch. */
  pulledAt: number
  deadLettered: boolean
}

/** The last insert failure, for /healthz. */
export interface SinkError {
  at: number
  kind: string
  message: string
}

/** Splits rows into inserts of at most `maxDays` distinct days each (batch order kept within each). */
export function chunkByDay<T extends { day: number }>(parts: readonly T[], maxDays = MAX_DAYS_PER_INSERT): T[][] {
  const days = [...new Set(parts.map((p) => p.day))].sort((a, b) => a - b)
  if (days.length <= maxDays) return parts.length ? [[...parts]] : []
  const chunkOf = new Map(days.map((d, i) => [d, Math.floor(i / maxDays)]))
  const chunks: T[][] = Array.from({ length: Math.ceil(days.length / maxDays) }, () => [])
  for (const p of parts) chunks[chunkOf.get(p.day)!].push(p)
  return chunks
}

function dayParts(seq: number, events: StoredEvent[]): DayRows[] {
  const byDay = new Map<number, StoredEvent[]>()
  for (const e of events) {
    const day = utcDayOf(e.ts)
    const list = byDay.get(day)
    if (list) list.push(e)
    else byDay.set(day, [e])
  }
  return [...byDay].map(([day, list]) => ({ seq, day, rows: eventRows(list), count: list.length, written: false }))
}

/** A message on its way into a batch: its rows by day when they are known, else its events to check. */
interface Intake {
  msg: JsMsg
  parts?: DayRows[]
  events?: StoredEvent[]
}

/**
 * What happens to each pulled message before it joins a batch, as named steps:
 * written_before → decode → skip_stored → day_rows. A drop (counted in `drops`) is acked; a dlq goes to the
 * dead-letter stream. A first delivery of an ingest-packed message, newer than any this sink wrote, is not
 * decoded (its bytes are the rows of one day) and needs no ClickHouse check: it passes every step synchronously.
 */
export function createIntake(deps: {
  warehouse: Warehouse
  table: string
  done: WrittenSequences
  drops?: Counters<SinkDrop>
}) {
  const { warehouse, table, done } = deps
  return pipeline<JsMsg, SinkDrop>('sink_intake', { drops: deps.drops })
    .step('written_before', (msg) => (done.has(msg.seq) ? drop('written_before') : ok(msg)))
    .step('decode', (msg) => {
      const packed = packedRows(msg, done.highest)
      if (packed) return ok<Intake>({ msg, parts: packed })
      try {
        const events = decodeEvents(msg.data)
        if (
          events.some(
            (e) => typeof e?.tenant !== 'string' || typeof e?.event_id !== 'string' || typeof e?.ts !== 'number',
          )
        ) {
          return dlq('malformed_event', new Error('event without tenant, event_id or ts'))
        }
        return ok<Intake>({ msg, events })
      } catch (err) {
        return dlq('undecodable', err)
      }
    })
    .step('skip_stored', (m) => (m.events?.length ? skipStored(warehouse, table, m.msg, m.events) : ok(m)))
    .step('day_rows', ({ msg, parts, events }) =>
      ok<Pending>({
        msg,
        parts: parts ?? dayParts(msg.seq, events ?? []),
        pulledAt: Date.now(),
        deadLettered: false,
      }),
    )
}

/** A first delivery of an ingest-packed message, newer than any this sink wrote: its bytes as the rows of its day. */
function packedRows(msg: JsMsg, highestWritten: number): DayRows[] | undefined {
  if (msg.info.redelivered || msg.seq <= highestWritten) return undefined
  const count = Number(msg.headers?.get(EVENTS_HEADER) || NaN)
  const day = Number(msg.headers?.get(DAY_HEADER) || NaN)
  if (!(count > 0) || !Number.isInteger(day)) return undefined
  return [{ seq: msg.seq, day, rows: messageRows(msg.data), count, written: false }]
}

/**
 * Any message not packed-and-new: its events less those a previous delivery (or an earlier copy, such as a message
 * replayed from the dead-letter stream) already stored.
 */
async function skipStored(wh: Warehouse, table: string, msg: JsMsg, events: StoredEvent[]) {
  const ts = events.map((e) => e.ts)
  const stored = await wh.query<{ event_id: string }>(loadQuery('stored_event_ids'), {
    table,
    tenants: [...new Set(events.map((e) => e.tenant))],
    channels: [...new Set(events.map((e) => e.channel))],
    types: [...new Set(events.map((e) => e.type))],
    from: Math.min(...ts),
    to: Math.max(...ts),
    ids: events.map((e) => e.event_id),
  })
  if (stored.length === 0) return ok<Intake>({ msg, events })
  const have = new Set(stored.map((r) => r.event_id))
  const rest = events.filter((e) => !have.has(e.event_id))
  return rest.length ? ok<Intake>({ msg, events: rest }) : drop('already_stored')
}

export interface SinkHealth {
  /** Age of the oldest message pulled but not yet written and acked, ms (0 when none). */
  oldestUnwrittenMs: number
  unwrittenMessages: number
  lastError?: SinkError
}

export interface WarehouseSink {
  /** Rows written since start. */
  readonly written: () => number
  readonly drops: Counters<SinkDrop>
  readonly deadLettered: () => number
  health(now?: number): SinkHealth
  /**
   * Stops pulling, writes and acks what was pulled, and resolves; after `deadlineMs` (default 15,000)
   * it gives up instead: what is not written stays unacked, and JetStream delivers it again later.
   */
  stop(deadlineMs?: number): Promise<void>
}

/**
 * The stream sequences this sink has written (or dead-lettered) and acked, the newest `capacity` of them, and
 * the highest: JetStream may deliver these again as first deliveries after its server was killed.
 */
export class WrittenSequences {
  private readonly seqs = new Set<number>()
  private readonly order: number[] = []
  private head = 0
  highest = 0
  constructor(private readonly capacity = 200_000) {}
  add(seq: number): void {
    if (this.seqs.has(seq)) return
    this.seqs.add(seq)
    this.order.push(seq)
    this.highest = Math.max(this.highest, seq)
    if (this.order.length - this.head > this.capacity) this.seqs.delete(this.order[this.head++])
    if (this.head > this.capacity) {
      this.order.splice(0, this.head)
      this.head = 0
    }
  }
  has(seq: number): boolean {
    return this.seqs.has(seq)
  }
}

/** The sink gave up an insert because the drain's deadline passed: nothing more is acked. */
class DrainDeadline extends Error {}

/** ClickHouse refused an insert for its data, or for a reason that outlasted the bounded retries. */
class InsertRefused extends Error {}

export async function startWarehouseSink(deps: {
  js: JetStreamClient
  warehouse: Warehouse
  topology: Topology
  options: SinkOptions
  log?: (msg: string) => void
}): Promise<WarehouseSink> {
  const { js, warehouse, topology, options } = deps
  const log = deps.log ?? (() => {})
  const table = options.table ?? 'events'
  const maxSuspect = options.maxSuspectAttempts ?? 3
  const maxBackoffMs = options.maxBackoffMs ?? 10_000
  const consumer: Consumer = await js.consumers.get(topology.eventStream, topology.sinkConsumer)
  // This incarnation of the stream: its sequences are unique only within it (see the insert token).
  const { created: streamCreated } = await (await js.streams.get(topology.eventStream)).info()
  const drops = new Counters<SinkDrop>('sink_drops', SINK_DROPS)
  let written = 0
  let deadLettered = 0
  let lastError: SinkError | undefined
  let pending: Pending[] = []
  // Pulled but not yet acked, by stream sequence: a redelivery of one of these (the
  // writer was slow) must not be stored twice; its newest delivery is the one to ack.
  const inFlight = new Map<number, Pending>()
  const done = new WrittenSequences()
  const intake = createIntake({ warehouse, table, done, drops })
  const keepAlive = setInterval(() => inFlight.forEach((p) => keepWorking(p.msg)), (options.ackWaitMs ?? 30_000) / 3)
  let pendingRows = 0
  let timer: NodeJS.Timeout | undefined
  let chain: Promise<void> = Promise.resolve()
  let stopping = false
  const abort = new AbortController()

  const toDeadLetter = async (msg: JsMsg, reason: string, err: unknown) => {
    const h = natsHeaders()
    h.set('Mofang-Reason', reason)
    // Header values are one line: ClickHouse's messages span several.
    h.set(
      'Mofang-Error',
      String((err as Error)?.message ?? err)
        .replace(/[\r\n]+/g, ' ')
        .slice(0, 1000),
    )
    h.set('Mofang-Subject', msg.subject)
    h.set('Mofang-Stream-Seq', String(msg.seq))
    await js.publish(`${topology.dlqPrefix}.${reason}`, msg.data, { headers: h })
    msg.ack()
    deadLettered++
    log(`sink: message ${msg.seq} sent to the dead-letter stream: ${reason}: ${(err as Error)?.message ?? err}`)
  }

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(resolve, ms)
      abort.signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true })
    })

  /** Inserts one chunk; retries transient failures until they pass (or the drain's deadline), others a few times. */
  const insertChunk = async (chunk: DayRows[], owners: Pending[]): Promise<void> => {
    // The same rows of the same messages give the same token, so a retry is idempotent (see event-rows.ts); another
    // stream's messages of the same sequences do not.
    const token = digest(
      `${table}|${topology.eventStream}@${streamCreated}|${chunk.map((p) => `${p.seq}:${p.day}:${p.count}`).join(',')}`,
      32,
    )
    for (let attempt = 0, suspect = 0; ; attempt++) {
      if (abort.signal.aborted) throw new DrainDeadline()
      try {
        await insertEventRows(
          warehouse,
          chunk.map((p) => p.rows),
          table,
          token,
        )
        chunk.forEach((p) => (p.written = true))
        lastError = undefined
        return
      } catch (err) {
        const kind = classifyInsertError(err)
        lastError = { at: Date.now(), kind, message: (err as Error).message }
        if (kind === 'data' || (kind === 'unknown' && ++suspect >= maxSuspect))
          throw new InsertRefused((err as Error).message, { cause: err })
        const wait = Math.min(maxBackoffMs, 200 * 2 ** Math.min(attempt, 10))
        log(`sink: insert failed (${kind}: ${(err as Error).message}); retrying in ${wait} ms`)
        owners.forEach((p) => keepWorking(p.msg))
        await pause(wait)
      }
    }
  }

  const insertAll = async (batch: Pending[]) => {
    const unwritten = batch.flatMap((p) => p.parts.filter((d) => !d.written))
    for (const chunk of chunkByDay(unwritten)) await insertChunk(chunk, batch)
  }

  /** Writing a batch, as a named step: a refusal is a dlq, its error the InsertRefused (a drain's deadline throws). */
  const writer = pipeline<Pending[]>('sink_write').step('insert', async (batch) => {
    try {
      await insertAll(batch)
      return ok(batch)
    } catch (err) {
      if (err instanceof DrainDeadline) throw err
      return dlq('rejected_by_warehouse', err)
    }
  })

  const write = async (batch: Pending[]) => {
    if (batch.length === 0) return
    try {
      const r = await writer.run(batch)
      if (r.kind === 'dlq') {
        // Refused: find the message(s) at fault, write the rest, and dead-letter those with the reason.
        if (batch.length > 1)
          log(
            `sink: a batch of ${batch.length} messages was refused (${(r.error as Error).message}); writing message by message`,
          )
        for (const p of batch) {
          const one = batch.length === 1 ? r : await writer.run([p])
          if (one.kind !== 'dlq') continue
          await toDeadLetter(p.msg, one.reason, (one.error as Error).cause ?? one.error)
          p.deadLettered = true
        }
      }
    } catch (err) {
      if (err instanceof DrainDeadline) return
      throw err
    }
    if (abort.signal.aborted) return
    for (const p of batch) {
      for (const d of p.parts) if (d.written) written += d.count
      if (!p.deadLettered) p.msg.ack()
      done.add(p.msg.seq)
      inFlight.delete(p.msg.seq)
    }
  }

  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    const batch = pending
    pending = []
    pendingRows = 0
    chain = chain
      .then(() => write(batch))
      .catch((err) => {
        // E.g. NATS down while dead-lettering: stop keeping these alive, so JetStream delivers them again.
        log(`sink: flush failed: ${(err as Error).message}`)
        batch.forEach((p) => inFlight.delete(p.msg.seq))
      })
    return chain
  }

  const handle = async (msg: JsMsg) => {
    const already = inFlight.get(msg.seq)
    if (already) {
      already.msg = msg
      return
    }
    const ran = intake.run(msg)
    const r = ran instanceof Promise ? await ran : ran
    if (r.kind === 'drop') return msg.ack()
    if (r.kind === 'dlq') return toDeadLetter(msg, r.reason, r.error)
    const entry = r.value
    inFlight.set(msg.seq, entry)
    pending.push(entry)
    for (const d of entry.parts) pendingRows += d.count
    if (pendingRows >= options.batchRows) await flush()
    else timer ??= setTimeout(flush, options.flushMs)
  }

  // Short-lived pull requests: after a crash the server keeps routing redeliveries to the
  // dead process's open requests until they expire, so this bounds the recovery time.
  const messages = await consumer.consume({ max_messages: options.pullAhead ?? 256, expires: 5_000 })
  const loop = (async () => {
    for await (const msg of messages) {
      if (stopping) break
      try {
        await handle(msg)
      } catch (err) {
        // ClickHouse unreachable for the redelivery check: let JetStream redeliver later.
        log(`sink: message ${msg.seq} deferred: ${(err as Error).message}`)
        msg.nak(1_000)
      }
    }
  })()

  return {
    written: () => written,
    deadLettered: () => deadLettered,
    drops,
    health(now = Date.now()) {
      let oldest = now
      for (const p of inFlight.values()) oldest = Math.min(oldest, p.pulledAt)
      return { oldestUnwrittenMs: now - oldest, unwrittenMessages: inFlight.size, lastError }
    },
    async stop(deadlineMs = 15_000) {
      stopping = true
      const drained = (async () => {
        await messages.close().catch(() => {})
        await loop
        await flush()
      })()
      let deadline: NodeJS.Timeout | undefined
      const inTime = await Promise.race([
        drained.then(() => true),
        new Promise<false>((r) => (deadline = setTimeout(() => r(false), deadlineMs))),
      ])
      clearTimeout(deadline)
      clearInterval(keepAlive)
      if (!inTime) {
        abort.abort()
        log(
          `sink: not drained within ${deadlineMs} ms; ${inFlight.size} unwritten messages stay unacked for redelivery`,
        )
      }
    },
  }
}

/** Tells JetStream a message is still being worked on; a closed connection just lets it be redelivered. */
function keepWorking(msg: JsMsg): void {
  try {
    msg.working()
  } catch {
    // nothing to do: the message is redelivered once the connection is back
  }
}
