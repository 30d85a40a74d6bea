/**
 * Daily totals × intraday profile, fitted robustly (after the analysis of bank
 * call arrivals by Weinberg, Brown & Stroud 2007, simplified):
 *
 *  - log daily total = level + weekday effect + month-turn effect; the effects come
 *    from a median polish over recent weeks, so an odd day (an outage, a
 *    post-holiday spike) barely moves them;
 *  - the level is an exponentially smoothed mean of the de-seasonalised daily
 *    totals, with each step clipped at 2.5 robust standard deviations;
 *  - the intraday profile per weekday is the mean share of each slot over many
 *    recent same weekdays, shrunk towards the profile pooled over all weekdays and
 *    lightly smoothed across neighbouring slots. Averaging many weeks of shares is
 *    what beats "mean of the last 4 weeks": shares are stable, single days are noisy.
 */
import { dayTotal } from '../series.js';
import { MONTH_TURN, monthTurn } from './month-turn.js';
import { countAt } from './types.js';
import { median } from '../../kits/stats/index.js';
const DEFAULTS = {
    weeks: 26,
    levelAlpha: 0.3,
    profileDays: 20,
    shrinkage: 2,
    smooth: 0.15,
};
const weekOf = (day) => Math.floor((day + 3) / 7);
function medianBy(cells, key, value) {
    const groups = new Map();
    for (const c of cells) {
        const g = groups.get(key(c));
        if (g)
            g.push(value(c));
        else
            groups.set(key(c), [value(c)]);
    }
    return new Map([...groups].map(([k, v]) => [k, median(v)]));
}
/** Median polish of log totals into week level + weekday effect + month-turn effect. */
function polish(cells) {
    let level = new Map();
    let weekday = new Map();
    let turn = new Map();
    const part = {
        level: (c) => level.get(c.week) ?? 0,
        weekday: (c) => weekday.get(c.weekday) ?? 0,
        turn: (c) => turn.get(c.turn) ?? 0,
    };
    const without = (c, skip) => c.y - Object.keys(part).reduce((s, k) => (k === skip ? s : s + part[k](c)), 0);
    for (let iter = 0; iter < 4; iter++) {
        level = medianBy(cells, (c) => c.week, (c) => without(c, 'level'));
        weekday = medianBy(cells, (c) => c.weekday, (c) => without(c, 'weekday'));
        turn = medianBy(cells, (c) => c.turn, (c) => without(c, 'turn'));
        turn.set(MONTH_TURN.none, 0);
    }
    return { seasonal: (c) => part.weekday(c) + part.turn(c) };
}
/** Robust exponential smoothing of the de-seasonalised log totals. */
function smoothLevel(values, alpha) {
    const warm = Math.min(5, values.length);
    let level = values.slice(0, warm).reduce((a, b) => a + b, 0) / warm;
    const spread = 1.4826 * median(values.map((v) => Math.abs(v - median([...values]))));
    const clip = 2.5 * spread || 0.1;
    for (const v of values.slice(warm))
        level += alpha * Math.max(-clip, Math.min(clip, v - level));
    return level;
}
/** Intraday shares of `weekday`: recent same weekdays, shrunk towards all weekdays, smoothed. Sums to 1. */
export function profileFor(train, weekday, opts) {
    const { slots } = train;
    const own = new Float64Array(slots);
    const pooled = new Float64Array(slots);
    let nOwn = 0;
    let nPooled = 0;
    for (let i = train.days.length - 1; i >= 0 && nOwn < opts.profileDays; i--) {
        const d = train.days[i];
        const mine = d.weekday === weekday;
        const total = dayTotal(d.values);
        if (total <= 0 || (!mine && nPooled >= opts.profileDays * 5))
            continue;
        for (let s = 0; s < slots; s++) {
            const share = countAt(d.values, s) / total;
            pooled[s] += share;
            if (mine)
                own[s] += share;
        }
        nPooled++;
        if (mine)
            nOwn++;
    }
    const mixed = own.map((v, s) => (v + (opts.shrinkage * pooled[s]) / Math.max(1, nPooled)) / (nOwn + opts.shrinkage));
    return smoothSlots(mixed, opts.smooth);
}
/** Neighbour smoothing that keeps closed slots (share 0) closed and the total unchanged. */
function smoothSlots(p, w) {
    if (w === 0)
        return p;
    const out = p.map((v, s) => (v === 0 ? 0 : (1 - 2 * w) * v + w * (p[s - 1] || v) + w * (p[s + 1] || v)));
    const sum = out.reduce((a, b) => a + b, 0);
    const was = p.reduce((a, b) => a + b, 0);
    return sum > 0 ? out.map((v) => (v * was) / sum) : out;
}
export function dailyProfile(options = {}) {
    const opts = { ...DEFAULTS, ...options };
    return {
        name: 'daily_profile',
        description: 'robust daily totals (weekday and month-turn effects, smoothed level) × shrunk intraday profile per weekday',
        forecast(train, targets) {
            const last = train.days.at(-1)?.day ?? 0;
            const open = new Array(7).fill(false);
            for (const d of train.days)
                open[d.weekday] = true;
            const cells = train.days
                .filter((d) => d.day > last - opts.weeks * 7)
                .map((d) => ({
                week: weekOf(d.day),
                weekday: d.weekday,
                turn: monthTurn(d.day, open),
                y: Math.log(Math.max(1, dayTotal(d.values))),
            }));
            if (cells.length === 0)
                return targets.map(() => new Float64Array(train.slots));
            const { seasonal } = polish(cells);
            const level = smoothLevel(cells.map((c) => c.y - seasonal(c)), opts.levelAlpha);
            const profiles = new Map();
            return targets.map((t) => {
                if (!profiles.has(t.weekday))
                    profiles.set(t.weekday, profileFor(train, t.weekday, opts));
                const total = Math.exp(level + seasonal({ weekday: t.weekday, turn: monthTurn(t.day, open) }));
                return profiles.get(t.weekday).map((share) => share * total);
            });
        },
    };
}
//# sourceMappingURL=daily-profile.js.map