/**
 * The planner page's API (planner role, wallboard sign-in):
 *   GET  /api/planner/data?date=YYYY-MM-DD&days=N   forecasts, actuals and agents logged in
 *        per 15-minute interval for N local days from date (default today, 3 days), plus the
 *        weather status and today's surge alerts; `reforecast` holds the latest intraday re-forecast
 *        (rest of today and tomorrow) next to the stored `forecasts`
 *   POST /api/planner/recompute                     runs the forecast now (answers when stored)
 */
import type { IncomingMessage } from 'node:http'
import type { Handler } from '../core/index.js'
import { loadQuery, type Warehouse } from '../warehouse/index.js'
import { fromLocalMinutes, toLocalMinutes } from './local-time.js'
import { dayOf, parseLocalTimestamp } from './series.js'
import { admitted, type Admitted, type Gate } from '../kits/auth/index.js'
import { BadRequest, HttpError, routes } from '../kits/http/index.js'
import type {
  ActualInterval,
  ForecastInterval,
  LoggedInInterval,
  PlannerData,
  ReforecastInterval,
  SurgeRow,
  WeatherStatus,
} from '../core/contracts/index.js'

export interface PlannerApiOptions {
  warehouse: Warehouse
  timeZone: string
  access(req: IncomingMessage, url: URL): Gate
  weather(): WeatherStatus | undefined
  recompute(): Promise<{ series: number; rows: number }>
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
    const [forecasts, actuals, loggedIn, surges] = [
      await opts.warehouse.query<ForecastInterval>(sql.forecast, params),
      await opts.warehouse.query<ActualInterval>(sql.actuals, params),
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
      logged_in: loggedIn,
      weather: opts.weather() ?? null,
      surges,
    }
  }

  return routes<Admitted>(
    {
      'GET /api/planner/data': ({ url, who }) => data(who.tenant, url),
      'POST /api/planner/recompute': () => opts.recompute(),
    },
    {
      prefix: '/api/planner/',
      headers: { 'cache-control': 'no-store' },
      guard: (req, url) => admitted(opts.access(req, url)),
      unexpected(err) {
        opts.onError(err)
        return new HttpError(500, 'internal', 'the planner query failed; see the server log')
      },
    },
  )
}
