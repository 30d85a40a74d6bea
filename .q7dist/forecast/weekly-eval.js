/**
 * The honest accuracy check: one week ahead from weekly origins, the way a
 * planner uses the forecast, with the last weeks of the history held out.
 *
 * The weeks are cut at Monday 00:00. Each week is forecast through
 * `forecastSeries` (the same path as `mofang forecast run`, `auto` selection
 * and intervals included) from everything before it, with the week's own
 * timestamps as the targets. Two blocks:
 *   - tuning: weeks `minTrainWeeks` … (n − holdoutWeeks − 1), where methods
 *     and constants may be compared and chosen;
 *   - holdout: the last `holdoutWeeks` weeks, looked at once, at the end, to
 *     report. Their forecasts still train on every week before them, as they
 *     would in use; what was chosen was not chosen on them.
 */
import { forecastSeries } from './forecast.js';
import { meanOfWeeks, meanWeeks, seasonalNaive } from './methods/baselines.js';
import { ErrorTally } from './metrics.js';
import { dayOf } from './series.js';
/** The baselines a forecast must beat: seasonal naive, mean of the last 4 and 6 same weekdays. */
export const BASELINES = [seasonalNaive, meanWeeks, meanOfWeeks(6)];
const weekOf = (t) => Math.floor((dayOf(t) + 3) / 7);
const isoDay = (t) => new Date(t * 60_000).toISOString().slice(0, 10);
/** The weeks (week numbers, Monday-based) of each block. */
export function weekBlocks(points, opts = {}) {
    const holdout = opts.holdoutWeeks ?? 8;
    const minTrain = opts.minTrainWeeks ?? 6;
    const weeks = [...new Set(points.map((p) => weekOf(p.t)))].sort((a, b) => a - b);
    return {
        tuning: weeks.slice(minTrain, Math.max(minTrain, weeks.length - holdout)),
        holdout: weeks.slice(Math.max(minTrain, weeks.length - holdout)),
    };
}
/** The first day (day number) of a week number from weekBlocks. */
export const firstDayOfWeek = (week) => week * 7 - 3;
export function weeklyEvaluation(points, opts = {}) {
    return weeklyEvaluationOf([points], opts);
}
/**
 * The same over several series (queues and channels, each forecast on its own): errors are pooled over every series
 * and week of a block.
 */
export function weeklyEvaluationOf(series, opts = {}) {
    const methods = opts.methods ?? ['auto', ...BASELINES];
    const all = series.flat();
    const blocks = weekBlocks(all, opts);
    const tuningWeeks = opts.only === 'holdout' ? [] : blocks.tuning;
    const holdoutWeeks = opts.only === 'tuning' ? [] : blocks.holdout;
    const total = methods.length * (tuningWeeks.length + holdoutWeeks.length);
    let done = 0;
    const block = (list) => methods.map((method) => {
        const tally = new ErrorTally();
        const daily = new ErrorTally();
        const picks = {};
        for (const week of list) {
            const from = opts.historyDays === undefined ? -Infinity : (firstDayOfWeek(week) - opts.historyDays) * 1440;
            for (const points of series) {
                const test = points.filter((p) => weekOf(p.t) === week);
                const train = points.filter((p) => p.t >= from && weekOf(p.t) < week);
                if (!test.length || !train.length)
                    continue;
                const r = forecastSeries(train, test.map((p) => p.t), { method, level: opts.level, interval: opts.interval });
                picks[r.method] = (picks[r.method] ?? 0) + 1;
                const days = new Map();
                test.forEach((p, i) => {
                    const row = r.rows[i];
                    tally.add(p.count, row.forecast, row.lo, row.hi);
                    const d = days.get(dayOf(p.t)) ?? [0, 0];
                    d[0] += p.count;
                    d[1] += row.forecast;
                    days.set(dayOf(p.t), d);
                });
                for (const [actual, forecast] of days.values())
                    daily.add(actual, forecast);
            }
            opts.onWeek?.(++done, total);
        }
        const name = typeof method === 'string' ? method : method.name;
        return {
            method: name,
            weeks: list.length,
            wape: tally.wape / 100,
            dailyWape: daily.wape / 100,
            coverage: tally.coverage / 100,
            ...(name === 'auto' ? { picks } : {}),
        };
    });
    const firstOf = (list) => list.length ? isoDay(all.reduce((m, p) => (weekOf(p.t) === list[0] && p.t < m ? p.t : m), Infinity)) : '';
    return {
        first: { tuning: firstOf(tuningWeeks), holdout: firstOf(holdoutWeeks) },
        tuning: block(tuningWeeks),
        holdout: block(holdoutWeeks),
    };
}
/** Markdown tables of both blocks. */
export function formatWeeklyEval(e) {
    const table = (title, rows) => [
        `${title}`,
        '',
        '| method | WAPE % | daily-total WAPE % | 80% interval coverage % |',
        '| --- | ---: | ---: | ---: |',
        ...rows.map((r) => `| ${r.method}${r.picks
            ? ` (${Object.entries(r.picks)
                .map(([m, n]) => `${m} ×${n}`)
                .join(', ')})`
            : ''} | ${(100 * r.wape).toFixed(2)} | ${(100 * r.dailyWape).toFixed(2)} | ${(100 * r.coverage).toFixed(1)} |`),
    ];
    return [
        ...table(`Tuning block: ${e.tuning[0]?.weeks ?? 0} weekly origins from ${e.first.tuning}`, e.tuning),
        '',
        ...table(`Holdout block: ${e.holdout[0]?.weeks ?? 0} weekly origins from ${e.first.holdout}`, e.holdout),
    ].join('\n');
}
//# sourceMappingURL=weekly-eval.js.map