/**
 * AHT forecasting methods for the evaluation (aht-eval.ts): the profile forecast the service uses (aht.ts) and the
 * baselines it has to beat, the 28-day mean the service used before among them.
 */
import { fitChannelAht } from './aht.js';
const WEEK = 7 * 1440;
/** The profile forecast (aht.ts), as the forecast service runs it. */
export function profileAht(options = {}, name = 'profile') {
    return {
        name,
        fit: (queues, origin) => fitChannelAht(queues, { ...options, origin }).map((m) => (m ? (t) => m.at(t) : () => NaN)),
    };
}
/** Contact-weighted mean handle time of the points from `from` on (NaN when none). */
function meanSince(points, from) {
    let seconds = 0;
    let contacts = 0;
    for (const p of points)
        if (p.t >= from)
            [seconds, contacts] = [seconds + p.seconds, contacts + p.contacts];
    return contacts > 0 ? seconds / contacts : NaN;
}
/** The queue's mean over the last 28 days, the same for every interval (what the service used before). */
export const mean28Days = {
    name: 'mean_28d',
    fit: (queues, origin) => queues.map((points) => {
        const mean = meanSince(points, origin - 28 * 1440);
        return () => mean;
    }),
};
/**
 * The contact-weighted AHT of the same interval over the last `weeks` same weekdays; the 28-day mean where those
 * intervals had no contacts. `weeks` = 1 is seasonal naive.
 */
export function sameIntervalWeeks(weeks, name = `mean_weeks_${weeks}`) {
    return {
        name,
        fit: (queues, origin) => queues.map((points) => {
            const byT = new Map(points.map((p) => [p.t, p]));
            const fallback = meanSince(points, origin - 28 * 1440);
            return (t) => {
                let seconds = 0;
                let contacts = 0;
                // The latest same weekday before the origin is 1-7 days back from t (one week ahead: always a week).
                const first = t - Math.ceil((t - origin + 1) / WEEK) * WEEK;
                for (let k = 0; k < weeks; k++) {
                    const p = byT.get(first - k * WEEK);
                    if (p)
                        [seconds, contacts] = [seconds + p.seconds, contacts + p.contacts];
                }
                return contacts > 0 ? seconds / contacts : fallback;
            };
        }),
    };
}
/** The baselines: the 28-day mean, seasonal naive, the mean of the last 4 and 6 same weekdays. */
export const AHT_BASELINES = [
    mean28Days,
    sameIntervalWeeks(1, 'seasonal_naive'),
    sameIntervalWeeks(4, 'mean_weeks'),
    sameIntervalWeeks(6),
];
//# sourceMappingURL=aht-methods.js.map