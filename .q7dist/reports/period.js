import { dateOf, dayOfDate, instantOf, isoDate, localDay, weekdayOf } from '../kits/time/index.js';
/** The longest custom range (`from`/`to`) per granularity: a 13-month report is monthly. */
export const MAX_BUCKETS = { daily: 92, weekly: 53, monthly: 13 };
/** The first day of the period of `granularity` holding `day`. */
export function periodStart(granularity, day) {
    if (granularity === 'daily')
        return day;
    if (granularity === 'weekly')
        return day - ((weekdayOf(day) + 6) % 7);
    const { year, month } = dateOf(day);
    return dayOfDate(year, month, 1);
}
/** The day after the period of `granularity` that starts on `start`. */
export function periodEnd(granularity, start) {
    if (granularity === 'daily')
        return start + 1;
    if (granularity === 'weekly')
        return start + 7;
    const { year, month } = dateOf(start);
    return month === 12 ? dayOfDate(year + 1, 1, 1) : dayOfDate(year, month + 1, 1);
}
/** The periods covering [first, last], each clipped to the range. */
export function bucketsOf(granularity, range) {
    const out = [];
    for (let s = periodStart(granularity, range.first); s <= range.last; s = periodEnd(granularity, s))
        out.push({ first: Math.max(s, range.first), last: Math.min(periodEnd(granularity, s) - 1, range.last) });
    return out;
}
/**
 * The span of a single period (the one holding `day`) or of the periods from `from` to `to`, with the range
 * before it to compare with. `today` clips the current range; the caller has checked that no day is after it.
 */
export function spanOf(granularity, today, days) {
    const single = 'day' in days;
    const first = periodStart(granularity, single ? days.day : days.first);
    const fullEnd = periodEnd(granularity, periodStart(granularity, single ? days.day : days.last)) - 1;
    const last = Math.min(fullEnd, today);
    const current = { first, last };
    const buckets = bucketsOf(granularity, current);
    // The same number of periods before: whole ones against whole ones (February against all of January), a period
    // to date against as many days of its counterpart.
    const previousBuckets = [];
    let s = first;
    for (const b of [...buckets].reverse()) {
        s = periodStart(granularity, s - 1);
        const whole = b.last === periodEnd(granularity, b.first) - 1;
        const end = periodEnd(granularity, s) - 1;
        previousBuckets.unshift({ first: s, last: whole ? end : Math.min(s + b.last - b.first, end) });
    }
    const previous = { first: previousBuckets[0].first, last: previousBuckets[previousBuckets.length - 1].last };
    const pointsAre = single ? 'daily' : granularity;
    return {
        granularity,
        current,
        previous,
        pointsAre,
        points: single ? bucketsOf('daily', current) : buckets,
        previousPoints: single ? bucketsOf('daily', previous) : previousBuckets,
        toDate: last === today,
    };
}
/** A day range as the contract's PeriodRange: local days and the ms instants of their midnights. */
export function periodRange(range, timeZone) {
    return {
        start: isoDate(range.first),
        end: isoDate(range.last),
        from_ms: instantOf(range.first, 0, timeZone),
        to_ms: instantOf(range.last + 1, 0, timeZone),
    };
}
/** The local day number of `YYYY-MM-DD`, or undefined when it is no calendar date. */
export function parseDay(value) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m)
        return undefined;
    const day = dayOfDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return isoDate(day) === value ? day : undefined;
}
export { instantOf, isoDate, localDay };
//# sourceMappingURL=period.js.map