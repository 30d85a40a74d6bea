/**
 * Tickets: email and web-form tickets are deferred work, answered within hours, not seconds. Their arrivals are
 * forecast per interval and day with the same methods as calls (forecastSeries: `auto`, `day_level` unless another
 * method clearly wins), but they are not staffed with Erlang C, which models callers waiting on the line.
 *
 * One difference in the input: a ticket channel never closes (mail and web forms arrive at any hour), and a quiet
 * queue has many 15-minute intervals with no ticket. The warehouse only has rows where something arrived, and the
 * forecast library reads a missing row as a closed interval; so a ticket series is filled with zeros over every
 * interval from its first day on before it is forecast.
 */
import { createYielder } from '../core/index.js';
import { forecastOrMeanWeeks } from './forecast.js';
import { fromLocalMinutes, toLocalMinutes } from '../kits/time/index.js';
import { dayOf } from './series.js';
import { groupBySeries } from './series-key.js';
/** Channels whose contacts are tickets (the simulator's and the warehouse's `email` and `ticket`). */
export const TICKET_CHANNELS = new Set(['email', 'ticket']);
const STEP_MIN = 15;
/** Every 15-minute interval from day `fromDay` up to day `toDay` (exclusive), with its count; 0 where no row. */
export function everyInterval(points, fromDay, toDay) {
    const counts = new Map(points.map((p) => [p.t, p.count]));
    const out = [];
    for (let t = fromDay * 1440; t < toDay * 1440; t += STEP_MIN)
        out.push({ t, count: counts.get(t) ?? 0 });
    return out;
}
/**
 * Forecasts one ticket series for `targets` (local minutes) from its whole days in the history window, from
 * `firstWholeDay` up to `today` (day numbers): `auto`, or the mean of the last 4 same weekdays when the history is
 * too short to choose a method.
 */
function forecastTickets(points, targets, days) {
    const whole = points.filter((p) => dayOf(p.t) >= days.firstWholeDay && dayOf(p.t) < days.today);
    if (!whole.length)
        throw new Error('no whole day of tickets yet');
    const history = everyInterval(whole, dayOf(whole[0].t), days.today);
    return forecastOrMeanWeeks(history, targets, { interval: STEP_MIN });
}
/** Ticket forecasts of every ticket series, today and the coming days; a series that cannot be forecast is skipped. */
export async function buildTicketForecasts(history, opts) {
    const maybeYield = createYielder(50);
    const nowLocal = toLocalMinutes(opts.now, opts.timeZone);
    const today = dayOf(nowLocal);
    const days = { firstWholeDay: dayOf(nowLocal - opts.historyDays * 1440) + 1, today };
    const targets = Array.from({ length: (opts.days * 1440) / STEP_MIN }, (_, i) => today * 1440 + i * STEP_MIN);
    const out = { rows: [], series: 0, skipped: [] };
    for (const { key, values } of groupBySeries(history, (h, t) => ({ t, count: Number(h.created) }))) {
        await maybeYield();
        let fc;
        try {
            fc = forecastTickets(values, targets, days);
        }
        catch (err) {
            out.skipped.push({ key, reason: err.message });
            continue;
        }
        out.series++;
        for (const r of fc.rows)
            out.rows.push({
                ...key,
                interval_start: fromLocalMinutes(r.t, opts.timeZone),
                forecast: Math.max(0, r.forecast),
                lo: Math.max(0, r.lo),
                hi: Math.max(0, r.hi),
                method: fc.method,
                generated_at: opts.now,
            });
    }
    return out;
}
//# sourceMappingURL=tickets.js.map