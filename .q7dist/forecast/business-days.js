/**
 * Business days: which days a centre is open, and where a day sits in its month.
 * The daily-level model needs both: calls run high on the first business days of
 * a month and on the day after a closure (a holiday), so it must know which
 * weekdays were (or will be) closed.
 *
 * A day is closed when its weekday is normally open but the centre was not:
 *   - in the history: an open weekday with no rows, unless it is a configured special day with a factor > 0
 *     (special days are taken out of training, so their absence is not a closure);
 *   - configured: a special day with factor 0 (a holiday);
 *   - implied by the targets: an open weekday the targets skip, between two target days or between the end of the
 *     history and the first target, when at most {@link MAX_IMPLIED_RUN} such weekdays in a row are skipped
 *     (whoever asks for Friday and Tuesday but not Monday knows Monday is a holiday; longer runs are more likely
 *     a sparse request, and are ignored).
 */
import { weekdayOf } from './series.js';
/** Longest run of skipped open weekdays read as closures. */
export const MAX_IMPLIED_RUN = 2;
/** Days (day numbers) known to be closed, from the history, its special days and the days asked for. */
export function closedDays(train, openWeekdays, targetDays = []) {
    const closed = new Set();
    for (const [day, factor] of train.special ?? [])
        if (factor === 0)
            closed.add(day);
    const first = train.days[0]?.day;
    const last = train.days.at(-1)?.day;
    if (first === undefined || last === undefined)
        return closed;
    const present = new Set(train.days.map((d) => d.day));
    const isGap = (d) => openWeekdays[weekdayOf(d)] && !present.has(d) && !train.special?.has(d);
    for (let d = first; d <= last; d++)
        if (isGap(d))
            closed.add(d);
    // Runs of open weekdays skipped by the targets (or between the history's end and the first target).
    const asked = [...new Set(targetDays)].filter((d) => d > last).sort((a, b) => a - b);
    let prev = last;
    for (const day of asked) {
        const skipped = [];
        for (let d = prev + 1; d < day; d++)
            if (openWeekdays[weekdayOf(d)] && !train.special?.has(d))
                skipped.push(d);
        if (skipped.length <= MAX_IMPLIED_RUN)
            for (const d of skipped)
                closed.add(d);
        prev = day;
    }
    return closed;
}
const monthOf = (day) => new Date(day * 86_400_000).getUTCMonth();
/** Counts business days from the start and to the end of `day`'s month, `day` included (0 if `day` is closed). */
export function monthPosition(day, isBusinessDay) {
    if (!isBusinessDay(day))
        return { fromStart: 0, toEnd: 0 };
    const month = monthOf(day);
    let fromStart = 0;
    for (let d = day; monthOf(d) === month; d--)
        if (isBusinessDay(d))
            fromStart++;
    let toEnd = 0;
    for (let d = day; monthOf(d) === month; d++)
        if (isBusinessDay(d))
            toEnd++;
    return { fromStart, toEnd };
}
/** Whether the business day before `day` (skipping weekdays that are never open) was a closure. */
export function afterClosure(day, openWeekdays, closed) {
    for (let d = day - 1; d > day - 8; d--)
        if (openWeekdays[weekdayOf(d)])
            return closed.has(d);
    return false;
}
//# sourceMappingURL=business-days.js.map