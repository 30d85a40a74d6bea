/**
 * When each schedule sends, and which days the report it sends covers. Pure: the clock comes in as `now`.
 *
 * A daily report goes out every day at its time and covers the day before; a weekly one on Mondays, covering the
 * week before (Monday to Sunday); a monthly one on the 1st, covering last month. Times are the schedule's local
 * wall-clock times, so an 08:00 report leaves at 08:00 on both sides of a DST change.
 */
import { dateOf, dayOfDate, instantOf, isoDate, localDay, weekdayOf } from '../../kits/time/index.js';
const MONDAY = 1;
/** The send on local day `day`, or undefined when the schedule does not send that day. */
export function occurrenceOn(schedule, day) {
    const { year, month, dayOfMonth } = dateOf(day);
    let start;
    if (schedule.period === 'daily')
        start = day - 1;
    else if (schedule.period === 'weekly') {
        if (weekdayOf(day) !== MONDAY)
            return undefined;
        start = day - 7;
    }
    else {
        if (dayOfMonth !== 1)
            return undefined;
        start = month === 1 ? dayOfDate(year - 1, 12, 1) : dayOfDate(year, month - 1, 1);
    }
    const periodStart = isoDate(start);
    return {
        schedule,
        dueAt: instantOf(day, schedule.atMinutes, schedule.timeZone),
        periodStart,
        periodEnd: isoDate(day - 1),
        key: `${schedule.tenant}.${schedule.id}.${periodStart}`,
    };
}
/**
 * The sends due in `[from, now]`, oldest first. `from` is the later of when the schedule was first seen (a new
 * schedule does not send the past) and the catch-up horizon (a report weeks late is not worth sending).
 */
export function occurrencesBetween(schedule, from, now) {
    const out = [];
    // One day of slack each side: a local day's send time may fall on the neighbouring UTC day.
    for (let day = localDay(from, schedule.timeZone) - 1; day <= localDay(now, schedule.timeZone) + 1; day++) {
        const o = occurrenceOn(schedule, day);
        if (o && o.dueAt >= from && o.dueAt <= now)
            out.push(o);
    }
    return out;
}
/** The first send due after `now`. */
export function nextOccurrence(schedule, now) {
    // A monthly schedule sends within 31 days, with a day of slack for the time zone.
    for (let day = localDay(now, schedule.timeZone);; day++) {
        const o = occurrenceOn(schedule, day);
        if (o && o.dueAt > now)
            return o;
    }
}
//# sourceMappingURL=calendar.js.map