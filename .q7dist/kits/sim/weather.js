/**
 * The demo's simulated weather: rain as a pure function of time, so the simulator (which scales arrivals by it) and
 * the forecast service's `simulated` weather source (which reports it) agree without talking to each other. It is
 * not real weather and everything that shows it says "simulated".
 *
 * Showers fall in about one hour in six, 5-30 mm/h, from a hash of the hour (not of the time of day or weekday, so
 * the calendar forecast cannot absorb them and the uplift model can learn their effect). A demo storm of
 * DEMO_STORM_MM_H for DEMO_STORM_HOURS starts at the first whole hour after `stormFrom`, so a demo opened at any
 * daytime hour has a weather surge in its next hours.
 */
const HOUR = 3_600_000;
export const DEMO_STORM_HOURS = 4;
export const DEMO_STORM_MM_H = 25;
export const SIMULATED_MAX_RAIN_MM_H = 30;
/** The arrival effect the simulator applies: +30% per 10 mm/h, the forecast service's default prior. */
export const SIMULATED_UPLIFT_PER_10MM = 0.3;
/** The first whole hour after `ms`. */
export const nextWholeHour = (ms) => Math.floor(ms / HOUR) * HOUR + HOUR;
/** Rain at instant `ts` (ms), mm/h; with `stormFrom`, the demo storm from the next whole hour on. */
export function simulatedRainMmH(ts, stormFrom) {
    const hour = Math.floor(ts / HOUR);
    if (stormFrom !== undefined) {
        const storm = nextWholeHour(stormFrom) / HOUR;
        if (hour >= storm && hour < storm + DEMO_STORM_HOURS)
            return DEMO_STORM_MM_H;
    }
    const x = Math.sin(hour * 12.9898 + 78.233) * 43758.5453;
    const u = x - Math.floor(x);
    return u < 0.17 ? 5 + (u / 0.17) * 25 : 0;
}
//# sourceMappingURL=weather.js.map