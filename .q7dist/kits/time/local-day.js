/**
 * Local calendar days of an IANA time zone, as whole day numbers (days since 1970-01-01 in the zone's calendar), and
 * the instant of a local wall-clock time on one of them. Day numbers make "the day before", "last Monday" and "the
 * 1st of last month" plain arithmetic, with no time zone in sight; only the two conversions below touch one.
 */
import { fromLocalMinutes, toLocalMinutes } from './local-time.js';
const DAY_MS = 86_400_000;
const DAY_MIN = 1440;
/** The local day number of instant `ms` in the zone. */
export const localDay = (ms, timeZone) => Math.floor(toLocalMinutes(ms, timeZone) / DAY_MIN);
/**
 * The instant of local wall-clock `minuteOfDay` on local day `day`. A time that a DST change skips (02:30 on the
 * spring-forward night in Europe) maps to the same distance past the change (03:30); a time that happens twice takes
 * the later offset.
 */
export const instantOf = (day, minuteOfDay, timeZone) => fromLocalMinutes(day * DAY_MIN + minuteOfDay, timeZone);
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (day) => (((day + 4) % 7) + 7) % 7;
/** The day number of a calendar date. */
export const dayOfDate = (year, month, dayOfMonth) => Date.UTC(year, month - 1, dayOfMonth) / DAY_MS;
/** `2026-03-01` of a day number. */
export const isoDate = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** The calendar date of a day number. */
export function dateOf(day) {
    const d = new Date(day * DAY_MS);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, dayOfMonth: d.getUTCDate() };
}
//# sourceMappingURL=local-day.js.map