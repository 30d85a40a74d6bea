/**
 * Optional weather effect on arrivals, with a KNOWN size so tests can check
 * that the forecast's uplift model recovers it: arrivals are multiplied by
 * (1 + upliftPer10mm)^(rain / 10) while it rains (e.g. +30% per 10 mm/h).
 * The simulated centre is one region: every queue feels the same rain.
 */
import { BadInputError } from '../core/index.js';
/** Arrival multiplier at `ts`; 1 without weather. */
export function weatherFactor(w, ts) {
    if (!w)
        return 1;
    const rain = Math.min(w.maxRainMmH, Math.max(0, w.rainMmH(ts)));
    return (1 + (w.upliftPer10mm ?? 0.3)) ** (rain / 10);
}
/** The largest multiplier the weather can reach (the thinning bound). */
export function maxWeatherFactor(w) {
    if (!w)
        return 1;
    const u = w.upliftPer10mm ?? 0.3;
    if (!(w.maxRainMmH >= 0 && w.maxRainMmH <= 500) || !(u > -1 && u <= 10))
        throw new BadInputError(`weather: maxRainMmH must be 0…500 and upliftPer10mm > -1 and ≤ 10`);
    return Math.max(1, (1 + u) ** (w.maxRainMmH / 10));
}
//# sourceMappingURL=weather.js.map