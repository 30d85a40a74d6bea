/**
 * Open-Meteo forecast API client (https://open-meteo.com/en/docs): hourly
 * precipitation, temperature, wind and weather code per region, in the region's
 * local time (timezone=auto), from yesterday (past_days) on. Failures degrade to "no signal" with a warning.
 */
import { parseLocalTimestamp } from '../series.js';
import { checkHour } from './types.js';
export const OPEN_METEO_URL = 'https://api.open-meteo.com/v1/forecast';
const HOURLY = ['precipitation', 'temperature_2m', 'wind_speed_10m', 'wind_gusts_10m', 'weather_code'];
export function openMeteoUrl(region, opts = {}) {
    const url = new URL(opts.baseUrl ?? OPEN_METEO_URL);
    url.searchParams.set('latitude', String(region.latitude));
    url.searchParams.set('longitude', String(region.longitude));
    url.searchParams.set('hourly', HOURLY.join(','));
    url.searchParams.set('timezone', 'auto');
    url.searchParams.set('forecast_days', String(opts.forecastDays ?? 2));
    url.searchParams.set('past_days', String(opts.pastDays ?? 1));
    return url.toString();
}
/** Parses Open-Meteo's JSON (`hourly.time` plus one array per variable); returns a reason when malformed. */
export function parseOpenMeteo(body) {
    const hourly = body?.hourly;
    if (!hourly || !Array.isArray(hourly.time))
        return 'response has no hourly.time array';
    for (const v of HOURLY) {
        if (!Array.isArray(hourly[v]) || hourly[v].length !== hourly.time.length)
            return `hourly.${v} is missing or has the wrong length`;
    }
    const out = [];
    for (let i = 0; i < hourly.time.length; i++) {
        const time = parseLocalTimestamp(String(hourly.time[i]));
        const hour = checkHour({
            time: typeof time === 'number' ? time : NaN,
            // Open-Meteo sends null for hours it has no value for: treat missing rain as none.
            precipitation: (hourly.precipitation[i] ?? 0),
            temperature: hourly.temperature_2m[i],
            windSpeed: hourly.wind_speed_10m[i],
            windGusts: hourly.wind_gusts_10m[i],
            weatherCode: hourly.weather_code[i],
        });
        if (typeof hour === 'string')
            continue; // one bad hour loses that hour only
        out.push(hour);
    }
    return out;
}
export function openMeteoSource(opts = {}) {
    const doFetch = opts.fetch ?? fetch;
    return {
        name: 'open-meteo',
        async fetch(regions) {
            const result = { byRegion: new Map(), warnings: [] };
            await Promise.all(regions.map(async (region) => {
                try {
                    const res = await doFetch(openMeteoUrl(region, opts), {
                        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
                    });
                    if (!res.ok)
                        throw new Error(`HTTP ${res.status}`);
                    const hours = parseOpenMeteo(await res.json());
                    if (typeof hours === 'string')
                        throw new Error(hours);
                    result.byRegion.set(region.region, hours);
                }
                catch (err) {
                    result.warnings.push(`open-meteo ${region.region}: no weather signal (${err.message})`);
                }
            }));
            return result;
        },
    };
}
//# sourceMappingURL=open-meteo.js.map