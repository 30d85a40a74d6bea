/**
 * The planner page in a real browser against the real system: sign in, see
 * forecast and staffing, change a what-if control and watch the staffing
 * table follow (recomputed in the page's Web Worker), export CSV.
 * Needs the built app (node scripts/bootstrap.mjs build) and /usr/bin/chromium; skips without them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { rootDir } from '../core/compiled.js'
import { startSystem, type RunningSystem } from '../system/system.js'
import { wallboardService } from '../web/server/service.js'
import { eventually, tempDir, testConfig, uniqueNamespace } from '../testing/env.js'
import { forecastService, type ForecastService } from './service.js'
import { toLocalMinutes } from './local-time.js'
import { dayOf } from './series.js'
import { historyEvents, loginEvents } from './test-helpers/history-events.js'
import { CHROMIUM, launchChromium } from '../testing/browser.js'

const appDir = join(rootDir(), 'dist', 'web-app')
const ready = existsSync(join(appDir, 'index.html')) && existsSync(CHROMIUM)
if (!ready)
  console.warn(
    `SKIP planner browser test: needs ${appDir}/index.html (node scripts/bootstrap.mjs build) and ${CHROMIUM}`,
  )

const TZ = 'Asia/Shanghai'
const dir = tempDir('planner')
let sys: RunningSystem
let ctx: BrowserContext
let profile: string

describe.skipIf(!ready)('planner page in a browser', () => {
  beforeAll(async () => {
    sys = await startSystem({
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
    await eventually(
      async () =>
        Number(
          (
            await sys.warehouse.query<{ n: number }>(`SELECT count() AS n FROM interaction_facts WHERE tenant = 'demo'`)
          )[0].n,
        ) >=
        28 * 48 * 3,
      { what: 'history' },
    )
    await (sys.services.find((s) => s.name === 'forecast') as ForecastService).recompute()
    profile = mkdtempSync(join(tmpdir(), 'planner-browser-'))
    ctx = await launchChromium(profile, { acceptDownloads: true, viewport: { width: 1600, height: 1000 } })
  }, 120_000)

  afterAll(async () => {
    await ctx?.close()
    await sys?.stop()
    dir.remove()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  it('recomputes the staffing table when a what-if control changes, and exports CSV', async () => {
    const dev = JSON.parse(readFileSync(join(dir.path, 'dev-wallboard.json'), 'utf8')) as {
      supervisor: string
      password: string
    }
    const page = await ctx.newPage()
    await page.goto(`${sys.url}/planner?lang=en&days=2`)
    await page.waitForSelector('[data-testid="login-form"]')
    await page.fill('input[name="username"]', dev.supervisor)
    await page.fill('input[name="password"]', dev.password)
    await page.click('button[type="submit"]')
    const table = page.locator('[data-testid="planner-table"]')
    await table.waitFor()
    const total =
      'Number(document.querySelector(\'[data-testid="planner-table"]\')?.getAttribute("data-required-total"))'
    await page.waitForFunction(`${total} > 0`)
    const before = Number(await table.getAttribute('data-required-total'))
    expect(await page.locator('[data-testid="planner-chart"] canvas').count()).toBe(1)
    expect(await page.textContent('[data-testid="planner-weather"]')).toContain('no weather signal')

    await page.fill('[data-testid="whatif-aht"]', '900')
    await page.waitForFunction(`${total} > ${before}`)
    const after = Number(await table.getAttribute('data-required-total'))
    expect(after).toBeGreaterThan(before * 2) // 5× the AHT needs well over twice the agents

    // 3 agents logged in all day today cannot cover a 900 s AHT: short intervals are highlighted.
    expect(await page.locator('tr.short').count()).toBeGreaterThan(0)
    mkdirSync(join(rootDir(), 'test-artifacts'), { recursive: true })
    await page.screenshot({ path: join(rootDir(), 'test-artifacts', 'planner.png'), fullPage: false })

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')])
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.split('\n')[0]).toBe(
      'interval_start,forecast,lo,hi,actual,required_agents,scheduled_needed,logged_in,gap',
    )
    expect(csv.trim().split('\n').length).toBe(
      1 + (await page.locator('[data-testid="planner-table"] tbody tr').count()),
    )
    await page.close()
  })
})
