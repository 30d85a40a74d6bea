/**
 * ClickHouse error codes that mean "the server is unwell right now": timeouts, network, memory,
 * a read-only replica, a full disk, too many parts awaiting merges, Keeper trouble.
 */
const TRANSIENT_CODES = new Set([
    '3',
    '74',
    '75',
    '159',
    '160',
    '164',
    '198',
    '202',
    '209',
    '210',
    '241',
    '242',
    '243',
    '244',
    '252',
    '285',
    '319',
    '425',
    '999',
    '1000',
]);
/** ClickHouse error codes that mean "these rows are bad": parse, type and value errors. */
const DATA_CODES = new Set(['6', '26', '27', '38', '41', '53', '69', '70', '72', '117', '130', '131', '190', '386']);
/** Messages that mean a full disk or a lost connection whatever the code says. */
const TRANSIENT_TEXT = /No space left on device|ENOSPC|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|socket hang up|Timeout/i;
/** The refusal of an insert block for the shape of its data (too many day partitions at once). */
const SHAPE_TEXT = /Too many partitions for single INSERT block/i;
export function classifyInsertError(err) {
    // Over HTTP the code is the client error's `code`; chDB's raw insert puts it in `clickhouseCode`.
    const cause = err?.cause;
    const code = String(cause?.clickhouseCode ?? cause?.code ?? '');
    const text = `${err?.message ?? ''} ${cause?.message ?? ''}`;
    if (SHAPE_TEXT.test(text))
        return 'data';
    if (TRANSIENT_TEXT.test(text) || TRANSIENT_CODES.has(code))
        return 'transient';
    if (DATA_CODES.has(code))
        return 'data';
    // No ClickHouse code at all: the request never got an answer (network, a closed pool).
    if (!/^\d+$/.test(code))
        return 'transient';
    return 'unknown';
}
//# sourceMappingURL=insert-errors.js.map