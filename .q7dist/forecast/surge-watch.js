import { toLocalMinutes } from '../kits/time/index.js';
import { fileFeedSource } from './weather/file-feed.js';
import { openMeteoSource } from './weather/open-meteo.js';
import { SIMULATED_SOURCE_NAME, simulatedSetting, simulatedWeatherSource } from './weather/simulated.js';
import { detectSurges } from './weather/surge.js';
import { FEATURES, fitUplift } from './weather/uplift.js';
/**
 * 'none'/undefined → no source; 'simulated[:<ms>]' → the demo's simulated weather; http(s) → Open-Meteo at that base
 * URL; anything else → a feed file.
 */
export function weatherSourceFrom(setting, sim = { timeZone: 'Asia/Shanghai' }) {
    if (!setting || setting === 'none')
        return undefined;
    const simulated = simulatedSetting(setting);
    if (simulated)
        return simulatedWeatherSource({ ...sim, ...simulated });
    return /^https?:\/\//.test(setting) ? openMeteoSource({ baseUrl: setting }) : fileFeedSource(setting);
}
/** The prior uplift model: only rain moves volume, by `per10mm` per 10 mm/h, the same in every region. */
export function rainModel(regions, per10mm) {
    const base = fitUplift([]);
    const beta = FEATURES.map((f) => (f === 'rain_mm_h' ? Math.log(1 + per10mm) / 10 : 0));
    return { options: base.options, coefficients: new Map(regions.map((r) => [r.region, beta])) };
}
/** Hourly forecast of each region's queues per tenant, and their contact-weighted AHT. */
function regionHours(rows, regions, timeZone) {
    const out = new Map();
    for (const region of regions) {
        const queues = new Set(region.queues);
        const perHour = new Map();
        for (const r of rows) {
            if (!queues.has(r.queue))
                continue;
            const t = out.get(r.tenant) ?? { hours: new Map(), ahtWeighted: 0, volume: 0 };
            out.set(r.tenant, t);
            t.ahtWeighted += r.aht_s * r.forecast;
            t.volume += r.forecast;
            const hours = perHour.get(r.tenant) ?? new Map();
            perHour.set(r.tenant, hours);
            const hour = Math.floor(toLocalMinutes(r.interval_start, timeZone) / 60) * 60;
            hours.set(hour, (hours.get(hour) ?? 0) + r.forecast);
        }
        for (const [tenant, hours] of perHour) {
            out.get(tenant).hours.set(region.region, [...hours].map(([time, forecast]) => ({ time, forecast })));
        }
    }
    return out;
}
/** Fetches the source for the regions; any failure is "no weather signal" with a warning, never a throw. */
export async function readWeather(source, regions, now) {
    const status = {
        source: source?.name ?? 'none',
        signal: 'no weather signal',
        warnings: [],
        checked_at: now,
        ...(source?.name === SIMULATED_SOURCE_NAME ? { simulated: true } : {}),
    };
    const none = { status, byRegion: new Map() };
    if (!source || regions.length === 0) {
        if (source)
            status.warnings.push('no regions configured (MOFANG_WEATHER_REGIONS); no weather signal');
        return none;
    }
    let weather;
    try {
        weather = await source.fetch(regions);
    }
    catch (err) {
        // Sources promise not to throw; this guards a future one that does.
        status.warnings.push(`${source.name}: ${err.message}; no weather signal`);
        return none;
    }
    status.warnings.push(...weather.warnings);
    if (weather.byRegion.size === 0) {
        if (!status.warnings.length)
            status.warnings.push(`${source.name}: no usable hours for the configured regions; no weather signal`);
        return none;
    }
    status.signal = 'ok';
    return { status, byRegion: weather.byRegion };
}
/** Surges in the next hours of each tenant's stored forecast, under the weather read. */
export function checkSurges(rows, weather, source, opts) {
    const surges = [];
    if (weather.size === 0)
        return surges;
    for (const [tenant, t] of regionHours(rows, opts.regions, opts.timeZone)) {
        const alerts = detectSurges(opts.modelFor(tenant), opts.regions, t.hours, weather, {
            now: Math.floor(toLocalMinutes(opts.now, opts.timeZone) / 60) * 60,
            horizonHours: opts.horizonHours,
            threshold: opts.threshold,
            minExtraContacts: opts.minExtraContacts,
            aht: t.volume > 0 ? t.ahtWeighted / t.volume : undefined,
        });
        // The demo's simulated feed says so on every alert (planner, wallboard banner, surge_alerts).
        const label = source === SIMULATED_SOURCE_NAME ? ' [simulated weather / 模拟天气]' : '';
        for (const a of alerts)
            surges.push({
                ...a,
                reason: a.reason + label,
                tenant,
                alert_id: `weather-surge-${a.region}`,
                source,
                raised_at: Date.now(),
            });
    }
    return surges;
}
/** The wallboard banner's view of a surge. */
export function surgeAlertInput(s, ttlMs) {
    return {
        tenant: s.tenant,
        id: s.alert_id,
        severity: 'warning',
        source: 'forecast',
        ts: s.raised_at,
        ttl_ms: ttlMs,
        text: `天气预警 / Weather surge ${s.region} (${s.queues.join(', ')}) ${s.window.start.slice(11, 16)}–${s.window.end.slice(11, 16)}: +${s.expected_extra_contacts} contacts, +${s.expected_extra_agents} agents. ${s.reason}`,
    };
}
/** Columns of `surge_alerts`. */
export const surgeRow = (s) => ({
    tenant: s.tenant,
    alert_id: s.alert_id,
    region: s.region,
    queues: s.queues,
    window_start: s.window.start,
    window_end: s.window.end,
    expected_extra_contacts: s.expected_extra_contacts,
    expected_extra_agents: s.expected_extra_agents,
    reason: s.reason,
    source: s.source,
    raised_at: s.raised_at,
});
//# sourceMappingURL=surge-watch.js.map