/**
 * Holt-Winters with weekly and intraday seasonality, as a day-level × day-profile model:
 * damped-trend Holt-Winters on daily totals with a multiplicative weekday season
 * (indexed by weekday, so closed days and holidays do not shift the season),
 * times an exponentially smoothed intraday profile per weekday. The smoothing
 * constants are picked from a small grid by in-sample one-step error, so the
 * method costs O(grid × days × slots) and runs in milliseconds.
 */
import { dayTotal } from '../series.js';
import { countAt } from './types.js';
const ALPHAS = [0.05, 0.1, 0.2, 0.35, 0.5];
const BETAS = [0, 0.02, 0.08];
const GAMMAS = [0.05, 0.1, 0.2, 0.35];
const DELTAS = [0.05, 0.1, 0.2, 0.35];
const PHI = 0.9;
/** Runs the daily-total recursion over the history; `sse` is the one-step error after the first two weeks. */
function smoothTotals(days, totals, alpha, beta, gamma) {
    const warm = Math.min(days.length, 10);
    const level0 = totals.slice(0, warm).reduce((a, b) => a + b, 0) / Math.max(1, warm);
    const season = new Array(7).fill(1);
    for (let w = 0; w < 7; w++) {
        const same = totals.slice(0, warm).filter((_, i) => days[i].weekday === w);
        if (same.length && level0 > 0)
            season[w] = same.reduce((a, b) => a + b, 0) / same.length / level0;
    }
    let level = level0;
    let trend = 0;
    let sse = 0;
    for (let i = 0; i < days.length; i++) {
        const w = days[i].weekday;
        const y = totals[i];
        const base = level + PHI * trend;
        const err = y - base * season[w];
        if (i >= warm)
            sse += err * err;
        const next = alpha * (y / season[w]) + (1 - alpha) * base;
        trend = beta * (next - level) + (1 - beta) * PHI * trend;
        level = next;
        if (level > 0)
            season[w] = gamma * (y / level) + (1 - gamma) * season[w];
    }
    return { level, trend, season, sse };
}
/** Exponentially smoothed intraday shares per weekday; `sse` is the one-step error of the shares. */
function smoothProfiles(days, totals, slots, delta) {
    const profiles = new Array(7);
    let sse = 0;
    days.forEach((d, i) => {
        if (totals[i] <= 0)
            return;
        const p = profiles[d.weekday];
        if (!p) {
            profiles[d.weekday] = Float64Array.from({ length: slots }, (_, s) => countAt(d.values, s) / totals[i]);
            return;
        }
        for (let s = 0; s < slots; s++) {
            const share = countAt(d.values, s) / totals[i];
            sse += (share - p[s]) ** 2 * totals[i];
            p[s] = delta * share + (1 - delta) * p[s];
        }
    });
    return { profiles, sse };
}
function best(candidates) {
    return candidates.reduce((a, b) => (b.sse < a.sse ? b : a));
}
export const holtWinters = {
    name: 'holt_winters',
    description: 'Holt-Winters on daily totals (damped trend, weekday season) × smoothed intraday profile per weekday',
    forecast(train, targets) {
        const totals = train.days.map((d) => dayTotal(d.values));
        const daily = best(ALPHAS.flatMap((a) => BETAS.flatMap((b) => GAMMAS.map((g) => smoothTotals(train.days, totals, a, b, g)))));
        const { profiles } = best(DELTAS.map((d) => smoothProfiles(train.days, totals, train.slots, d)));
        return targets.map((t) => {
            let damp = 0;
            for (let h = 1, f = PHI; h <= t.ahead; h++, f *= PHI)
                damp += f;
            const total = Math.max(0, (daily.level + damp * daily.trend) * daily.season[t.weekday]);
            const p = profiles[t.weekday];
            return p ? p.map((share) => share * total) : new Float64Array(train.slots);
        });
    },
};
//# sourceMappingURL=holt-winters.js.map