/**
 * The planner page in a real browser against the real system: sign in, see
 * forecast and staffing, change a what-if control and watch the staffing
 * table follow (recomputed in the page's Web Worker), export CSV.
 * Needs the built app (node scripts/bootstrap.mjs build) and /usr/bin/chromium; skips without them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { rootDir } from '../core/compiled.js'
import { ready, skipReason, startPlannerBrowser, type PlannerBrowser } from '../testing/planner-browser.js'

if (!ready) console.warn(`SKIP planner browser test: ${skipReason}`)

let b: PlannerBrowser

describe.skipIf(!ready)('planner page in a browser', () => {
  beforeAll(async () => {
    b = await startPlannerBrowser('planner')
  }, 120_000)

  afterAll(() => b?.stop())

  it('recomputes the staffing table when a what-if control changes, and exports CSV', async () => {
    const page = await b.signedIn('/planner?lang=en&days=2')
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
