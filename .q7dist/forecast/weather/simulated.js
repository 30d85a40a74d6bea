/**
 * `MOFANG_WEATHER_SOURCE=simulated`: the demo's simulated weather (kits/sim/weather.ts), the same rain the simulator
 * scales its arrivals by, for every configured region: the history window's hours (so the uplift can be learned) and
 * the next two days (so surges are seen coming). Its name says "simulated" wherever the source is shown.
 * `simulated:<ms>` anchors the demo storm at that instant (mofang start passes its own start); plain `simulated`
 * anchors it when the source is created.
 */
import { simulatedRainMmH } from '../../kits/sim/index.js';
import { toLocalMinutes } from '../../kits/time/index.js';
const HOUR = 3_600_000;
export const SIMULATED_SOURCE_NAME = 'simulated (demo weather, not a real feed)';
export function simulatedWeatherSource(opts) {
    const stormFrom = opts.stormFrom ?? Date.now();
    const now = opts.now ?? Date.now;
    return {
        name: SIMULATED_SOURCE_NAME,
        async fetch(regions) {
            const first = Math.floor((now() - (opts.historyDays ?? 56) * 24 * HOUR) / HOUR) * HOUR;
            const hours = [];
            for (let t = first; t < now() + 48 * HOUR; t += HOUR) {
                const rain = Math.round(simulatedRainMmH(t, stormFrom) * 10) / 10;
                hours.push({
                    time: toLocalMinutes(t, opts.timeZone),
                    precipitation: rain,
                    temperature: 22,
                    windSpeed: 10,
                    windGusts: 20,
                    weatherCode: rain > 0 ? 63 : 1,
                });
            }
            return { byRegion: new Map(regions.map((r) => [r.region, hours])), warnings: [] };
        },
    };
}
/** `simulated` or `simulated:<ms>`: the storm anchor (undefined: now), or null when the setting is something else. */
export function simulatedSetting(setting) {
    const m = /^simulated(?::(\d+))?$/.exec(setting);
    return m ? { stormFrom: m[1] ? Number(m[1]) : undefined } : null;
}
//# sourceMappingURL=simulated.js.map