import { loadQuery } from '../warehouse/index.js';
import { fromLocalMinutes, toLocalMinutes } from '../kits/time/index.js';
import { dayOf, parseLocalTimestamp } from './series.js';
import { byRole } from '../kits/auth/index.js';
import { BadRequest, HttpError, routes } from '../kits/http/index.js';
import { TICKET_CHANNELS } from './tickets.js';
/** Forecasts, staffing, rosters and adherence: planners work with them, supervisors read them. */
export const PLAN_READERS = ['planner', 'supervisor'];
export function plannerHandler(opts) {
    const maxDays = opts.maxDays ?? 14;
    const sql = {
        forecast: loadQuery('planner_forecast'),
        actuals: loadQuery('planner_actuals'),
        tickets: loadQuery('planner_tickets'),
        ticketActuals: loadQuery('planner_ticket_actuals'),
        loggedIn: loadQuery('planner_logged_in'),
        surges: loadQuery('planner_surges'),
    };
    async function data(tenant, url) {
        const date = url.searchParams.get('date');
        const start = date ? parseLocalTimestamp(date) : dayOf(toLocalMinutes(Date.now(), opts.timeZone)) * 1440;
        if (typeof start === 'string' || (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)))
            throw new BadRequest('date', 'expected YYYY-MM-DD');
        const days = Number(url.searchParams.get('days') ?? 3);
        if (!Number.isInteger(days) || days < 1 || days > maxDays)
            throw new BadRequest('days', `expected a whole number 1…${maxDays}`);
        const params = {
            tenant,
            from_ms: fromLocalMinutes(start, opts.timeZone),
            to_ms: fromLocalMinutes(start + days * 1440, opts.timeZone),
        };
        const channels = { ...params, ticket_channels: [...TICKET_CHANNELS] };
        const [forecasts, actuals, tickets, ticketActuals, loggedIn, surges] = [
            await opts.warehouse.query(sql.forecast, params),
            await opts.warehouse.query(sql.actuals, channels),
            await opts.warehouse.query(sql.tickets, params),
            await opts.warehouse.query(sql.ticketActuals, channels),
            await opts.warehouse.query(sql.loggedIn, params),
            await opts.warehouse.query(sql.surges, { tenant }),
        ];
        return {
            tenant,
            time_zone: opts.timeZone,
            from: params.from_ms,
            to: params.to_ms,
            step_ms: 900_000,
            forecasts: forecasts.map((f) => ({ ...f, ...opts.chatOf?.(f.queue, f.channel) })),
            reforecast: opts.reforecast?.(tenant, params.from_ms, params.to_ms) ?? [],
            actuals,
            tickets,
            ticket_actuals: ticketActuals,
            logged_in: loggedIn,
            weather: opts.weather() ?? null,
            surges,
        };
    }
    return routes({
        'GET /api/planner/data': { needs: PLAN_READERS, handle: ({ url, who }) => data(who.tenant, url) },
        'POST /api/planner/recompute': { needs: ['planner'], handle: ({ who }) => opts.recompute(who.tenant) },
    }, {
        prefix: '/api/planner/',
        headers: { 'cache-control': 'no-store' },
        ...byRole(opts.access),
        unexpected(err) {
            opts.onError(err);
            return new HttpError(500, 'internal', 'the planner query failed; see the server log');
        },
    });
}
//# sourceMappingURL=planner-api.js.map