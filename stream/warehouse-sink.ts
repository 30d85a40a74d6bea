/**
 * The warehouse sink: a durable pull consumer that writes events into ClickHouse.
 *
 * One batched writer for the events table: flush at N rows or T ms, insert, and
 * only then ack the messages. A message packed by ingest (it carries the
 * `Mofang-Events` header) goes into the table as its bytes are
 * (warehouse/event-rows.ts): no decode or re-encode here. Batches are inserted strictly one after another, and
 * an insert that fails for a transient reason is retried (keeping the messages
 * alive with `working()`) rather than skipped, so nothing acknowledged is lost.
 *
 * Exactly once: a message redelivered after a crash may already be stored (the
 * sink died between insert and ack). For a redelivered message the sink asks
 * ClickHouse which of its event_ids are already there (a primary-key range read:
 * a message has one tenant, channel and type, and its events' time span) and
 * inserts only the rest.
 *
 * Poison: a message from another publisher that cannot be decoded, or whose rows
 * ClickHouse refuses as data, goes to the dead-letter stream with the reason, and is acked.
 */
import type { Consumer, JetStreamClient, JsMsg } from '@nats-io/jetstream'
import { headers as natsHeaders } from '@nats-io/transport-node'
import type { StoredEvent } from '../core/events.js'
import { Counters, dlq, drop, ok, type StepResult } from '../core/pipeline.js'
import type { Warehouse } from '../warehouse/client.js'
import { eventRows, insertEventRows, messageRows } from '../warehouse/event-rows.js'
import { decodeEvents, EVENTS_HEADER } from '../ingest/publish.js'
import type { Topology } from './topology.js'

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
}

export const SINK_DROPS = ['already_stored'] as const
export type SinkDrop = (typeof SINK_DROPS)[number]

interface Pending {
  msg: JsMsg
  /** The message's events as table rows (see warehouse/event-rows.ts). */
  rows: Buffer
  count: number
}

/** ClickHouse error codes that mean "this data is bad", not "the server is unwell". */
const DATA_ERROR_CODES = new Set(['6', '26', '27', '38', '41', '53', '69', '70', '72', '117', '130', '131', '190', '386', '1001'])
const isDataError = (err: unknown) => {
  // Over HTTP the code is the client error's `code`; chDB's raw insert puts it in `clickhouseCode`.
  const cause = (err as { cause?: { code?: string; clickhouseCode?: number } }).cause
  return DATA_ERROR_CODES.has(String(cause?.clickhouseCode ?? cause?.code ?? ''))
}

/** Step: message body → events. */
export function createDecodeStep() {
  return (msg: JsMsg): StepResult<StoredEvent[], never> => {
    try {
      const events = decodeEvents(msg.data)
      if (events.some((e) => typeof e?.tenant !== 'string' || typeof e?.event_id !== 'string' || typeof e?.ts !== 'number')) {
        return dlq('malformed_event', new Error('event without tenant, event_id or ts'))
      }
      return ok(events)
    } catch (err) {
      return dlq('undecodable', err)
    }
  }
}

/** Step: for a redelivered message, remove the events a previous delivery already stored. */
export function createSkipStoredStep(wh: Warehouse, table: string) {
  return async (msg: JsMsg, events: StoredEvent[]): Promise<StepResult<StoredEvent[], SinkDrop>> => {
    if (!msg.info.redelivered || events.length === 0) return ok(events)
    const ts = events.map((e) => e.ts)
    const stored = await wh.query<{ event_id: string }>(
      `SELECT event_id FROM ${table}
       WHERE tenant IN {tenants:Array(String)} AND channel IN {channels:Array(String)} AND type IN {types:Array(String)}
         AND ts BETWEEN fromUnixTimestamp64Milli({from:Int64}) AND fromUnixTimestamp64Milli({to:Int64})
         AND event_id IN {ids:Array(String)}`,
      {
        tenants: [...new Set(events.map((e) => e.tenant))],
        channels: [...new Set(events.map((e) => e.channel))],
        types: [...new Set(events.map((e) => e.type))],
        from: Math.min(...ts),
        to: Math.max(...ts),
        ids: events.map((e) => e.event_id),
      },
    )
    if (stored.length === 0) return ok(events)
    const have = new Set(stored.map((r) => r.event_id))
    const rest = events.filter((e) => !have.has(e.event_id))
    return rest.length ? ok(rest) : drop('already_stored')
  }
}

