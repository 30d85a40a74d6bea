/**
 * The planner page's API (planner role, wallboard sign-in):
 *   GET  /api/planner/data?date=YYYY-MM-DD&days=N   forecasts, actuals and agents logged in
 *        per 15-minute interval for N local days from date (default today, 3 days), plus the
 *        weather status and today's surge alerts
 *   POST /api/planner/recompute                     runs the forecast now (answers when stored)
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Handler } from '../core/service.js'
import type { Warehouse } from '../warehouse/client.js'
import { loadQuery } from '../warehouse/queries.js'
import { fromLocalMinutes, toLocalMinutes } from './local-time.js'
import { dayOf, parseLocalTimestamp } from './series.js'
import type { Gate } from '../web/server/access.js'
import type { WeatherStatus } from './surge-watch.js'

export interface PlannerApiOptions {
  warehouse: Warehouse
  timeZone: string
  access(req: IncomingMessage, url: URL): Gate
  weather(): WeatherStatus | undefined
  recompute(): Promise<{ series: number; rows: number }>
  /** Most local days one request may ask for. Default 14. */
  maxDays?: number
  onError(err: unknown): void
}

function json(res: ServerResponse, status: number, body: unknown): true {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
  return true
}

export function plannerHandler(opts: PlannerApiOptions): Handler {
  const maxDays = opts.maxDays ?? 14
  const sql = {
    forecast: loadQuery('planner_forecast'),
    actuals: loadQuery('planner_actuals'),
    loggedIn: loadQuery('planner_logged_in'),
    surges: loadQuery('planner_surges'),
  }

  async function data(tenant: string, url: URL, res: ServerResponse): Promise<true> {
    const date = url.searchParams.get('date')
    const start = date ? parseLocalTimestamp(date) : dayOf(toLocalMinutes(Date.now(), opts.timeZone)) * 1440
    if (typeof start === 'string' || (date && !/^\d{4}-\d{2}-\d{2}$/.test(date)))
      return json(res, 400, { error: 'bad_request', reason: 'date must be YYYY-MM-DD' })
    const days = Number(url.searchParams.get('days') ?? 3)
    if (!Number.isInteger(days) || days < 1 || days > maxDays)
      return json(res, 400, { error: 'bad_request', reason: `days must be a whole number 1…${maxDays}` })
    const params = {
      tenant,
      from_ms: fromLocalMinutes(start, opts.timeZone),
      to_ms: fromLocalMinutes(start + days * 1440, opts.timeZone),
    }
    const [forecasts, actuals, loggedIn, surges] = [
      await opts.warehouse.query(sql.forecast, params),
      await opts.warehouse.query(sql.actuals, params),
      await opts.warehouse.query(sql.loggedIn, params),
      await opts.warehouse.query(sql.surges, { tenant }),
    ]
    return json(res, 200, {
      tenant,
      time_zone: opts.timeZone,
      from: params.from_ms,
      to: params.to_ms,
      step_ms: 900_000,
      forecasts,
      actuals,
      logged_in: loggedIn,
      weather: opts.weather() ?? null,
      surges,
    })
  }

  return async (req, res) => {
    if (!req.url?.startsWith('/api/planner/')) return false
    const url = new URL(req.url, 'http://local')
    const who = opts.access(req, url)
    if (!who.ok)
      return json(res, who.status, { error: who.status === 401 ? 'unauthorized' : 'forbidden', reason: who.reason })
    try {
      if (req.method === 'GET' && url.pathname === '/api/planner/data') return await data(who.tenant, url, res)
      if (req.method === 'POST' && url.pathname === '/api/planner/recompute')
        return json(res, 200, await opts.recompute())
      return json(res, 404, { error: 'not_found', reason: `no planner route ${req.method} ${url.pathname}` })
    } catch (err) {
      opts.onError(err)
      return json(res, 500, { error: 'internal', reason: 'the planner query failed; see the server log' })
    }
  }
}
