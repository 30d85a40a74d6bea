/**
 * The events table takes stored events as the stream carries them (ingest/publish.ts):
 * so the warehouse sink inserts message bodies without parsing or re-encoding them in JS
 * (at 30k events/s that decode/encode was a fifth of the ingest process's main thread).
 *
 * A message body is a JSON array of events; ClickHouse's JSONEachRow reads objects
 * separated by commas, so the body less its brackets is a run of rows, and runs from
 * several messages join with newlines. `payload` objects are read as their JSON text,
 * and a stored event's `customer` identities land in the ephemeral `customer` column
 * that fills `identities` (sql/migrations/0009_event_rows.sql).
 */
import type { StoredEvent } from '../core/index.js'
import type { RawInsertOptions, Warehouse } from './client.js'

/** The events table's columns that a stored event fills; `identities` defaults to `customer`. */
export const EVENT_COLUMNS = [
  'event_id',
  'tenant',
  'ts',
  'received_at',
  'v',
  'channel',
  'type',
  'interaction_id',
  'customer_id',
  'merged_from',
  'customer',
  'customer_name',
  'agent_id',
  'queue',
  'team',
  'site',
  'skills',
  'tags',
  'vip',
  'payload',
] as const

const INSERT_OPTIONS: RawInsertOptions = {
  columns: EVENT_COLUMNS,
  // ts and received_at are integer ms; payload objects are stored as their JSON text.
  settings: { input_format_json_read_objects_as_strings: 1, input_format_skip_unknown_fields: 1 },
}

const NEWLINE = Buffer.from('\n')

/** ClickHouse's default min_chunk_bytes_for_parallel_parsing. */
const PARALLEL_PARSING_MIN_BYTES = 10 * 2 ** 20

/** A message body's rows: the JSON array less its brackets (no copy). */
export function messageRows(body: Uint8Array): Buffer {
  const b = Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  const start = b.indexOf(0x5b) // [
  const end = b.lastIndexOf(0x5d) // ]
  return start === -1 || end <= start ? Buffer.alloc(0) : b.subarray(start + 1, end)
}

/** Rows for events held as objects (a redelivered message's remainder, tests, back-fills). */
export function eventRows(events: readonly StoredEvent[]): Buffer {
  return messageRows(Buffer.from(JSON.stringify(events)))
}

/**
 * Inserts runs of rows (from messageRows or eventRows) into the events table, or `table` of its shape.
 * With `dedupToken`, a retry of the same insert is idempotent: ClickHouse skips the blocks it already
 * stored under that token, in events and in each materialized view's target alike
 * (sql/migrations/0010_insert_dedup.sql), so a failure half-way through the views leaves no duplicates.
 */
export function insertEventRows(
  wh: Warehouse,
  runs: readonly Buffer[],
  table = 'events',
  dedupToken?: string,
): Promise<void> {
  const parts = runs.filter((r) => r.length > 0).flatMap((r, i) => (i ? [NEWLINE, r] : [r]))
  const body = parts.length === 1 ? parts[0] : Buffer.concat(parts)
  const settings = {
    ...INSERT_OPTIONS.settings,
    // ClickHouse parses an input in parallel by segments of min_chunk_bytes_for_parallel_parsing (10 MiB): a smaller
    // one is a single segment, and handing it between threads only costs. bench:ingest --with-services: the insert
    // threads went from ~30 % of a core to ~20 % and the events/s rose ~10 %.
    ...(body.length < PARALLEL_PARSING_MIN_BYTES ? { input_format_parallel_parsing: 0 } : {}),
    ...(dedupToken
      ? { insert_deduplication_token: dedupToken, deduplicate_blocks_in_dependent_materialized_views: 1 }
      : {}),
  }
  return wh.insertRaw(table, body, { ...INSERT_OPTIONS, settings })
}
