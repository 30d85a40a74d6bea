/**
 * How much intraday re-forecasting helps, measured on history: for each day,
 * the original forecast is made from the days before it (as the service makes
 * it overnight), the day is cut at a time of day, and the rest of the day (and
 * the next open day) is scored with and without re-forecasting from the part
 * before the cut.
 */
import { forecastSeries } from './forecast.js';
import { ErrorTally } from './metrics.js';
import { reforecastDay } from './reforecast.js';
import { dayOf, detectInterval, toHistory } from './series.js';
/**
 * Original forecasts (method `auto` unless given) for each history day from `fromDay` (a day number) up to
 * `toDay` (exclusive), each from the points before it, with the next open day's forecast from the same run.
 */
export function dayCases(points, fromDay, toDay = Infinity, method = 'auto') {
    const interval = detectInterval(points);
    if (typeof interval === 'string')
        throw new Error(interval);
    const history = toHistory(points, interval);
    const out = [];
    history.days.forEach((day, i) => {
        if (day.day < fromDay || day.day >= toDay)
            return;
        const next = history.days[i + 1]?.day < toDay ? history.days[i + 1] : undefined;
        const start = points.findIndex((p) => dayOf(p.t) >= day.day);
        const targets = Array.from({ length: history.slots }, (_, s) => day.day * 1440 + s * interval);
        if (next)
            targets.push(...Array.from({ length: history.slots }, (_, s) => next.day * 1440 + s * interval));
        const rows = forecastSeries(points.slice(0, start), targets, { method }).rows;
        const f = Float64Array.from(rows, (r) => r.forecast);
        out.push({
            day,
            forecast: f.subarray(0, history.slots),
            next: next ? { day: next, forecast: f.subarray(history.slots) } : undefined,
        });
    });
    return out;
}
/** Scores re-forecasting at `cutoff` (minute of the day) over the cases. */
export function scoreReforecast(cases, cutoff, interval, options = {}) {
    const nowSlot = Math.floor(cutoff / interval);
    const rest = { original: new ErrorTally(), reforecast: new ErrorTally() };
    const next = { original: new ErrorTally(), reforecast: new ErrorTally() };
    for (const c of cases) {
        const r = reforecastDay(c.forecast, c.day.values, nowSlot, options);
        c.day.values.forEach((a, s) => {
            if (s < nowSlot || a !== a)
                return;
            rest.original.add(a, c.forecast[s]);
            rest.reforecast.add(a, r.today[s]);
        });
        c.next?.day.values.forEach((a, s) => {
            if (a !== a)
                return;
            next.original.add(a, c.next.forecast[s]);
            next.reforecast.add(a, c.next.forecast[s] * r.tomorrow);
        });
    }
    return {
        cutoff,
        days: cases.length,
        restOfDay: { original: rest.original.wape / 100, reforecast: rest.reforecast.wape / 100 },
        nextDay: { original: next.original.wape / 100, reforecast: next.reforecast.wape / 100 },
    };
}
const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
export function formatReforecastScores(scores) {
    return [
        '| known until | days | rest of day: original | re-forecast | next day: original | re-forecast |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        ...scores.map((s) => `| ${hhmm(s.cutoff)} | ${s.days} | ${(100 * s.restOfDay.original).toFixed(2)} | ${(100 * s.restOfDay.reforecast).toFixed(2)} | ${(100 * s.nextDay.original).toFixed(2)} | ${(100 * s.nextDay.reforecast).toFixed(2)} |`),
    ].join('\n');
}
//# sourceMappingURL=reforecast-eval.js.map