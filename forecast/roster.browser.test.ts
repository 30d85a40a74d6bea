/**
 * The planner's roster view in a real browser against the real system: build a week's roster from the stored
 * forecast, see requirement vs scheduled, remove a shift and watch the coverage follow, export CSV and XLSX, and
 * show adherence for today. Needs the built app (node scripts/bootstrap.mjs build) and /usr/bin/chromium; skips
 * without them.
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
    `SKIP roster browser test: needs ${appDir}/index.html (node scripts/bootstrap.mjs build) and ${CHROMIUM}`,
  )

const TZ = 'Asia/Shanghai'
const dir = tempDir('roster')
let sys: RunningSystem
let ctx: BrowserContext
let profile: string

describe.skipIf(!ready)('roster view in a browser', () => {
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
    profile = mkdtempSync(join(tmpdir(), 'roster-browser-'))
    ctx = await launchChromium(profile, { acceptDownloads: true, viewport: { width: 1600, height: 1000 } })
  }, 120_000)

  afterAll(async () => {
    await ctx?.close()
    await sys?.stop()
    dir.remove()
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  it('builds a roster, updates coverage when a shift is removed, exports CSV and XLSX, shows adherence', async () => {
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
    await page.waitForSelector('[data-testid="roster-build"]')
    await page.click('[data-testid="roster-build"]')
    const table = page.locator('[data-testid="roster-table"]')
    await table.waitFor({ timeout: 60_000 })
    expect(await page.locator('[data-testid="roster-chart"] canvas').count()).toBe(1)
    // The agents seen in the warehouse (P0…P2, logged in today) are on the roster, with generated ones.
    expect(await page.locator('tr[data-agent="P0"]').count()).toBe(1)
    expect(await page.textContent('[data-testid="roster-summary"]')).toContain('warehouse+generated')
    const shifts = Number(await table.getAttribute('data-shifts'))
    const scheduled = Number(await table.getAttribute('data-scheduled-total'))
    expect(shifts).toBeGreaterThan(0)
    expect(scheduled).toBeGreaterThan(0)
    mkdirSync(join(rootDir(), 'test-artifacts'), { recursive: true })
    await table.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(rootDir(), 'test-artifacts', 'roster.png'), fullPage: false })

    // Remove one shift: coverage drops by the shift's on-duty intervals, and the server keeps the edit.
    await page.locator('[data-testid="shift-remove"]').first().click()
    await page.waitForFunction(
      `document.querySelector('[data-testid="roster-table"]')?.getAttribute('data-shifts') === '${shifts - 1}' &&
       document.querySelector('[data-testid="roster-table"]')?.getAttribute('data-saving') === 'false'`,
    )
    const after = Number(await table.getAttribute('data-scheduled-total'))
    expect(after).toBeLessThan(scheduled)
    expect(scheduled - after).toBeGreaterThanOrEqual(4 * 3) // at least a 4-hour shift less its breaks

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="roster-csv"]')])
    const csv = readFileSync((await csvDownload.path())!, 'utf8')
    expect(csv.split('\n')[0]).toBe('agent,name,skills,day,date,weekday,template,start,end,paid_hours,breaks')
    expect(csv.trim().split('\n').length).toBe(1 + shifts - 1)
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="roster-xlsx"]')])
    expect(
      readFileSync((await xlsxDownload.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK')

    // Adherence for today: the roster starts today, so today's day is on it.
    await page.click('[data-testid="adherence-load"]')
    await page.locator('[data-testid="adherence-table"]').waitFor()
    expect(await page.locator('[data-testid="adherence-table"] tbody tr').count()).toBeGreaterThan(0)
    await page.close()
  }, 120_000)
})
