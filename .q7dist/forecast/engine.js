/**
 * Runs a method against the learned calendar: zero outside open hours, never
 * negative. Everything that forecasts (run, backtest, auto) goes through here.
 */
import { closedDays } from './business-days.js';
import { learnOpenHours, withoutSpecialDays } from './calendar.js';
import { weekdayOf } from './series.js';
export function prepare(history, special = new Map()) {
    const train = withoutSpecialDays(history, special);
    return { train, open: learnOpenHours(train) };
}
/** Target days with how many open days ahead of the history's end each one is. */
export function targetDays(p, days) {
    const last = p.train.days.at(-1)?.day ?? 0;
    return days.map((day) => {
        let ahead = 0;
        for (let d = last + 1; d <= day; d++)
            if (p.open.openWeekdays[weekdayOf(d)])
                ahead++;
        return { day, weekday: weekdayOf(day), ahead: Math.max(1, ahead) };
    });
}
export function predict(method, p, days) {
    const targets = targetDays(p, days);
    if (p.train.days.length === 0)
        return targets.map(() => new Float64Array(p.train.slots));
    const context = { closedDays: closedDays(p.train, p.open.openWeekdays, days), openWeekdays: p.open.openWeekdays };
    return method.forecast(p.train, targets, context).map((values, i) => {
        const w = targets[i].weekday;
        return values.map((v, s) => (p.open.openWeekdays[w] && p.open.openSlots[w][s] && v > 0 ? v : 0));
    });
}
//# sourceMappingURL=engine.js.map