/**
 * Time series of arrival counts on a regular intraday grid.
 *
 * Timestamps are local wall-clock times (no zone). We map them to "local minutes"
 * through Date.UTC so that arithmetic never meets a DST jump: a contact centre's
 * 09:00 is 09:00 whatever the offset that day.
 */
/** Interval lengths we forecast at, in minutes. */
export const INTERVALS = [5, 15, 30];
const MINUTES_PER_DAY = 1440;
const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
/** Parses `YYYY-MM-DD[THH:MM[:SS]]` to local minutes, or returns an error string (bad data is a value). */
export function parseLocalTimestamp(text) {
    const m = LOCAL_ISO.exec(text.trim());
    if (!m)
        return `timestamp "${text}" is not a local ISO time like 2024-05-06T09:15:00 (no zone suffix)`;
    const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((x) => x ?? undefined);
    const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
    const back = new Date(ms);
    if (back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) {
        return `timestamp "${text}" is not a valid date and time`;
    }
    return Math.floor(ms / 60_000);
}
/** Formats local minutes as `YYYY-MM-DDTHH:MM:SS`. */
export function formatLocal(t) {
    return new Date(t * 60_000).toISOString().slice(0, 19);
}
/** Day number (days since 1970-01-01) of local minutes. */
export const dayOf = (t) => Math.floor(t / MINUTES_PER_DAY);
/** Minute of the day, 0..1439. */
export const minuteOfDay = (t) => t - dayOf(t) * MINUTES_PER_DAY;
/** Weekday of a day number, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (day) => (((day + 4) % 7) + 7) % 7;
/** Formats a day number as `YYYY-MM-DD`. */
export const formatDay = (day) => formatLocal(day * MINUTES_PER_DAY).slice(0, 10);
export const slotsPerDay = (interval) => MINUTES_PER_DAY / interval;
/**
 * The interval of a series: the most common gap between consecutive timestamps.
 * Gaps across closed hours are long and rare, so the mode is the sampling interval.
 */
export function detectInterval(points) {
    const gaps = new Map();
    for (let i = 1; i < points.length; i++) {
        const g = points[i].t - points[i - 1].t;
        gaps.set(g, (gaps.get(g) ?? 0) + 1);
    }
    let best = 0;
    let bestCount = 0;
    for (const [g, c] of gaps)
        if (c > bestCount || (c === bestCount && g < best))
            [best, bestCount] = [g, c];
    if (best === 0)
        return 'need at least two timestamps to detect the interval';
    if (!INTERVALS.includes(best))
        return `interval of ${best} minutes is not supported (use 5, 15 or 30)`;
    return best;
}
/** Groups sorted, de-duplicated points into day rows. */
export function toHistory(points, interval) {
    const slots = slotsPerDay(interval);
    const days = [];
    let row;
    for (const p of points) {
        const day = dayOf(p.t);
        if (!row || row.day !== day) {
            row = { day, weekday: weekdayOf(day), values: new Float64Array(slots).fill(NaN) };
            days.push(row);
        }
        row.values[Math.floor(minuteOfDay(p.t) / interval)] = p.count;
    }
    return { interval, slots, days };
}
/** Sum of a day's open slots. */
export function dayTotal(values) {
    let s = 0;
    for (const v of values)
        if (v === v)
            s += v;
    return s;
}
//# sourceMappingURL=series.js.map