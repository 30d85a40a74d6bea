/**
 * Forecast speed: one queue with a year of 15-minute history (weekdays 08:00–18:00),
 * `auto` (which backtests every method) for the next week, and Erlang staffing.
 * Prints milliseconds; run with `npm run bench:forecast`.
 */
import { forecastSeries } from '../forecast/index.js';
import { Random } from '../kits/sim/index.js';
import { staff } from '../kits/erlang/index.js';
import { helpOnRequest } from './bench-util.js';
helpOnRequest('Usage: npm run bench:forecast\n\nForecast speed: a year of 15-minute history, `auto` and each method for the next week, and Erlang staffing (ms).');
function yearOf15Minutes() {
    const rng = Random.minstd(1);
    const start = Date.UTC(2024, 0, 1) / 60_000;
    const out = [];
    for (let d = 0; d < 365; d++) {
        if ((d + 1) % 7 === 0 || (d + 1) % 7 === 6)
            continue;
        for (let m = 480; m < 1080; m += 15)
            out.push({ t: start + d * 1440 + m, count: rng.poisson(40 * (1 + 0.6 * Math.sin((Math.PI * (m - 480)) / 600))) });
    }
    return out;
}
function time(label, runs, fn) {
    fn(); // warm-up (JIT)
    const t0 = performance.now();
    for (let i = 0; i < runs; i++)
        fn();
    console.log(`${label}: ${((performance.now() - t0) / runs).toFixed(1)} ms`);
}
const history = yearOf15Minutes();
const last = history.at(-1).t;
const nextWeek = Array.from({ length: 7 * 96 }, (_, i) => Math.floor(last / 1440 + 1) * 1440 + i * 15);
console.log(`history: ${history.length} rows (a year of 15-minute weekdays); targets: ${nextWeek.length}`);
for (const method of [
    'auto',
    'seasonal_naive',
    'mean_weeks',
    'holt_winters',
    'daily_profile',
    'ensemble',
    'day_level',
]) {
    time(`forecast ${method} (per queue)`, 5, () => forecastSeries(history, nextWeek, { method }));
}
const target = { serviceLevel: 0.8, threshold: 20 };
time('staffing Erlang C, 10 Erlangs', 200, () => staff({ lambda: 100 / 1800, aht: 180 }, target));
time('staffing Erlang C, 2,000 Erlangs', 20, () => staff({ lambda: 2000 / 180, aht: 180 }, target));
time('staffing Erlang A, 2,000 Erlangs, patience 60 s', 5, () => staff({ lambda: 2000 / 180, aht: 180 }, { ...target, patience: 60 }));
//# sourceMappingURL=bench-forecast.js.map