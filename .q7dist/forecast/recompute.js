/**
 * One forecast run: history from ClickHouse → a forecast per tenant, queue and
 * channel for today and the coming days (15-minute intervals, local time) →
 * an AHT forecast per interval (aht.ts) → required agents (Erlang C with that
 * interval's AHT; chat channels with several chats per agent, kits/erlang
 * chat.ts) → rows for `forecasts`. Tickets (email and web forms) get an arrivals
 * forecast of their own, without staffing (tickets.ts) → rows for
 * `ticket_forecasts`.
 * A series the library cannot forecast (too little history) is skipped with a
 * reason, never fails the run.
 *
 * The forecast trains on whole days only: today's partial day (and the partial
 * first day of the history window) would drag the daily level down. So the stored
 * forecast for today is the day-ahead one and stays put through the day, and
 * today's actuals so far feed the intraday re-forecast instead (reforecast.ts):
 * the rest of today and tomorrow, scaled by how today is running. The re-forecast
 * is returned, not stored; the service keeps the latest for the planner API.
 */
import { createYielder } from '../core/index.js';
import { loadQuery } from '../warehouse/index.js';
import { fitChannelAht, MAX_HANDLE_S } from './aht.js';
import { forecastOrMeanWeeks } from './forecast.js';
import { reforecastDay } from './reforecast.js';
import { dayOf, minuteOfDay } from './series.js';
import { groupBySeries, keyOf } from './series-key.js';
import { buildTicketForecasts, TICKET_CHANNELS } from './tickets.js';
import { staff } from '../kits/erlang/index.js';
import { fromLocalMinutes, toLocalMinutes } from '../kits/time/index.js';
import { DEFAULT_CHAT, DEFAULT_TARGETS, staffingTarget } from './service-settings.js';
const STEP_MIN = 15;
/**
 * Forecasts from whole past days; a series with none yet (new today) forecasts from what it has. The queries count
 * per 15 minutes, which a sparse series (rows only where something arrived) could hide from interval detection.
 */
function forecastFromWholeDays(points, targets, firstWholeDay, today) {
    const whole = points.filter((p) => dayOf(p.t) >= firstWholeDay && dayOf(p.t) < today);
    return forecastOrMeanWeeks(whole.length ? whole : points, targets, { interval: STEP_MIN });
}
/** The AHT forecast of every series, fitted per tenant and channel (a queue with no history gets its channel's). */
function ahtModels(series, origin) {
    const byChannel = new Map();
    for (const s of series) {
        const group = `${s.key.tenant}\u0000${s.key.channel}`;
        byChannel.set(group, [...(byChannel.get(group) ?? []), s]);
    }
    const models = new Map();
    for (const group of byChannel.values()) {
        const fitted = fitChannelAht(group.map((s) => s.handled), { origin });
        group.forEach((s, i) => models.set(keyOf(s.key), fitted[i]));
    }
    return models;
}
/**
 * Pure part: history rows → rows to store. Async only to hand the event loop back between series and rows: the run
 * at start forecasts and staffs every tenant's series on the main thread (tens of ms each).
 */
