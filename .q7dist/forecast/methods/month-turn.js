/**
 * Business days at the turn of the month, when statements and bills drive extra
 * contacts (in the bank data the last and first business days run 5-15% high).
 */
import { weekdayOf } from '../series.js';
export const MONTH_TURN = { none: 0, lastDay: 1, firstDay: 2, secondDay: 3 };
const monthOf = (day) => new Date(day * 86_400_000).getUTCMonth();
/** The next (dir 1) or previous (dir -1) business day; gives up after a week of closed weekdays. */
function step(from, dir, openWeekdays) {
    let d = from + dir;
    while (!openWeekdays[weekdayOf(d)] && Math.abs(d - from) < 7)
        d += dir;
    return d;
}
/** Classifies `day` (a day number) given which weekdays are business days. */
export function monthTurn(day, openWeekdays) {
    const month = monthOf(day);
    if (monthOf(step(day, 1, openWeekdays)) !== month)
        return MONTH_TURN.lastDay;
    const prev = step(day, -1, openWeekdays);
    if (monthOf(prev) !== month)
        return MONTH_TURN.firstDay;
    if (monthOf(step(prev, -1, openWeekdays)) !== month)
        return MONTH_TURN.secondDay;
    return MONTH_TURN.none;
}
//# sourceMappingURL=month-turn.js.map