/**
 * Rolling-origin backtests: cut the history at several origins, forecast the
 * next `horizonDays` open days from what came before, and pool the errors.
 */
import { prepare, predict } from './engine.js';
import { ErrorTally } from './metrics.js';
/** Fewest open days a fold trains on: four weeks of a weekday business. */
export const MIN_TRAIN_DAYS = 20;
/**
 * The last `folds` non-overlapping windows of `horizonDays` open days, oldest first.
 * Folds that would train on fewer than `minTrainDays` days are dropped.
 */
export function rollingSplits(history, horizonDays, folds, minTrainDays = MIN_TRAIN_DAYS) {
    const out = [];
    const n = history.days.length;
    for (let k = folds; k >= 1; k--) {
        const start = n - k * horizonDays;
        if (start < minTrainDays)
            continue;
        out.push({
            train: { ...history, days: history.days.slice(0, start) },
            test: history.days.slice(start, start + horizonDays),
        });
    }
    return out;
}
/** Forecasts one split with one method and scores it against the open slots of the test days. */
export function scoreSplit(method, split, into) {
    const prepared = prepare(split.train);
    const forecasts = predict(method, prepared, split.test.map((d) => d.day));
    split.test.forEach((day, i) => {
        day.values.forEach((actual, s) => {
            if (actual !== actual)
                return;
            into.tally.add(actual, forecasts[i][s]);
            into.residuals.forecast.push(forecasts[i][s]);
            into.residuals.actual.push(actual);
        });
    });
}
export const emptyResult = () => ({ tally: new ErrorTally(), residuals: { forecast: [], actual: [] } });
/** Scores every method on every split. */
export function evaluate(methods, splits) {
    const results = new Map(methods.map((m) => [m.name, emptyResult()]));
    for (const split of splits)
        for (const m of methods)
            scoreSplit(m, split, results.get(m.name));
    return results;
}
/**
 * One-day-ahead forecasts: each history day from the `minTrainDays`-th on (only those in `only`, when given)
 * forecast by `method` from the days before it. What the calendar alone would have predicted, weather
 * unseen, to compare with what came (the weather uplift's residuals).
 */
export function dayAheadForecasts(history, method, minTrainDays, only) {
    const out = [];
    for (let i = Math.max(1, minTrainDays); i < history.days.length; i++) {
        const day = history.days[i];
        if (only && !only.has(day.day))
            continue;
        out.push({ day, forecast: predict(method, prepare({ ...history, days: history.days.slice(0, i) }), [day.day])[0] });
    }
    return out;
}
//# sourceMappingURL=backtest.js.map