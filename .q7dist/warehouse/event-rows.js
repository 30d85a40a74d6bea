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
];
const INSERT_OPTIONS = {
    columns: EVENT_COLUMNS,
    // ts and received_at are integer ms; payload objects are stored as their JSON text.
    settings: { input_format_json_read_objects_as_strings: 1, input_format_skip_unknown_fields: 1 },
};
const NEWLINE = Buffer.from('\n');
/** A message body's rows: the JSON array less its brackets (no copy). */
export function messageRows(body) {
    const b = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    const start = b.indexOf(0x5b); // [
    const end = b.lastIndexOf(0x5d); // ]
    return start === -1 || end <= start ? Buffer.alloc(0) : b.subarray(start + 1, end);
}
/** Rows for events held as objects (a redelivered message's remainder, tests, back-fills). */
export function eventRows(events) {
    return messageRows(Buffer.from(JSON.stringify(events)));
}
/**
 * Inserts runs of rows (from messageRows or eventRows) into the events table, or `table` of its shape.
 * With `dedupToken`, a retry of the same insert is idempotent: ClickHouse skips the blocks it already
 * stored under that token, in events and in each materialized view's target alike
 * (sql/migrations/0010_insert_dedup.sql), so a failure half-way through the views leaves no duplicates.
 */
export function insertEventRows(wh, runs, table = 'events', dedupToken) {
    const parts = runs.filter((r) => r.length > 0).flatMap((r, i) => (i ? [NEWLINE, r] : [r]));
    const options = dedupToken
        ? {
            ...INSERT_OPTIONS,
            settings: {
                ...INSERT_OPTIONS.settings,
                insert_deduplication_token: dedupToken,
                deduplicate_blocks_in_dependent_materialized_views: 1,
            },
        }
        : INSERT_OPTIONS;
    return wh.insertRaw(table, parts.length === 1 ? parts[0] : Buffer.concat(parts), options);
}
//# sourceMappingURL=event-rows.js.map