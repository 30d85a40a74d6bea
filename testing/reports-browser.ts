/**
 * The reports page's browser test setup: the built app and the real sign-in and /api/me (the wallboard handler,
 * web/server), with /api/reports/* answered by a stub in the contract's shape (testing/report-fixture.ts) until the
 * reports API is wired into a running system. Two users: `exec` (role exec) and `lead` (role supervisor).
 * Needs the built app (node scripts/bootstrap.mjs build) and /usr/bin/chromium: `ready` is false without them.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { REPORT_PERIODS, type ReportFilters, type ReportMetricId, type ReportPeriod } from '../core/contracts/index.js'
import { rootDir } from '../core/compiled.js'
import { hashPassword, type Role, type UserAccount } from '../kits/auth/index.js'
import { demoServer } from '../web/server/test-helpers/serve-demo.js'
import { CHROMIUM, launchChromium } from './browser.js'
import { drillFixture, reportFixture } from './report-fixture.js'

const appDir = join(rootDir(), 'dist', 'web-app')
export const ready = existsSync(join(appDir, 'index.html')) && existsSync(CHROMIUM)
export const skipReason = `needs ${appDir}/index.html (node scripts/bootstrap.mjs build) and ${CHROMIUM}`

export const PASSWORD = 'reports-test-password'
const USERS: Record<string, Role[]> = { exec: ['exec'], lead: ['supervisor'] }

export interface ReportsBrowser {
  url: string
  /** Every /api/reports request the page made, in order. */
  requests: URL[]
  /** A new page at `path` in a window of `width`×`height`, signed in as `user`. */
  signedIn(user: keyof typeof USERS, path: string, viewport: { width: number; height: number }): Promise<Page>
  stop(): Promise<void>
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

/** GET /api/reports/:period[/drill|/export] from the fixture. */
function reportStub(requests: URL[]) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://x')
    const m = /^\/api\/reports\/([^/]+)(?:\/(drill|export))?$/.exec(url.pathname)
    if (!m) return false
    requests.push(url)
    const period = m[1] as ReportPeriod
    if (!REPORT_PERIODS.includes(period))
      return (json(res, 400, { error: 'bad_request', reason: 'period', field: 'period' }), true)
    const q = url.searchParams
    const filters: ReportFilters = Object.fromEntries(
      ['channel', 'queue', 'team', 'site'].filter((f) => q.get(f)).map((f) => [f, q.get(f)!]),
    )
    const date = q.get('date') ?? ''
    if (m[2] === 'drill') {
      const opts = {
        agent: q.get('agent') ?? undefined,
        limit: Number(q.get('limit') ?? 50),
        offset: Number(q.get('offset') ?? 0),
      }
      json(res, 200, drillFixture(period, date, q.get('metric') as ReportMetricId, filters, opts))
    } else if (m[2] === 'export') {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="report.csv"' })
      res.end('metric,value\n')
    } else json(res, 200, reportFixture(period, date, filters))
    return true
  }
}

export async function startReportsBrowser(name: string): Promise<ReportsBrowser> {
  const users = new Map<string, UserAccount>()
  for (const [user, roles] of Object.entries(USERS))
    users.set(user, { passwordHash: await hashPassword(PASSWORD), tenant: 'demo', roles })
  const requests: URL[] = []
  const stub = reportStub(requests)
  const { handler } = demoServer(appDir, { users })
  const server = createServer(async (req, res) => {
    if (stub(req, res) || (await handler(req, res))) return
    json(res, 404, { error: 'not_found', reason: `no route for ${req.method} ${req.url}` })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const profile = mkdtempSync(join(tmpdir(), `${name}-browser-`))
  const ctx: BrowserContext = await launchChromium(profile, { viewport: { width: 1920, height: 1080 } })
  return {
    url,
    requests,
    async signedIn(user, path, viewport) {
      await ctx.clearCookies()
      const page = await ctx.newPage()
      await page.setViewportSize(viewport)
      await page.goto(`${url}${path}`)
      await page.waitForSelector('[data-testid="login-form"]')
      await page.fill('input[name="username"]', user)
      await page.fill('input[name="password"]', PASSWORD)
      await page.click('button[type="submit"]')
      await page.waitForSelector('[data-testid="metric-card"]')
      return page
    },
    async stop() {
      await ctx.close()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