export async function buildForecasts(history, opts) {
    const maybeYield = createYielder(50);
    const bySeries = groupBySeries(history, (h, t) => ({
        t,
        count: Number(h.offered),
        contacts: Number(h.handled),
        seconds: Number(h.handle_s),
    }));
    const nowLocal = toLocalMinutes(opts.now, opts.timeZone);
    const today = dayOf(nowLocal);
    const firstWholeDay = dayOf(nowLocal - opts.historyDays * 1440) + 1;
    const firstDay = today * 1440;
    const targets = Array.from({ length: (opts.days * 1440) / STEP_MIN }, (_, i) => firstDay + i * STEP_MIN);
    const aht = ahtModels(bySeries.map((s) => ({ key: s.key, handled: s.values.filter((v) => v.contacts > 0) })), firstDay);
    const result = {
        rows: [],
        tickets: [],
        ticketSeries: 0,
        reforecast: [],
        series: 0,
        skipped: [],
        histories: [],
    };
    for (const { key, values } of bySeries) {
        await maybeYield();
        const points = values.map((v) => ({ t: v.t, count: v.count }));
        let fc;
        try {
            fc = forecastFromWholeDays(points, targets, firstWholeDay, today);
        }
        catch (err) {
            result.skipped.push({ key, reason: err.message });
            continue;
        }
        result.series++;
        result.histories.push({ key, points, method: fc.method });
        const model = aht.get(keyOf(key));
        // Erlang's search for agents never ends on a NaN or zero AHT: whatever the history, staff with a real one.
        const ahtAt = (t) => {
            const seconds = model?.at(t);
            return seconds !== undefined && seconds > 0 && Number.isFinite(seconds) ? seconds : opts.defaultAht;
        };
        const target = staffingTarget(opts.targets ?? DEFAULT_TARGETS, opts.chat ?? DEFAULT_CHAT, key.queue, key.channel);
        const staffFor = (volume, t) => staff({ lambda: volume / (STEP_MIN * 60), aht: ahtAt(t) }, target).required;
        for (const r of fc.rows) {
            await maybeYield();
            const forecast = Math.max(0, r.forecast);
            result.rows.push({
                ...key,
                interval_start: fromLocalMinutes(r.t, opts.timeZone),
                forecast,
                lo: Math.max(0, r.lo),
                hi: Math.max(0, r.hi),
                required_agents: staffFor(forecast, r.t),
                aht_s: ahtAt(r.t),
                sl_target: target.serviceLevel,
                sl_threshold_s: target.threshold,
                method: fc.method,
                generated_at: opts.now,
            });
        }
        result.reforecast.push(...reforecastRows(key, points, fc.rows, nowLocal, opts, staffFor));
    }
    return result;
}
/** Re-forecast rows of one series: today's intervals from now on, and tomorrow's. */
function reforecastRows(key, points, rows, nowLocal, opts, staffFor) {
    const today = dayOf(nowLocal);
    const slot = (t) => Math.floor(minuteOfDay(t) / STEP_MIN);
    const expected = new Float64Array(1440 / STEP_MIN);
    const actual = new Float64Array(1440 / STEP_MIN);
    for (const r of rows)
        if (dayOf(r.t) === today)
            expected[slot(r.t)] = r.forecast;
    for (const p of points)
        if (dayOf(p.t) === today)
            actual[slot(p.t)] += p.count;
    const nowSlot = slot(nowLocal);
    const rf = reforecastDay(expected, actual, nowSlot);
    const out = [];
    const push = (r, ratio) => {
        const reforecast = Math.max(0, r.forecast * ratio);
        out.push({
            ...key,
            interval_start: fromLocalMinutes(r.t, opts.timeZone),
            reforecast,
            lo: Math.max(0, r.lo * ratio),
            hi: Math.max(0, r.hi * ratio),
            required_agents: staffFor(reforecast, r.t),
            ratio,
            generated_at: opts.now,
        });
    };
    for (const r of rows) {
        if (dayOf(r.t) === today && slot(r.t) >= nowSlot)
            push(r, rf.ratio);
        else if (dayOf(r.t) === today + 1)
            push(r, rf.tomorrow);
    }
    return out;
}
/** Reads the history of calls, chats and tickets, forecasts, and stores the rows. */
export async function recomputeForecasts(warehouse, opts) {
    const params = { since_days: opts.historyDays, tz: opts.timeZone, ticket_channels: [...TICKET_CHANNELS] };
    const history = await warehouse.query(loadQuery('forecast_history'), {
        ...params,
        max_handle_s: MAX_HANDLE_S,
    });
    const result = await buildForecasts(history, opts);
    const tickets = await buildTicketForecasts(await warehouse.query(loadQuery('forecast_tickets'), params), opts);
    result.tickets = tickets.rows;
    result.ticketSeries = tickets.series;
    result.skipped.push(...tickets.skipped);
    if (result.rows.length)
        await warehouse.insert('forecasts', result.rows);
    if (result.tickets.length)
        await warehouse.insert('ticket_forecasts', result.tickets);
    return result;
}
//# sourceMappingURL=recompute.js.map