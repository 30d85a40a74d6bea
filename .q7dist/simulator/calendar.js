export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MINUTE = 60_000;
/** Local clock of a centre at a fixed UTC offset. */
export class LocalClock {
    offsetMs;
    constructor(offsetMs) {
        this.offsetMs = offsetMs;
    }
    /** Hours since local midnight, fractional (10.5 = 10:30). */
    hourOf(ts) {
        const local = ts + this.offsetMs;
        return (((local % DAY) + DAY) % DAY) / HOUR;
    }
    /** 0 = Sunday … 6 = Saturday, local. */
    weekdayOf(ts) {
        // 1970-01-01 was a Thursday (4).
        return (((Math.floor((ts + this.offsetMs) / DAY) + 4) % 7) + 7) % 7;
    }
    /** The UTC ms of the local midnight at or before ts. */
    midnightOf(ts) {
        return Math.floor((ts + this.offsetMs) / DAY) * DAY - this.offsetMs;
    }
    /** `YYYY-MM-DD HH:MM:SS` local, for status lines. */
    format(ts) {
        return new Date(ts + this.offsetMs).toISOString().replace('T', ' ').slice(0, 19);
    }
}
/** Hourly shape (index = local hour, value at hh:00, linearly interpolated), peak 1.0. */
const SHAPES = {
    // Morning peak ~10:00, lunch dip 12:00-13:00, afternoon peak ~15:00, closed outside 08:00-22:00.
    voice: [0, 0, 0, 0, 0, 0, 0, 0, 0.3, 0.72, 1.0, 0.9, 0.55, 0.62, 0.86, 0.97, 0.84, 0.7, 0.52, 0.48, 0.42, 0.3, 0, 0],
    // Same daytime shape, a busier evening (people chat from their phones after work), low nights.
    messaging: [
        0.12, 0.07, 0.05, 0.04, 0.04, 0.06, 0.12, 0.25, 0.45, 0.75, 1.0, 0.92, 0.66, 0.7, 0.88, 0.96, 0.86, 0.74, 0.66, 0.7,
        0.72, 0.62, 0.42, 0.22,
    ],
    // Email and web forms arrive round the clock, mostly in office hours.
    async: [
        0.1, 0.08, 0.06, 0.05, 0.05, 0.08, 0.15, 0.3, 0.6, 0.85, 1.0, 0.95, 0.7, 0.75, 0.92, 0.95, 0.85, 0.7, 0.5, 0.42,
        0.38, 0.3, 0.22, 0.15,
    ],
};
/** Weekday factor, Sunday first: Monday is busiest, weekends quieter. */
const WEEKDAY = [0.5, 1.0, 0.95, 0.92, 0.9, 0.88, 0.6];
/** Arrival intensity relative to the weekly peak (0…1) for a pattern at a time. */
export function seasonality(clock, pattern, ts) {
    const h = clock.hourOf(ts);
    const shape = SHAPES[pattern];
    const lo = Math.floor(h), frac = h - lo;
    const v = shape[lo] + (shape[(lo + 1) % 24] - shape[lo]) * frac;
    // Voice closes hard at 22:00: no interpolation into the closed hour.
    if (pattern === 'voice' && (h < 8 || h >= 22))
        return 0;
    return v * WEEKDAY[clock.weekdayOf(ts)];
}
export function patternOf(channel) {
    if (channel === 'voice')
        return 'voice';
    if (channel === 'email' || channel === 'ticket')
        return 'async';
    return 'messaging';
}
//# sourceMappingURL=calendar.js.map