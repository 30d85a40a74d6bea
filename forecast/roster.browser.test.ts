/**
 * The planner's roster view in a real browser against the real system: build a week's roster from the stored
 * forecast, see requirement vs scheduled, remove a shift and watch the coverage follow, export CSV and XLSX, and
 * show adherence for today. Needs the built app (node scripts/bootstrap.mjs build) and /usr/bin/chromium; skips
 * without them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { rootDir } from '../core/compiled.js'
import { ready, skipReason, startPlannerBrowser, type PlannerBrowser } from '../testing/planner-browser.js'

if (!ready) console.warn(`SKIP roster browser test: ${skipReason}`)

let b: PlannerBrowser

describe.skipIf(!ready)('roster view in a browser', () => {
  beforeAll(async () => {
    b = await startPlannerBrowser('roster')
  }, 120_000)

  afterAll(() => b?.stop())

  it('builds a roster, updates coverage when a shift is removed, exports CSV and XLSX, shows adherence', async () => {
    const page = await b.signedIn('/planner?lang=en&days=2')
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
