/**
 * The daily level: how many contacts a whole day will bring, before the intraday
 * profile spreads them over its intervals.
 *
 *   log(daily total) = level(t) + weekday effect + calendar effects + noise
 *
 * Calendar effects: the first, second and third business day of the month, the
 * last business day, and the business day after a closure (a holiday). Business
 * days and closures come from business-days.ts.
 *
 * Fitted in two stages, so that level changes do not leak into the effects:
 *  1. the effects by weighted least squares with one free intercept per calendar
 *     week (week fixed effects), by backfitting; ridge on the calendar effects (a
 *     rare effect seen once or twice stays small), none on the weekday effects;
 *     older weeks weigh less (`decay` per day);
 *  2. the level by exponential smoothing of the de-seasonalised log totals
 *     (`alpha`), each step clipped at `clip` robust standard deviations so an
 *     outage or a one-off spike moves it little.
 *
 * The constants were chosen by rolling-origin evaluation (one week ahead, weekly
 * origins) on the first 17 weeks of the bank data only; see README "Accuracy".
 */
import { afterClosure, monthPosition } from '../business-days.js';
import { dayTotal, weekdayOf } from '../series.js';
import { profileFor } from './daily-profile.js';
import { median, solveLinear } from '../../kits/stats/index.js';
const DEFAULTS = { alpha: 0.15, decay: 0.995, ridge: 0.1, weeks: 52, clip: 3 };
/** Calendar effects, in this order. */
export const CALENDAR_EFFECTS = ['first_day', 'second_day', 'third_day', 'last_day', 'after_closure'];
const weekOf = (day) => Math.floor((day + 3) / 7);
export function fitDayLevel(train, context, options = {}) {
    const opts = { ...DEFAULTS, ...options };
    const { openWeekdays, closedDays } = context;
    const isBusinessDay = (d) => openWeekdays[weekdayOf(d)] && !closedDays.has(d);
    const nCal = CALENDAR_EFFECTS.length;
    /** Features: 7 weekday dummies, then the calendar effects. */
    const features = (day) => {
        const f = new Array(7 + nCal).fill(0);
        f[weekdayOf(day)] = 1;
        const pos = monthPosition(day, isBusinessDay);
        if (pos.fromStart >= 1 && pos.fromStart <= 3)
            f[7 + pos.fromStart - 1] = 1;
        if (pos.toEnd === 1)
            f[7 + 3] = 1;
        if (afterClosure(day, openWeekdays, closedDays))
            f[7 + 4] = 1;
        return f;
    };
    const last = train.days.at(-1)?.day ?? 0;
    const cells = train.days
        .filter((d) => d.day > last - opts.weeks * 7)
        .map((d) => ({ day: d.day, week: weekOf(d.day), total: dayTotal(d.values) }))
        .filter((c) => c.total > 0)
        .map((c) => ({ ...c, y: Math.log(c.total), x: features(c.day), w: opts.decay ** (last - c.day) }));
    const p = 7 + nCal;
    if (cells.length === 0)
        return { total: () => 0, effects: {}, level: 0 };
    // Stage 1: effects with week fixed effects, by backfitting (alternate week means and the ridge regression).
    const weekEffect = new Map();
    let beta = new Array(p).fill(0);
    const xtwx = Array.from({ length: p }, () => new Array(p).fill(0));
    for (const c of cells)
        for (let i = 0; i < p; i++)
            if (c.x[i])
                for (let j = 0; j < p; j++)
                    xtwx[i][j] += c.w * c.x[i] * c.x[j];
    for (let i = 0; i < p; i++)
        xtwx[i][i] += i < 7 ? 1e-6 : opts.ridge;
    const fitted = (x) => x.reduce((s, v, i) => s + v * beta[i], 0);
    for (let iter = 0; iter < 100; iter++) {
        const sums = new Map();
        for (const c of cells) {
            const s = sums.get(c.week) ?? [0, 0];
            s[0] += c.w * (c.y - fitted(c.x));
            s[1] += c.w;
            sums.set(c.week, s);
        }
        for (const [week, [sy, sw]] of sums)
            weekEffect.set(week, sy / sw);
        const xtwy = new Array(p).fill(0);
        for (const c of cells) {
            const r = c.y - weekEffect.get(c.week);
            for (let i = 0; i < p; i++)
                if (c.x[i])
                    xtwy[i] += c.w * c.x[i] * r;
        }
        const next = solveLinear(xtwx, xtwy);
        const change = next.reduce((m, v, i) => Math.max(m, Math.abs(v - beta[i])), 0);
        beta = next;
        if (change < 1e-6)
            break;
    }
    // The weekday effects are identified only up to a constant: centre them on the open weekdays.
    const openDummies = beta.slice(0, 7).filter((_, w) => openWeekdays[w]);
    const shift = openDummies.length ? openDummies.reduce((a, b) => a + b, 0) / openDummies.length : 0;
    for (let w = 0; w < 7; w++)
        beta[w] -= shift;
    // Stage 2: the level, smoothed over the de-seasonalised log totals in time order.
    const deseason = cells.map((c) => c.y - fitted(c.x));
    const warm = Math.min(5, deseason.length);
    let level = deseason.slice(0, warm).reduce((a, b) => a + b, 0) / warm;
    const mid = median(deseason);
    const clip = opts.clip * 1.4826 * median(deseason.map((v) => Math.abs(v - mid))) || 0.1;
    for (const v of deseason.slice(warm))
        level += opts.alpha * Math.max(-clip, Math.min(clip, v - level));
    const effects = {};
    for (let w = 0; w < 7; w++)
        if (openWeekdays[w])
            effects[`weekday_${w}`] = beta[w];
    CALENDAR_EFFECTS.forEach((name, i) => (effects[name] = beta[7 + i]));
    return {
        total: (day) => (openWeekdays[weekdayOf(day)] ? Math.exp(level + fitted(features(day))) : 0),
        effects,
        level,
    };
}
/** Without a context (a caller outside engine.ts), weekdays seen in the history are open and nothing is closed. */
function defaultContext(train) {
    const openWeekdays = new Array(7).fill(false);
    for (const d of train.days)
        openWeekdays[d.weekday] = true;
    return { openWeekdays, closedDays: new Set() };
}
/** Daily level (above) × intraday profile per weekday (daily-profile.ts's, smoothed a little more). */
export function dayLevelProfile(options = {}) {
    const profile = { profileDays: 20, shrinkage: 2, smooth: 0.2, ...options };
    return {
        name: 'day_level',
        description: 'daily level (weekday, month-turn and after-holiday effects with week fixed effects; smoothed level) × shrunk intraday profile per weekday',
        forecast(train, targets, context) {
            const model = fitDayLevel(train, context ?? defaultContext(train), options);
            const profiles = new Map();
            return targets.map((t) => {
                if (!profiles.has(t.weekday))
                    profiles.set(t.weekday, profileFor(train, t.weekday, profile));
                const total = model.total(t.day);
                return profiles.get(t.weekday).map((share) => share * total);
            });
        },
    };
}
//# sourceMappingURL=day-level.js.map