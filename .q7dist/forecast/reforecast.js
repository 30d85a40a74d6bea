/**
 * Intraday re-forecasting: once part of today is known, the rest of today (and
 * tomorrow) is re-forecast from how far today's actuals are running above or
 * below the original forecast.
 *
 * The day's level is what the original forecast most often gets wrong (see
 * README "Accuracy"), and it shows early: a morning 8% above forecast is usually
 * followed by an afternoon above forecast too. So the remaining intervals keep
 * their original shape and are scaled by
 *
 *   ratio = 1 + persistence × (A − E) / (E + dayPrior × D + prior)
 *
 * where A and E are today's actual and originally forecast contacts over the
 * elapsed open intervals and D the whole day's original forecast. The two priors
 * shrink the ratio towards 1 while little is known: `dayPrior` because the first
 * hours of a day say less about its level than their share suggests (the early
 * shape varies from day to day), `prior` (in contacts) because a small queue's
 * counts are mostly Poisson noise, so an early quiet quarter-hour does not halve
 * the rest of its day. `persistence` is the share of the deviation expected to
 * carry on. Tomorrow is scaled by 1 + `carry` × (ratio − 1).
 * The constants were chosen on the bank data's tuning weeks (README).
 */
export const REFORECAST_DEFAULTS = {
    persistence: 0.9,
    dayPrior: 0.15,
    prior: 300,
    carry: 0.6,
};
/**
 * Re-forecasts one day. `expected` is the original forecast per slot; `actual` the counts of the slots before
 * `nowSlot` (NaN or missing where closed or unknown, which are left out of both sums).
 */
export function reforecastDay(expected, actual, nowSlot, options = {}) {
    const { persistence, dayPrior, prior, carry } = { ...REFORECAST_DEFAULTS, ...options };
    let a = 0;
    let e = 0;
    let day = 0;
    for (let s = 0; s < expected.length; s++)
        day += expected[s];
    for (let s = 0; s < Math.min(nowSlot, expected.length); s++) {
        const v = actual[s];
        if (v === undefined || v !== v)
            continue;
        a += v;
        e += expected[s];
    }
    const ratio = Math.max(0, 1 + (persistence * (a - e)) / (e + dayPrior * day + prior));
    const today = new Float64Array(expected.length);
    for (let s = 0; s < expected.length; s++) {
        const v = actual[s];
        today[s] = s < nowSlot ? (v === undefined || v !== v ? 0 : v) : expected[s] * ratio;
    }
    return { today, ratio, tomorrow: Math.max(0, 1 + carry * (ratio - 1)), actualSoFar: a, expectedSoFar: e };
}
//# sourceMappingURL=reforecast.js.map