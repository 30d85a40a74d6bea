/**
 * The planner page's API (wallboard sign-in; planners, and supervisors reading, see PLAN_READERS):
 *   GET  /api/planner/data?date=YYYY-MM-DD&days=N   forecasts, actuals and agents logged in
 *        per 15-minute interval for N local days from date (default today, 3 days), plus the
 *        weather status and today's surge alerts; `reforecast` holds the latest intraday re-forecast
 *        (rest of today and tomorrow) next to the stored `forecasts`; `tickets` and `ticket_actuals` the
 *        ticket forecast (email and web forms, not staffed) and the tickets created
 *   POST /api/planner/recompute                     runs the forecast now (answers when stored)
 */
import type { Handler } from '../core/index.js'
import { loadQuery, type Warehouse } from '../warehouse/index.js'
import { fromLocalMinutes, toLocalMinutes } from '../kits/time/index.js'
import { dayOf, parseLocalTimestamp } from './series.js'
import { byRole, type Caller, type RoleGate, type Role } from '../kits/auth/index.js'
import { BadRequest, HttpError, routes } from '../kits/http/index.js'
import { TICKET_CHANNELS } from './tickets.js'
import type {
  ActualInterval,
  ForecastInterval,
  LoggedInInterval,
  PlannerData,
  ReforecastInterval,
  SurgeRow,
  TicketInterval,
  WeatherStatus,
} from '../core/contracts/index.js'

/** Forecasts, staffing, rosters and adherence: planners work with them, supervisors read them. */
export const PLAN_READERS: Role[] = ['planner', 'supervisor']

export interface PlannerApiOptions {
  warehouse: Warehouse
  timeZone: string
  access: RoleGate
  weather(): WeatherStatus | undefined
  /** Runs the forecast now; answers the series and rows stored for `tenant` (the caller's: never another's). */
  recompute(tenant: string): Promise<{ series: number; rows: number }>
  /** Most local days one request may ask for. Default 14. */
  maxDays?: number
  /** Chats per agent (and slowdown) the staffing of a chat queue assumed; undefined for other channels. */
  chatOf?(queue: string, channel: string): { concurrency: number; slowdown?: number } | undefined
  /** The latest intraday re-forecast rows of a tenant between two instants (ms). Default none. */
  reforecast?(tenant: string, fromMs: number, toMs: number): ReforecastInterval[]
  onError(err: unknown): void
}

export function plannerHandler(opts: PlannerApiOptions): Handler {
  const maxDays = opts.maxDays ?? 14
  const sql = {
    forecast: loadQuery('planner_forecast'),
    actuals: loadQuery('planner_actuals'),
    tickets: loadQuery('planner_tickets'),
    ticketActuals: loadQuery('planner_ticket_actuals'),
    loggedIn: loadQuery('planner_logged_in'),
    surges: loadQuery('planner_surges'),
  }

  async function data(tenant: string, url: URL): Promise<PlannerData> {
    const date = url.searchParams.get('date')
    const start = date ? parseLocalTimestamp(date) : dayOf(toLocalMinutes(Date.now(), opts.timeZone)) * 1440
    if (typeof start === 'string' || (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)))
      throw new BadRequest('date', 'expected YYYY-MM-DD')
    const days = Number(url.searchParams.get('days') ?? 3)
    if (!Number.isInteger(days) || days < 1 || days > maxDays)
      throw new BadRequest('days', `expected a whole number 1…${maxDays}`)
    const params = {
      tenant,
      from_ms: fromLocalMinutes(start, opts.timeZone),
      to_ms: fromLocalMinutes(start + days * 1440, opts.timeZone),
    }
    const channels = { ...params, ticket_channels: [...TICKET_CHANNELS] }
    const [forecasts, actuals, tickets, ticketActuals, loggedIn, surges] = [
      await opts.warehouse.query<ForecastInterval>(sql.forecast, params),
      await opts.warehouse.query<ActualInterval>(sql.actuals, channels),
      await opts.warehouse.query<TicketInterval>(sql.tickets, params),
      await opts.warehouse.query<ActualInterval>(sql.ticketActuals, channels),
      await opts.warehouse.query<LoggedInInterval>(sql.loggedIn, params),
      await opts.warehouse.query<SurgeRow>(sql.surges, { tenant }),
    ]
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
    }
  }

  return routes<Caller>(
    {
      'GET /api/planner/data': { needs: PLAN_READERS, handle: ({ url, who }) => data(who.tenant, url) },
      'POST /api/planner/recompute': { needs: ['planner'], handle: ({ who }) => opts.recompute(who.tenant) },
    },
    {
      prefix: '/api/planner/',
      headers: { 'cache-control': 'no-store' },
      ...byRole(opts.access),
      unexpected(err) {
        opts.onError(err)
        return new HttpError(500, 'internal', 'the planner query failed; see the server log')
      },
    },
  )
}
