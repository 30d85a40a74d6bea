/**
 * Weather history in the warehouse (`weather_hours`, migration 0008). Each forecast run stores the hours the
 * source reports that are already over (observations, not forecasts), per tenant and region; the uplift model
 * learns from them. Re-reading the same hours every run keeps one row per hour (ReplacingMergeTree).
 */
import { loadQuery } from '../../warehouse/index.js';
import { fromLocalMinutes, toLocalMinutes } from '../../kits/time/index.js';
/** Stores the reported hours that are over; returns how many rows were written. */
export async function storeWeatherHours(warehouse, byRegion, opts) {
    const nowLocal = toLocalMinutes(opts.now, opts.timeZone);
    const fetchedAt = Date.now();
    const rows = [];
    for (const tenant of opts.tenants) {
        for (const [region, hours] of byRegion) {
            for (const h of hours) {
                if (h.time + 60 > nowLocal)
                    continue;
                rows.push({
                    tenant,
                    region,
                    hour: fromLocalMinutes(h.time, opts.timeZone),
                    precipitation: h.precipitation,
                    temperature: h.temperature,
                    wind_speed: h.windSpeed,
                    wind_gusts: h.windGusts,
                    weather_code: Math.max(0, Math.round(h.weatherCode)),
                    source: opts.source,
                    fetched_at: fetchedAt,
                });
            }
        }
    }
    if (rows.length)
        await warehouse.insert('weather_hours', rows);
    return rows.length;
}
/** The stored hours of the last `days` days, every tenant and region. */
export async function loadWeatherHistory(warehouse, days, timeZone) {
    const rows = await warehouse.query(loadQuery('weather_history'), { since_days: days });
    const out = new Map();
    for (const r of rows) {
        const regions = out.get(r.tenant) ?? new Map();
        out.set(r.tenant, regions);
        const hours = regions.get(r.region) ?? [];
        regions.set(r.region, hours);
        hours.push({
            time: toLocalMinutes(Number(r.hour_ms), timeZone),
            precipitation: Number(r.precipitation),
            temperature: Number(r.temperature),
            windSpeed: Number(r.wind_speed),
            windGusts: Number(r.wind_gusts),
            weatherCode: Number(r.weather_code),
        });
    }
    return out;
}
//# sourceMappingURL=history.js.map