/**
 * Average handle time (AHT) forecast per interval of the week, for one queue and channel.
 *
 *   AHT(t) = level × profile(weekday, slot)
 *
 * Everything is contact-weighted: an interval's handle time counts in proportion to the contacts behind it, so an
 * interval with one long call moves nothing much, and the forecast's workload (arrivals × AHT) adds up.
 *
 *  - The profile says how much longer or shorter contacts run in a slot than the series' level at the time
 *    (who is on shift, which questions come when, how loaded chat agents are). Each interval's handle time is taken
 *    relative to the level of the 7 days around it (a centred weekly mean), so a drifting AHT does not leak into
 *    the profile. The ratios are pooled with recency weights, then shrunk step by step, each towards the one
 *    above it with a number of pseudo-contacts: the time of day over all weekdays towards its neighbouring slots
 *    (and those towards 1), the weekday towards 1, and each weekday × slot towards time of day × weekday. A slot
 *    with many hundreds of contacts keeps its own ratio, so a shift change at 14:00 stays sharp; a slot with a
 *    handful gets its neighbours'.
 *  - The level is a recency-weighted, profile-adjusted mean of the latest weeks, carried along its trend where the
 *    trend is clear (levelWithTrend), so it follows an AHT that drifts. A thin series is shrunk towards a prior
 *    level (the channel's, from the other queues) when one is given.
 *
 * Pure and deterministic. The constants were chosen by rolling-origin evaluation on the tuning weeks of the
 * simulated centre (aht-eval.ts, README "AHT and ticket forecasts"); the trend was kept although those weeks, whose
 * AHT never drifts, could not ask for it.
 */
import { dayOf, minuteOfDay, weekdayOf } from './series.js';
/**
 * One contact's handle time counts at most this many seconds (2 hours; the service passes it to forecast_history.sql):
 * a chat left open overnight or a call never hung up is a data fault, not workload.
 */
export const MAX_HANDLE_S = 7200;
const AHT_DEFAULTS = {
    interval: 15,
    levelHalfLifeDays: 14,
    profileHalfLifeDays: 28,
    slotPrior: 30,
    weekdayPrior: 200,
    cellPrior: 300,
    neighbourPrior: 100,
    clip: 3,
    trend: true,
};
const HALF_WINDOW_DAYS = 3;
/** A trend counts b² / (b² + 4 se²) of itself: fully only when its slope b is well beyond 2 standard errors. */
const TREND_EVIDENCE = 4;
/** Contact-weighted mean handle time of each day's centred week (days without contacts get none). */
function weeklyLevels(points) {
    const byDay = new Map();
    for (const p of points) {
        const d = byDay.get(dayOf(p.t)) ?? [0, 0];
        d[0] += p.seconds;
        d[1] += p.contacts;
        byDay.set(dayOf(p.t), d);
    }
    const levels = new Map();
    for (const day of byDay.keys()) {
        let seconds = 0;
        let contacts = 0;
        for (let d = day - HALF_WINDOW_DAYS; d <= day + HALF_WINDOW_DAYS; d++) {
            const s = byDay.get(d);
            if (s)
                [seconds, contacts] = [seconds + s[0], contacts + s[1]];
        }
        if (contacts > 0 && seconds > 0)
            levels.set(day, seconds / contacts);
    }
    return levels;
}
/** Fits the forecast; undefined when there is nothing to learn from and no prior. */
export function fitAht(points, options = {}) {
    const o = { ...AHT_DEFAULTS, ...options };
    const slots = Math.round(1440 / o.interval);
    // In time order, so the sums (and the forecast) do not depend on the order the rows came in.
    const used = points.filter((p) => p.contacts > 0 && p.seconds >= 0).sort((a, b) => a.t - b.t);
    const contacts = used.reduce((s, p) => s + p.contacts, 0);
    if (contacts === 0) {
        if (!o.prior)
            return undefined;
        const seconds = o.prior.seconds;
        return { at: () => seconds, level: seconds, contacts: 0 };
    }
    const origin = o.origin ?? (dayOf(used[used.length - 1].t) + 1) * 1440;
    const age = (t) => Math.max(0, (origin - t) / 1440);
    const slotOf = (t) => Math.floor(minuteOfDay(t) / o.interval);
    const cell = (t) => weekdayOf(dayOf(t)) * slots + slotOf(t);
    // The profile: handle time relative to the week around it, pooled with recency weights.
    const levels = weeklyLevels(used);
    const clipped = used.map((p) => {
        const level = levels.get(dayOf(p.t)) ?? Infinity;
        return { ...p, seconds: Math.min(p.seconds, o.clip * p.contacts * level), level };
    });
    const x = new Float64Array(7 * slots);
    const n = new Float64Array(7 * slots);
    for (const p of clipped) {
        if (p.level === Infinity)
            continue;
        const w = 0.5 ** (age(p.t) / o.profileHalfLifeDays);
        x[cell(p.t)] += (w * p.seconds) / p.level;
        n[cell(p.t)] += w * p.contacts;
    }
    // Time of day, all weekdays pooled: each slot shrunk towards its neighbours, the neighbours towards 1.
    const xs = new Float64Array(slots);
    const ns = new Float64Array(slots);
    for (let w = 0; w < 7; w++)
        for (let s = 0; s < slots; s++) {
            xs[s] += x[w * slots + s];
            ns[s] += n[w * slots + s];
        }
    const slotRatio = new Float64Array(slots);
    for (let s = 0; s < slots; s++) {
        const [xn, nn] = [s - 1, s + 1]
            .filter((k) => k >= 0 && k < slots)
            .reduce(([a, b], k) => [a + xs[k], b + ns[k]], [0, 0]);
        const neighbours = (xn + o.slotPrior) / (nn + o.slotPrior);
        slotRatio[s] =
            ns[s] + o.neighbourPrior > 0 ? (xs[s] + o.neighbourPrior * neighbours) / (ns[s] + o.neighbourPrior) : neighbours;
    }
    const ratio = new Float64Array(7 * slots);
    for (let w = 0; w < 7; w++) {
        let xw = 0;
        let expected = 0;
        for (let s = 0; s < slots; s++) {
            xw += x[w * slots + s];
            expected += n[w * slots + s] * slotRatio[s];
        }
        const weekday = (xw + o.weekdayPrior) / (expected + o.weekdayPrior);
        for (let s = 0; s < slots; s++) {
            const c = w * slots + s;
            ratio[c] = (x[c] + o.cellPrior * slotRatio[s] * weekday) / (n[c] + o.cellPrior);
        }
    }
    // The level: recent handle time over what the profile expected of those contacts, and its trend.
    const days = new Map();
    for (const p of clipped) {
        const d = days.get(dayOf(p.t)) ?? { seconds: 0, expected: 0 };
        d.seconds += p.seconds;
        d.expected += p.contacts * ratio[cell(p.t)];
        days.set(dayOf(p.t), d);
    }
    const level = levelWithTrend(days, o, origin);
    return { at: (t) => level(dayOf(t)) * ratio[cell(t)], level: level(dayOf(origin)), contacts };
}
/**
 * The level on any day from the days' handle time and the profile's expectation of it:
 *  - the recency-weighted mean (half-life `levelHalfLifeDays`), shrunk towards the prior, is the level at the
 *    recency-weighted mean day;
 *  - the trend is the slope of a contact-weighted straight line through the daily levels of the whole history,
 *    counted in proportion to how sure it is (TREND_EVIDENCE: a slope within its noise counts little): it
 *    carries the level from that mean day to the day forecast, which the mean alone would leave behind a drifting
 *    AHT. The level moves at most ±30% that way.
 */
