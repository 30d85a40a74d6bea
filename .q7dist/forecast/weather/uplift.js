import { solveLinear } from '../../kits/stats/index.js';
const DEFAULTS = { ridge: 10, hotAbove: 30, coldBelow: 5, gustAbove: 50 };
export const FEATURES = ['rain_mm_h', 'heat_c', 'cold_c', 'gust_10kmh', 'thunderstorm'];
export function weatherFeatures(h, opts = {}) {
    const o = { ...DEFAULTS, ...opts };
    return [
        Math.min(h.precipitation, 60), // cap: a gauge glitch must not extrapolate to absurd uplift
        Math.max(0, h.temperature - o.hotAbove),
        Math.max(0, o.coldBelow - h.temperature),
        Math.max(0, h.windGusts - o.gustAbove) / 10,
        h.weatherCode >= 95 ? 1 : 0,
    ];
}
export function fitUplift(rows, options = {}) {
    const opts = { ...DEFAULTS, ...options };
    const byRegion = new Map();
    for (const r of rows)
        byRegion.set(r.region, [...(byRegion.get(r.region) ?? []), r]);
    const coefficients = new Map();
    for (const [region, hours] of byRegion) {
        const usable = hours.filter((h) => h.forecast > 0);
        const k = FEATURES.length + 1;
        const xtx = Array.from({ length: k }, () => new Array(k).fill(0));
        const xty = new Array(k).fill(0);
        for (const h of usable) {
            const x = [1, ...weatherFeatures(h.weather, opts)];
            const y = Math.log((h.actual + 1) / (h.forecast + 1));
            for (let i = 0; i < k; i++) {
                xty[i] += h.forecast * x[i] * y;
                for (let j = 0; j < k; j++)
                    xtx[i][j] += h.forecast * x[i] * x[j];
            }
        }
        for (let i = 1; i < k; i++)
            xtx[i][i] += opts.ridge;
        xtx[0][0] += 1e-9; // keeps the system solvable for a region with no usable hours
        coefficients.set(region, solveLinear(xtx, xty).slice(1));
    }
    return { options: opts, coefficients };
}
/** Multiplier on the calendar forecast for this weather (1 for a region the model has not seen). */
export function upliftFactor(model, region, weather) {
    const beta = model.coefficients.get(region);
    if (!beta)
        return 1;
    const x = weatherFeatures(weather, model.options);
    return Math.exp(x.reduce((s, v, i) => s + v * beta[i], 0));
}
//# sourceMappingURL=uplift.js.map