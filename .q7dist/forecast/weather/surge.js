/**
 * Surge detection: when weather in the next hours should push a region's
 * volume well beyond the calendar forecast, say so early, with the extra
 * contacts and the extra agents (Erlang C) it takes to hold the service level.
 */
import { formatLocal } from '../series.js';
import { staff } from '../../kits/erlang/index.js';
import { FEATURES, upliftFactor, weatherFeatures } from './uplift.js';
const FEATURE_WORDS = {
    rain_mm_h: (x) => `rain up to ${x.toFixed(1)} mm/h`,
    heat_c: (x) => `heat ${x.toFixed(1)} °C above threshold`,
    cold_c: (x) => `cold ${x.toFixed(1)} °C below threshold`,
    gust_10kmh: (x) => `wind gusts ${(x * 10).toFixed(0)} km/h above threshold`,
    thunderstorm: () => 'thunderstorms',
};
export function detectSurges(model, regions, forecasts, weather, opts) {
    const horizon = opts.horizonHours ?? 6;
    const aht = opts.aht ?? 300;
    const target = opts.target ?? { serviceLevel: 0.8, threshold: 20 };
    const alerts = [];
    for (const region of regions) {
        const hours = new Map((weather.get(region.region) ?? []).map((h) => [h.time, h]));
        const ahead = (forecasts.get(region.region) ?? []).filter((f) => f.time >= opts.now && f.time < opts.now + horizon * 60 && hours.has(f.time));
        let base = 0;
        let extra = 0;
        let extraAgents = 0;
        let first;
        let last = 0;
        const drivers = new Array(FEATURES.length).fill(0);
        for (const f of ahead) {
            const w = hours.get(f.time);
            const more = f.forecast * (upliftFactor(model, region.region, w) - 1);
            base += f.forecast;
            if (more <= 0)
                continue;
            extra += more;
            first ??= f.time;
            last = f.time;
            weatherFeatures(w, model.options).forEach((x, i) => (drivers[i] = Math.max(drivers[i], x)));
            const agents = (volume) => staff({ lambda: volume / 3600, aht }, target).required;
            extraAgents = Math.max(extraAgents, agents(f.forecast + more) - agents(f.forecast));
        }
        if (first === undefined || extra < (opts.minExtraContacts ?? 20) || extra < (opts.threshold ?? 0.15) * base)
            continue;
        const beta = model.coefficients.get(region.region);
        const reasons = FEATURES.map((name, i) => ({ name, x: drivers[i], effect: drivers[i] * beta[i] }))
            .filter((r) => r.effect > 0.01)
            .sort((a, b) => b.effect - a.effect)
            .map((r) => FEATURE_WORDS[r.name](r.x));
        alerts.push({
            region: region.region,
            queues: region.queues,
            window: { start: formatLocal(first), end: formatLocal(last + 60) },
            expected_extra_contacts: Math.round(extra),
            expected_extra_agents: extraAgents,
            reason: `${reasons.join(', ')}: +${Math.round((100 * extra) / base)}% over the next ${horizon} h`,
        });
    }
    return alerts;
}
//# sourceMappingURL=surge.js.map