function levelWithTrend(days, o, origin) {
    let seconds = o.prior ? o.prior.contacts * o.prior.seconds : 0;
    let expected = o.prior ? o.prior.contacts : 0;
    let dayWeighted = 0;
    let weight = 0;
    for (const [day, d] of days) {
        const w = 0.5 ** (Math.max(0, origin / 1440 - day - 0.5) / o.levelHalfLifeDays);
        seconds += w * d.seconds;
        expected += w * d.expected;
        dayWeighted += w * d.expected * day;
        weight += w * d.expected;
    }
    const level = seconds / expected;
    const meanDay = dayWeighted / weight;
    // The trend: weighted least squares of the daily levels on the day, weights the expected contacts.
    let n = 0;
    let sx = 0;
    let sy = 0;
    for (const [day, d] of days)
        [n, sx, sy] = [n + d.expected, sx + d.expected * day, sy + d.seconds];
    const [mx, my] = [sx / n, sy / n];
    let sxx = 0;
    let sxy = 0;
    for (const [day, d] of days) {
        sxx += d.expected * (day - mx) ** 2;
        sxy += (day - mx) * (d.seconds - d.expected * my);
    }
    const slope = sxx > 0 ? sxy / sxx : 0;
    let residual = 0;
    for (const [day, d] of days)
        residual += d.expected * (d.seconds / d.expected - my - slope * (day - mx)) ** 2;
    const se2 = days.size > 2 && sxx > 0 ? residual / (days.size - 2) / sxx : Infinity;
    // A line through levels that lie exactly on it (se 0) counts in full; a flat one (0 / 0) not at all.
    const evidence = slope * slope + TREND_EVIDENCE * se2;
    const trend = o.trend && evidence > 0 && evidence < Infinity ? (slope * slope * slope) / evidence : 0;
    return (day) => level * Math.min(1.3, Math.max(0.7, 1 + (trend * (day - meanDay)) / level));
}
/**
 * Forecasts for the queues of one channel (one tenant): each queue from its own history, its level shrunk towards the
 * channel's (all its queues pooled); a queue with no history gets the channel's forecast. Undefined where the channel
 * has no history at all (the caller's default AHT applies).
 */
export function fitChannelAht(queues, options = {}) {
    const pooled = new Map();
    for (const points of queues)
        for (const p of points) {
            const q = pooled.get(p.t) ?? { t: p.t, contacts: 0, seconds: 0 };
            q.contacts += p.contacts;
            q.seconds += p.seconds;
            pooled.set(p.t, q);
        }
    const last = [...pooled.keys()].reduce((m, t) => Math.max(m, t), -Infinity);
    const origin = options.origin ?? (pooled.size ? (dayOf(last) + 1) * 1440 : undefined);
    const channel = fitAht([...pooled.values()], { ...options, origin });
    const prior = channel ? { seconds: channel.level, contacts: options.priorContacts ?? 50 } : undefined;
    return queues.map((points) => points.some((p) => p.contacts > 0) ? fitAht(points, { ...options, origin, prior }) : channel);
}
//# sourceMappingURL=aht.js.map