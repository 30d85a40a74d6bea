/**
 * The reports service: executive service reports over the daily rollups, their exports and drill-down.
 *
 * HTTP (signed-in users; the CLI with the admin token of the lock file and ?tenant=):
 *   GET /api/reports/:period?date=&from=&to=&channel=&queue=&team=&site=   the report (ReportAnswer)
 *   GET /api/reports/:period/export?format=json|csv|xlsx|pdf&lang=zh|en&…   the report as a file
 *   GET /api/reports/:period/drill?metric=&day=&agent=&limit=&offset=&…     the interactions behind a metric
 * :period is daily, weekly or monthly. Every bad parameter answers 400 naming it (reports/params.ts).
 *
 * In the background it keeps the rollups of every tenant's recent days built (the last `warmDays`), so the reports
 * people open most read rollups only; older days are built when a report first asks for them.
 */
import type { IncomingMessage } from 'node:http'
import type { ReportFormat, ReportPeriod } from '../core/contracts/index.js'
import type { ServiceContext, Service, Warehouse } from '../core/index.js'
import { hasAdminToken, roleGate, type Caller, type Role } from '../kits/auth/index.js'
import { BadRequest, HttpError, idFrom, intParam, routes, type RouteContext } from '../kits/http/index.js'
import { knownDimensions } from './dimensions.js'
import { drillDown } from './drill.js'
import { exportReport } from './export.js'
import { ExportUnavailable } from './export-pdf.js'
import {
  filtersParam,
  formatOf,
  languageOf,
  metricOf,
  periodOf,
  sourceOf,
  spanParam,
  type KnownDimensions,
} from './params.js'
import { localDay, parseDay } from './period.js'
import { buildReport } from './report.js'
import { Rollups } from './rollups.js'
import { CLI_ADMIN, recordAudit } from '../warehouse/index.js'

export interface ReportsServiceOptions {
  /** The contact centre's time zone (MOFANG_TIMEZONE): report days are its local days. */
  timeZone: string
  /** MOFANG_REPORT_REPEAT_DAYS. */
  repeatDays: number
  /** Minutes between background refreshes of the recent rollups; 0 = only when a report asks. Default 15. */
  refreshEveryMin?: number
  /** Days back (today included) the background refresh keeps built: this and last month. Default 62. */
  warmDays?: number
  /** A recent day's rollup is rebuilt at most this often, ms. Default 300000 (5 min). */
  recentMaxAgeMs?: number
  /** Chromium for PDF exports, when not at a usual place. */
  chromium?: string
}

export type ReportsService = Service & {
  /**
   * One report of the whole tenant as a file: the period of `period` holding `date` (YYYY-MM-DD), against the one
   * before. What the scheduled e-mails attach (reports/delivery's RenderReport, with `lang` from the schedule).
   */
  render(tenant: string, period: ReportPeriod, date: string, format: ReportFormat, lang?: 'zh' | 'en'): Promise<Buffer>
  /**
   * Rebuilds every rollup day whose data changed, for every tenant, now, recent days included (the background
   * refresh rebuilds a recent day at most every few minutes): after a bulk load such as the first start's history,
   * so reports need not wait for the next refresh. Runs after a refresh already running.
   */
  refresh(): Promise<void>
}

/** Who a route let in: the tenant whose data it reads. */
interface Reader {
  tenant: string
  /** The signed-in user, or CLI_ADMIN for this process's admin token: the actor the audit log records. */
  user: string
}

/** Reports and aggregates, never transcripts: executives and supervisors. */
const READS_REPORTS: Role[] = ['exec', 'supervisor']

/** How long a tenant's known queues, teams and sites are kept, ms. */
const DIMENSIONS_TTL_MS = 300_000
/** The first background refresh waits a little, so the start (and a history back-fill) goes first. */
const FIRST_REFRESH_MS = 10_000

