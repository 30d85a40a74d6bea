/**
 * Hourly weather from a file, for sites with their own feed (or replaying history).
 * JSON: `{ "<region>": [{ "time": "2024-06-01T14:00", "precipitation": 3.2,
 * "temperature_2m": 28, "wind_speed_10m": 20, "wind_gusts_10m": 45, "weather_code": 63 }] }`.
 * CSV: header `region,time,precipitation,temperature_2m,wind_speed_10m,wind_gusts_10m,weather_code`.
 */
import { readFile } from 'node:fs/promises';
import { parseLocalTimestamp } from '../series.js';
import { checkHour } from './types.js';
const COLUMNS = [
    'region',
    'time',
    'precipitation',
    'temperature_2m',
    'wind_speed_10m',
    'wind_gusts_10m',
    'weather_code',
];
function toHour(r) {
    const time = parseLocalTimestamp(String(r.time ?? ''));
    if (typeof time === 'string')
        return time;
    return checkHour({
        time,
        precipitation: Number(r.precipitation ?? 0),
        temperature: Number(r.temperature_2m),
        windSpeed: Number(r.wind_speed_10m),
        windGusts: Number(r.wind_gusts_10m),
        weatherCode: Number(r.weather_code),
    });
}
/** Parses a feed; bad rows are skipped with a warning naming the line or item. */
export function parseWeatherFeed(text, fileName) {
    const result = { byRegion: new Map(), warnings: [] };
    const add = (region, raw, where) => {
        const hour = toHour(raw);
        if (typeof hour === 'string')
            result.warnings.push(`${where}: ${hour}; row skipped`);
        else
            result.byRegion.set(region, [...(result.byRegion.get(region) ?? []), hour]);
    };
    if (text.trim().startsWith('{')) {
        let data;
        try {
            data = JSON.parse(text);
        }
        catch (err) {
            return {
                byRegion: new Map(),
                warnings: [`${fileName}: not valid JSON (${err.message}); no weather signal`],
            };
        }
        for (const [region, rows] of Object.entries(data)) {
            if (!Array.isArray(rows))
                result.warnings.push(`${fileName} ${region}: expected an array of hours`);
            else
                rows.forEach((r, i) => add(region, r, `${fileName} ${region}[${i}]`));
        }
        return result;
    }
    const lines = text.split(/\r?\n/);
    const header = lines[0].split(',').map((s) => s.trim());
    if (COLUMNS.some((c) => !header.includes(c))) {
        return { byRegion: new Map(), warnings: [`${fileName}: header must have ${COLUMNS.join(',')}; no weather signal`] };
    }
    lines.slice(1).forEach((line, i) => {
        if (line.trim() === '')
            return;
        const cells = line.split(',');
        const row = Object.fromEntries(header.map((h, j) => [h, cells[j]?.trim()]));
        add(String(row.region), row, `${fileName} line ${i + 2}`);
    });
    return result;
}
export function fileFeedSource(path, read = (p) => readFile(p, 'utf8')) {
    return {
        name: `file:${path}`,
        async fetch(regions) {
            let parsed;
            try {
                parsed = parseWeatherFeed(await read(path), path);
            }
            catch (err) {
                return {
                    byRegion: new Map(),
                    warnings: [`${path}: cannot read (${err.message}); no weather signal`],
                };
            }
            const wanted = new Set(regions.map((r) => r.region));
            for (const name of parsed.byRegion.keys())
                if (!wanted.has(name))
                    parsed.byRegion.delete(name);
            return parsed;
        },
    };
}
//# sourceMappingURL=file-feed.js.map