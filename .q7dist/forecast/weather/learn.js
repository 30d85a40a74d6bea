/**
 * The uplift learned from a tenant's own history. Per region, each past hour with stored weather becomes a
 * training hour: the offered contacts of the region's queues against what the calendar forecast (the method
 * each series' forecast uses) predicted for that hour one day ahead, weather unseen. `fitUplift` fits those.
 * A region with too little of it (days, rainy hours) keeps the configured prior, and says so.
 */
import { dayAheadForecasts } from '../backtest.js';
import { meanWeeks } from '../methods/baselines.js';
import { methodByName } from '../methods/index.js';
import { dayOf, detectInterval, toHistory } from '../series.js';
import { FEATURES, fitUplift } from './uplift.js';
const RAIN = FEATURES.indexOf('rain_mm_h');
/** Actual and calendar forecast per local hour of a set of series, for the days in `days` only. */
function hourlyResiduals(series, days, warmupDays) {
    const hours = new Map();
    for (const s of series) {
        const interval = detectInterval(s.points);
        if (typeof interval === 'string')
            continue;
        const method = methodByName(s.method) ?? meanWeeks;
        for (const { day, forecast } of dayAheadForecasts(toHistory(s.points, interval), method, warmupDays, days)) {
            forecast.forEach((f, slot) => {
                const hour = Math.floor((day.day * 1440 + slot * interval) / 60) * 60;
                const h = hours.get(hour) ?? { actual: 0, forecast: 0 };
                hours.set(hour, h);
                const actual = day.values[slot];
                h.actual += actual === actual ? actual : 0; // NaN: no contacts in the interval
                h.forecast += f;
            });
        }
    }
    return hours;
}
export const rainPer10mm = (beta) => Math.exp(10 * beta[RAIN]) - 1;
/** Training hours per tenant and region, then the learned or prior model per tenant. */
export function learnUplift(histories, weather, opts) {
    const minDays = opts.minDays ?? 14;
    const minRainHours = opts.minRainHours ?? 10;
    const rainMmH = opts.rainMmH ?? 0.5;
    const tenants = [...new Set(histories.map((h) => h.key.tenant))];
    const models = new Map();
    const effects = [];
    for (const tenant of tenants) {
        const coefficients = new Map(opts.prior.coefficients);
        for (const region of opts.regions) {
            const queues = new Set(region.queues);
            const observed = (weather.get(tenant)?.get(region.region) ?? []).filter((w) => w.time + 60 <= opts.nowLocal);
            const series = histories.filter((h) => h.key.tenant === tenant && queues.has(h.key.queue));
            const rows = [];
            if (observed.length && series.length) {
                const residuals = hourlyResiduals(series, new Set(observed.map((w) => dayOf(w.time))), opts.warmupDays ?? 7);
                for (const w of observed) {
                    const r = residuals.get(w.time);
                    if (r && r.forecast > 0)
                        rows.push({ region: region.region, actual: r.actual, forecast: r.forecast, weather: w });
                }
            }
            const days = new Set(rows.map((r) => dayOf(r.weather.time))).size;
            const rainHours = rows.filter((r) => r.weather.precipitation >= rainMmH).length;
            const enough = days >= minDays && rainHours >= minRainHours;
            if (enough)
                coefficients.set(region.region, fitUplift(rows, opts.prior.options).coefficients.get(region.region));
            const beta = coefficients.get(region.region) ?? FEATURES.map(() => 0);
            effects.push({
                tenant,
                region: region.region,
                effect: enough ? 'learned' : 'prior',
                rain_per_10mm: rainPer10mm(beta),
                days,
                rain_hours: rainHours,
            });
        }
        models.set(tenant, { options: opts.prior.options, coefficients });
    }
    return { models, effects };
}
//# sourceMappingURL=learn.js.map