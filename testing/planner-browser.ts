/**
 * The planner browser tests' shared setup: a real system with the wallboard and forecast services, 28 days of call
 * history and 3 agents logged in today, one forecast run, a Chromium profile, and a signed-in planner page.
 * Needs the built app (node scripts/bootstrap.mjs build) and /usr/bin/chromium: `ready` is false without them.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { rootDir } from '../core/compiled.js'
import { startSystem, type RunningSystem } from '../system/system.js'
import { wallboardService } from '../web/server/service.js'
import { eventually, tempDir, testConfig, uniqueNamespace } from './env.js'
import { CHROMIUM, launchChromium } from './browser.js'
import { forecastService, type ForecastService } from '../forecast/service.js'
import { toLocalMinutes } from '../kits/time/index.js'
import { dayOf } from '../forecast/series.js'
import { historyEvents, loginEvents } from '../forecast/test-helpers/history-events.js'

const appDir = join(rootDir(), 'dist', 'web-app')
export const ready = existsSync(join(appDir, 'index.html')) && existsSync(CHROMIUM)
export const skipReason = `needs ${appDir}/index.html (node scripts/bootstrap.mjs build) and ${CHROMIUM}`

export const TZ = 'Asia/Shanghai'

export interface PlannerBrowser {
  sys: RunningSystem
  ctx: BrowserContext
  /** A new page on `path` (e.g. `/planner?lang=en&days=2`), signed in as the dev supervisor. */
  signedIn(path: string): Promise<Page>
  stop(): Promise<void>
}

export async function startPlannerBrowser(name: string): Promise<PlannerBrowser> {
  const dir = tempDir(name)
  const sys = await startSystem({
    config: testConfig(dir.path),
    namespace: uniqueNamespace(),
    services: [wallboardService(), forecastService({ timeZone: TZ, runAtStart: false, everyMinutes: 0 })],
    log: () => {},
  })
  const today = dayOf(toLocalMinutes(Date.now(), TZ)) * 1440
  const calls = (m: number) => 3 + Math.round(3 * Math.sin((Math.PI * (m - 480)) / 720))
  await sys.warehouse.insert(
    'events',
    historyEvents({ tenant: 'demo', queue: 'repair', timeZone: TZ, firstDay: today - 28 * 1440, days: 28, calls }),
  )
  await sys.warehouse.insert('events', loginEvents('demo', TZ, 3, today + 8 * 60, today + 20 * 60))
  const stored = async () =>
    Number(
      (await sys.warehouse.query<{ n: number }>(`SELECT count() AS n FROM interaction_facts WHERE tenant = 'demo'`))[0]
        .n,
    )
  await eventually(async () => (await stored()) >= 28 * 48 * 3, { what: 'history' })
  await (sys.services.find((s) => s.name === 'forecast') as ForecastService).recompute()
  const profile = mkdtempSync(join(tmpdir(), `${name}-browser-`))
  const ctx = await launchChromium(profile, { acceptDownloads: true, viewport: { width: 1600, height: 1000 } })
  return {
    sys,
    ctx,
    async signedIn(path) {
      const dev = JSON.parse(readFileSync(join(dir.path, 'dev-wallboard.json'), 'utf8')) as {
        supervisor: string
        password: string
      }
      const page = await ctx.newPage()
      await page.goto(`${sys.url}${path}`)
      await page.waitForSelector('[data-testid="login-form"]')
      await page.fill('input[name="username"]', dev.supervisor)
      await page.fill('input[name="password"]', dev.password)
      await page.click('button[type="submit"]')
      return page
    },
    async stop() {
      await ctx.close()
      await sys.stop()
      dir.remove()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
