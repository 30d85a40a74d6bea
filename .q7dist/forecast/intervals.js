/**
 * Prediction intervals from backtest residuals. The error variance of arrival
 * forecasts grows like a·f (Poisson noise) + b·f² (level error), so we fit that
 * variance to backtest residuals, then take the empirical quantiles of the
 * standardized residuals: the interval is calibrated on this queue's own errors,
 * skew included.
 */
/** Normal quantile for the two-sided central `level`, used when there are too few residuals. */
const Z80 = 1.2816;
export function fitIntervals(r, level = 0.8) {
    const n = r.forecast.length;
    if (n < 30)
        return { a: 1, b: 0.01, zLo: -Z80, zHi: Z80 };
    // Least squares of e² on [f, f²] without intercept (2×2 normal equations).
    let sff = 0, sff2 = 0, sf2f2 = 0, sfe = 0, sf2e = 0;
    for (let i = 0; i < n; i++) {
        const f = r.forecast[i];
        const e2 = (r.actual[i] - f) ** 2;
        sff += f * f;
        sff2 += f ** 3;
        sf2f2 += f ** 4;
        sfe += f * e2;
        sf2e += f * f * e2;
    }
    const det = sff * sf2f2 - sff2 * sff2;
    let a = det > 0 ? (sfe * sf2f2 - sf2e * sff2) / det : 1;
    let b = det > 0 ? (sff * sf2e - sff2 * sfe) / det : 0;
    if (b < 0)
        [a, b] = [sff > 0 ? sfe / sff : 1, 0];
    if (a < 1) {
        a = 1;
        b = Math.max(0, sf2f2 > 0 ? (sf2e - sff2) / sf2f2 : 0);
    }
    const model = { a, b, zLo: 0, zHi: 0 };
    const z = r.forecast.map((f, i) => (r.actual[i] - f) / sd(model, f)).sort((x, y) => x - y);
    const tail = (1 - level) / 2;
    model.zLo = z[Math.floor(tail * (n - 1))];
    model.zHi = z[Math.ceil((1 - tail) * (n - 1))];
    return model;
}
function sd(m, f) {
    return Math.sqrt(m.a * Math.max(f, 0.5) + m.b * f * f);
}
/** [lo, hi] around a point forecast; zero forecasts (closed) get [0, 0]. */
export function intervalFor(m, f) {
    if (f <= 0)
        return [0, 0];
    const s = sd(m, f);
    return [Math.max(0, f + m.zLo * s), Math.max(0, f + m.zHi * s)];
}
//# sourceMappingURL=intervals.js.map