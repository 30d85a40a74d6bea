/**
 * The planner page in a real browser against the real system: sign in, see
 * forecast, AHT and staffing, change a what-if control and watch the staffing
 * table follow (recomputed in the page's Web Worker), export CSV; the ticket
 * forecast per day beside it.
 * Needs the built app (node scripts/bootstrap.mjs build) and /usr/bin/chromium; skips without them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { rootDir } from '../core/compiled.js'
import { eventually } from '../testing/env.js'
import { ready, skipReason, startPlannerBrowser, TZ, type PlannerBrowser } from '../testing/planner-browser.js'
import { toLocalMinutes } from '../kits/time/index.js'
import { dayOf } from './series.js'
import type { ForecastService } from './service.js'
import { ticketEvents } from './test-helpers/history-events.js'

if (!ready) console.warn(`SKIP planner browser test: ${skipReason}`)

let b: PlannerBrowser

describe.skipIf(!ready)('planner page in a browser', () => {
  beforeAll(async () => {
    b = await startPlannerBrowser('planner')
    // Four weeks of e-mail, 2 an hour round the clock, then a forecast run that includes them.
    const today = dayOf(toLocalMinutes(Date.now(), TZ)) * 1440
    await b.sys.warehouse.insert(
      'events',
      ticketEvents({
        tenant: 'demo',
        queue: 'repair',
        channel: 'email',
        timeZone: TZ,
        firstDay: today - 28 * 1440,
        days: 28,
        perHour: () => 2,
      }),
    )
    const emails = async () =>
      Number(
        (
          await b.sys.warehouse.query<{ n: number }>(
            `SELECT count() AS n FROM interaction_facts WHERE tenant = 'demo' AND channel = 'email'`,
          )
        )[0].n,
      )
    await eventually(async () => (await emails()) >= 28 * 48, { what: 'e-mail history' })
    await (b.sys.services.find((s) => s.name === 'forecast') as ForecastService).recompute()
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
    // The AHT forecast per interval, next to the arrivals: the history's calls all took 180 s.
    const aht = Number(await table.locator('tbody tr').first().locator('[data-col="aht"]').textContent())
    expect(aht).toBeGreaterThan(170)
    expect(aht).toBeLessThan(190)
    // The tickets, per day: 48 e-mails a day (not staffed, so not in the table above).
    const tickets = page.locator('[data-testid="planner-tickets"] tbody tr')
    expect(await tickets.count()).toBe(2)
    const perDay = Number(await tickets.first().locator('[data-col="forecast"]').textContent())
    expect(perDay).toBeGreaterThan(44)
    expect(perDay).toBeLessThan(52)

    await page.fill('[data-testid="whatif-aht"]', '900')
    await page.waitForFunction(`${total} > ${before}`)
    const after = Number(await table.getAttribute('data-required-total'))
    expect(after).toBeGreaterThan(before * 2) // 5× the AHT needs well over twice the agents
    expect(await table.locator('tbody tr').first().locator('[data-col="aht"]').textContent()).toBe('900')

    // 3 agents logged in all day today cannot cover a 900 s AHT: short intervals are highlighted.
    expect(await page.locator('tr.short').count()).toBeGreaterThan(0)
    mkdirSync(join(rootDir(), 'test-artifacts'), { recursive: true })
    await page.screenshot({ path: join(rootDir(), 'test-artifacts', 'planner.png'), fullPage: false })

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')])
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.split('\n')[0]).toBe(
      'interval_start,forecast,lo,hi,actual,required_agents,scheduled_needed,logged_in,gap,aht_s',
    )
    expect(csv.trim().split('\n').length).toBe(
      1 + (await page.locator('[data-testid="planner-table"] tbody tr').count()),
    )
    await page.close()
  })
})