export interface WarehouseSink {
  /** Rows written since start. */
  readonly written: () => number
  readonly drops: Counters<SinkDrop>
  readonly deadLettered: () => number
  /** Stops pulling, flushes what was pulled, acks it, and resolves. */
  stop(): Promise<void>
}

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
  const consumer: Consumer = await js.consumers.get(topology.eventStream, topology.sinkConsumer)
  const decode = createDecodeStep()
  const skipStored = createSkipStoredStep(warehouse, table)
  const drops = new Counters<SinkDrop>('sink_drops', SINK_DROPS)
  let written = 0
  let deadLettered = 0
  let pending: Pending[] = []
  // Pulled but not yet acked, by stream sequence: a redelivery of one of these (the
  // writer was slow) must not be stored twice; its newest delivery is the one to ack.
  const inFlight = new Map<number, Pending>()
  const keepAlive = setInterval(() => inFlight.forEach((p) => p.msg.working()), (options.ackWaitMs ?? 30_000) / 3)
  let pendingRows = 0
  let timer: NodeJS.Timeout | undefined
  let chain: Promise<void> = Promise.resolve()
  let stopping = false

  const toDeadLetter = async (msg: JsMsg, reason: string, err: unknown) => {
    const h = natsHeaders()
    h.set('Mofang-Reason', reason)
    h.set('Mofang-Error', String((err as Error)?.message ?? err).slice(0, 1000))
    h.set('Mofang-Subject', msg.subject)
    h.set('Mofang-Stream-Seq', String(msg.seq))
    await js.publish(`${topology.dlqPrefix}.${reason}`, msg.data, { headers: h })
    msg.ack()
    deadLettered++
    log(`sink: message ${msg.seq} sent to the dead-letter stream: ${reason}: ${(err as Error)?.message ?? err}`)
  }

  const insertWithRetry = async (batch: Pending[]): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        await insertEventRows(warehouse, batch.map((p) => p.rows), table)
        return
      } catch (err) {
        if (isDataError(err)) throw err
        const wait = Math.min(10_000, 200 * 2 ** attempt)
        log(`sink: insert failed (${(err as Error).message}); retrying in ${wait} ms`)
        batch.forEach((p) => p.msg.working())
        await new Promise((r) => setTimeout(r, wait))
      }
    }
  }

  const write = async (batch: Pending[]) => {
    if (batch.length === 0) return
    try {
      await insertWithRetry(batch)
    } catch (err) {
      // A data error poisons the whole insert: isolate the bad message(s).
      for (const p of batch) {
        try {
          await insertWithRetry([p])
        } catch (e) {
          await toDeadLetter(p.msg, 'rejected_by_warehouse', e)
          p.count = 0
        }
      }
      log(`sink: batch rejected (${(err as Error).message}); stored message by message`)
    }
    for (const p of batch) {
      written += p.count
      if (p.count) p.msg.ack()
      inFlight.delete(p.msg.seq)
    }
  }

  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    const batch = pending
    pending = []
    pendingRows = 0
    chain = chain.then(() => write(batch)).catch((err) => log(`sink: flush failed: ${(err as Error).message}`))
    return chain
  }

  /** First delivery of an ingest-packed message: its bytes are the rows. */
  const packedByIngest = (msg: JsMsg): Pending | undefined => {
    const count = msg.info.redelivered ? NaN : Number(msg.headers?.get(EVENTS_HEADER) || NaN)
    return count > 0 ? { msg, rows: messageRows(msg.data), count } : undefined
  }

  /** Any other message: checked event by event, less what a previous delivery stored. */
  const decodeAndSkipStored = async (msg: JsMsg): Promise<Pending | undefined> => {
    const decoded = decode(msg)
    if (decoded.kind === 'dlq') return void (await toDeadLetter(msg, decoded.reason, decoded.error))
    if (decoded.kind !== 'ok') return
    const fresh = await skipStored(msg, decoded.value)
    if (fresh.kind === 'drop') {
      drops.add(fresh.reason)
      msg.ack()
      return
    }
    if (fresh.kind !== 'ok') return
    return { msg, rows: eventRows(fresh.value), count: fresh.value.length }
  }

  const handle = async (msg: JsMsg) => {
    const already = inFlight.get(msg.seq)
    if (already) {
      already.msg = msg
      return
    }
    const entry = packedByIngest(msg) ?? (await decodeAndSkipStored(msg))
    if (!entry) return
    inFlight.set(msg.seq, entry)
    pending.push(entry)
    pendingRows += entry.count
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
    async stop() {
      stopping = true
      await messages.close()
      await loop
      await flush()
      clearInterval(keepAlive)
    },
  }
}