export function reportsService(opts: ReportsServiceOptions): (ctx: ServiceContext) => Promise<ReportsService> {
  return async (ctx: ServiceContext): Promise<ReportsService> => {
    const { warehouse, log } = ctx
    const rollups = new Rollups(warehouse, {
      timeZone: opts.timeZone,
      repeatDays: opts.repeatDays,
      recentMaxAgeMs: opts.recentMaxAgeMs,
    })
    const dimensions = dimensionCache(warehouse)
    const gate = roleGate(ctx.config)

    const state: { refreshedAt?: number; built: number; error?: string } = { built: 0 }
    let timer: NodeJS.Timeout | undefined
    let stopped = false
    const warmDays = opts.warmDays ?? 62
    let refreshing: Promise<void> | undefined
    /** One refresh at a time; a call during one waits for it and then runs another, which sees what came since. */
    const refreshAll = (maxAgeMs?: number): Promise<void> => {
      const next = (refreshing ?? Promise.resolve()).then(() => refreshOnce(maxAgeMs))
      refreshing = next
      return next.finally(() => {
        if (refreshing === next) refreshing = undefined
      })
    }
    /** `maxAgeMs`: rebuild a changed recent day built longer ago than this (default the rollups' own limit). */
    async function refreshOnce(maxAgeMs?: number) {
      const today = localDay(Date.now(), opts.timeZone)
      try {
        for (const tenant of new Set(ctx.apiKeys.values())) {
          if (stopped) return
          await rollups.refresh(tenant, { first: today - warmDays + 1, last: today }, maxAgeMs)
        }
        state.refreshedAt = Date.now()
        state.error = undefined
      } catch (err) {
        state.error = (err as Error).message
        log(`reports: rollup refresh failed: ${state.error}`)
      }
    }
    const every = (opts.refreshEveryMin ?? 15) * 60_000
    const schedule = (ms: number) => {
      if (stopped || every <= 0) return
      timer = setTimeout(() => void refreshAll().finally(() => schedule(every)), ms)
      timer.unref()
    }
    schedule(FIRST_REFRESH_MS)

    // With the background refresh on, a request reads recent days as last built (at most `every` old) instead of
    // making its caller wait for a rebuild; days never built are built for it.
    const maxAgeMs = every > 0 ? Infinity : undefined
    async function requestOf({ url, params, who }: RouteContext<Reader>) {
      // Still percent-encoded: a valid period is plain ASCII, anything else is refused as it came.
      const period: ReportPeriod = periodOf(params.period)
      const span = spanParam(url, period, Date.now(), opts.timeZone)
      const filters = filtersParam(url, await dimensions(who.tenant))
      return { tenant: who.tenant, span, filters, source: sourceOf(url.searchParams.get('source')), maxAgeMs }
    }

    const report = async (c: RouteContext<Reader>) => buildReport(warehouse, rollups, await requestOf(c))

    async function exportOf(c: RouteContext<Reader>) {
      const format = formatOf(c.url.searchParams.get('format'))
      const lang = languageOf(c.url.searchParams.get('lang'))
      const answer = await report(c)
      const file = await exportReport(answer, format, { lang, chromium: opts.chromium })
      await recordAudit(warehouse, {
        tenant: c.who.tenant,
        actor: c.who.user,
        action: 'report.export',
        target: `${answer.period} ${c.url.searchParams.get('date') ?? 'latest'}`,
        detail: { format, filters: answer.filters },
      })
      c.res.writeHead(200, {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'content-length': file.body.length,
        'cache-control': 'no-store',
      })
      c.res.end(file.body)
    }

    async function drill(c: RouteContext<Reader>) {
      const { url } = c
      const req = await requestOf(c)
      const metric = metricOf(url.searchParams.get('metric'))
      const rawDay = url.searchParams.get('day')
      let day: number | undefined
      if (rawDay) {
        day = parseDay(rawDay)
        if (day === undefined || day < req.span.current.first || day > req.span.current.last)
          throw new BadRequest(
            'day',
            `expected a day of the report's period, YYYY-MM-DD, got ${JSON.stringify(rawDay)}`,
          )
      }
      const rawAgent = url.searchParams.get('agent')
      return drillDown(
        warehouse,
        { timeZone: opts.timeZone, repeatDays: opts.repeatDays },
        {
          ...req,
          metric,
          day,
          agent: rawAgent ? idFrom(rawAgent, 'agent') : undefined,
          limit: intParam(url, 'limit', { min: 1, max: 1000, default: 100 }),
          offset: intParam(url, 'offset', { min: 0, max: 1_000_000, default: 0 }),
        },
      )
    }

    const handler = routes<Reader>(
      {
        'GET /api/reports/:period': { needs: READS_REPORTS, handle: report },
        'GET /api/reports/:period/export': { needs: READS_REPORTS, handle: exportOf },
        'GET /api/reports/:period/drill': { needs: READS_REPORTS, handle: drill },
      },
      {
        prefix: '/api/reports/',
        headers: { 'cache-control': 'no-store' },
        needsRequired: true,
        guard: (req, url, _route, needs) => readerOf(req, url, () => gate(req, url, needs ?? []), ctx.adminToken),
        // A missing Chromium (PDF) or a failing warehouse: the service is there, this answer is not.
        unexpected: (err) =>
          new HttpError(503, 'unavailable', err instanceof ExportUnavailable ? err.message : (err as Error).message),
      },
    )

    async function render(
      tenant: string,
      period: ReportPeriod,
      date: string,
      format: ReportFormat,
      lang?: 'zh' | 'en',
    ) {
      const now = Date.now()
      const span = spanParam(new URL(`http://render/?date=${encodeURIComponent(date)}`), period, now, opts.timeZone)
      const answer = await buildReport(warehouse, rollups, { tenant, span, filters: {}, maxAgeMs })
      return (await exportReport(answer, format, { lang, chromium: opts.chromium })).body
    }

    return {
      name: 'reports',
      handlers: [handler],
      render,
      refresh: () => refreshAll(0),
      health: async () => ({
        ok: state.error === undefined,
        detail: { refreshed_at: state.refreshedAt ?? null, error: state.error ?? null, warm_days: warmDays },
      }),
      async stop() {
        stopped = true
        clearTimeout(timer)
      },
    }
  }
}

/**
 * The caller's tenant: the admin token of this process (the CLI, through the lock file) reads any tenant it names
 * with ?tenant=; anyone else is who the sign-in gate admits.
 */
function readerOf(req: IncomingMessage, url: URL, signedIn: () => Caller, adminToken: string): Reader {
  if (hasAdminToken(req, adminToken)) {
    const tenant = url.searchParams.get('tenant')
    if (!tenant) throw new BadRequest('tenant', 'required with the admin token')
    return { tenant, user: CLI_ADMIN }
  }
  const who = signedIn()
  return { tenant: who.tenant, user: who.kind === 'user' ? who.user : '' }
}

/** A tenant's known queues, teams and sites, read at most every DIMENSIONS_TTL_MS. */
function dimensionCache(wh: Warehouse): (tenant: string) => Promise<KnownDimensions> {
  const cache = new Map<string, { at: number; value: Promise<KnownDimensions> }>()
  return (tenant) => {
    const hit = cache.get(tenant)
    if (hit && Date.now() - hit.at < DIMENSIONS_TTL_MS) return hit.value
    const value = knownDimensions(wh, tenant)
    value.catch(() => cache.delete(tenant))
    cache.set(tenant, { at: Date.now(), value })
    return value
  }
}
