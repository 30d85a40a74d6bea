/**
 * The forecasting entry point: history points and target times in, a forecast
 * with prediction interval per target out. Pure and deterministic.
 */
import { selectMethod } from './auto.js';
import { specialDayIndex } from './calendar.js';
import { prepare, predict, targetDays } from './engine.js';
import { intervalFor } from './intervals.js';
import { METHODS, methodByName } from './methods/index.js';
import { BadInputError } from '../core/index.js';
import { dayOf, detectInterval, formatDay, minuteOfDay, toHistory } from './series.js';
/** Longest horizon used to choose a method; longer target spans reuse the 2-week ranking. */
const MAX_SELECTION_HORIZON = 10;
export const METHOD_NAMES = ['auto', ...METHODS.map((m) => m.name)];
export function forecastSeries(points, targets, opts = {}) {
    const interval = opts.interval ?? detectInterval(points);
    if (typeof interval === 'string')
        throw new BadInputError(`history: ${interval}`);
    const special = specialDayIndex(opts.specialDays ?? []);
    const prepared = prepare(toHistory(points, interval), special);
    const days = [...new Set(targets.map(dayOf))].sort((a, b) => a - b);
    const horizon = Math.min(MAX_SELECTION_HORIZON, Math.max(1, ...targetDays(prepared, days).map((t) => t.ahead)));
    const name = typeof opts.method === 'object' ? opts.method.name : (opts.method ?? 'auto');
    const fixed = typeof opts.method === 'object' ? opts.method : name === 'auto' ? undefined : methodByName(name);
    if (!fixed && name !== 'auto')
        throw new BadInputError(`unknown method "${name}" (choose from ${METHOD_NAMES.join(', ')})`);
    const selection = selectMethod(prepared.train, {
        horizonDays: horizon,
        level: opts.level,
        candidates: fixed ? [fixed] : undefined,
    });
    const byDay = new Map(predict(selection.method, prepared, days).map((values, i) => [days[i], values]));
    const rows = targets.map((t) => {
        const factor = special.get(formatDay(dayOf(t))) ?? 1;
        const f = byDay.get(dayOf(t))[Math.floor(minuteOfDay(t) / interval)] * factor;
        const [lo, hi] = intervalFor(selection.intervals, f);
        return { t, forecast: f, lo, hi };
    });
    return { method: selection.method.name, interval, rows };
}
/**
 * `auto`, or the mean of the last 4 same weekdays when the history is too short to choose a method: what the
 * forecast service runs for every series.
 */
export function forecastOrMeanWeeks(points, targets, opts = {}) {
    try {
        return forecastSeries(points, targets, opts);
    }
    catch {
        return forecastSeries(points, targets, { ...opts, method: 'mean_weeks' });
    }
}
//# sourceMappingURL=forecast.js.map