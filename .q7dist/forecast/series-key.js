/** Which forecast series a warehouse row belongs to: one per tenant, queue and channel. */
import { parseLocalTimestamp } from './series.js';
export const keyOf = (k) => `${k.tenant}\u0000${k.queue}\u0000${k.channel}`;
/**
 * Rows (local 15-minute times as the queries format them) grouped by series, each series' values oldest first.
 * A row whose time does not parse is left out.
 */
export function groupBySeries(rows, value) {
    const bySeries = new Map();
    for (const r of rows) {
        const t = parseLocalTimestamp(r.local_ts);
        if (typeof t === 'string')
            continue;
        const k = keyOf(r);
        let s = bySeries.get(k);
        if (!s)
            bySeries.set(k, (s = { key: { tenant: r.tenant, queue: r.queue, channel: r.channel }, values: [] }));
        s.values.push(value(r, t));
    }
    for (const s of bySeries.values())
        s.values.sort((a, b) => a.t - b.t);
    return [...bySeries.values()];
}
//# sourceMappingURL=series-key.js.map