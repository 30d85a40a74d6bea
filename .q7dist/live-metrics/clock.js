/**
 * "Today" and the interval grid in a named time zone, without a date library:
 * the offset comes from kits/time, cached per quarter hour.
 */
import { zoneOffsetMinutes } from '../kits/time/index.js';
// Offsets only change on the hour or half hour somewhere; caching per zone and quarter hour keeps Intl off the hot
// path.
const offsetCache = new Map();
const QUARTER_HOUR = 900_000;
/** Offset of local time from UTC at instant `ts`, ms (e.g. +8 h for Asia/Shanghai). */
export function utcOffsetMs(ts, timeZone) {
    const key = `${timeZone}|${Math.floor(ts / QUARTER_HOUR)}`;
    let offset = offsetCache.get(key);
    if (offset === undefined) {
        if (offsetCache.size > 10_000)
            offsetCache.clear();
        offset = zoneOffsetMinutes(ts, timeZone) * 60_000;
        offsetCache.set(key, offset);
    }
    return offset;
}
const DAY = 86_400_000;
/**
 * Local midnight at or before `ts` (exact except on the day a DST change happens, where it may be off by the shift).
 */
export function dayStartOf(ts, timeZone) {
    const offset = utcOffsetMs(ts, timeZone);
    return Math.floor((ts + offset) / DAY) * DAY - offset;
}
/** Local calendar date of `ts`, YYYY-MM-DD. */
export function localDate(ts, timeZone) {
    return new Date(ts + utcOffsetMs(ts, timeZone)).toISOString().slice(0, 10);
}
/** Start of the interval of `stepMs` (aligned to local midnight) that holds `ts`. */
export function intervalStartOf(ts, dayStart, stepMs) {
    return dayStart + Math.floor((ts - dayStart) / stepMs) * stepMs;
}
/** The instant local midnight starts the calendar date `date` (YYYY-MM-DD) in `timeZone`. */
export function localMidnight(date, timeZone) {
    const utcMidnight = Date.parse(`${date}T00:00:00Z`);
    // Two rounds: the offset at the guess is the one in force at local midnight (unless a DST change falls right there).
    return utcMidnight - utcOffsetMs(utcMidnight - utcOffsetMs(utcMidnight, timeZone), timeZone);
}
//# sourceMappingURL=clock.js.map