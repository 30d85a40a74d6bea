/**
 * The /reports page in Chromium, on a phone (390 px wide) and a desktop screen (1920 px): figures render with their
 * previous period, change and sparkline; a rise in AHT or abandon rate shows as bad; nothing scrolls sideways, the
 * drill-down sheet included; the drill-down links to the QA detail only for a role that may read it; tabs, date,
 * filters and exports reach the API; Chinese by default, English on request. The report API is a stub in the
 * contract's shape (testing/reports-browser.ts).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { rootDir } from '../core/compiled.js'
import { REPORT_METRIC_IDS } from '../core/contracts/index.js'
import { ready, skipReason, startReportsBrowser, type ReportsBrowser } from './reports-browser.js'

if (!ready) console.warn(`reports browser test skipped: ${skipReason}`)

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1920, height: 1080 }

/**
 * How far anything is wider than the window: the document, the page's scroll box and the drill-down sheet (0 each
 * when nothing scrolls sideways). Run in the page, so written as text: this file is compiled without the DOM types.
 */
const sideways = (page: Page) =>
  page.evaluate(`(() => {
    const boxes = ['[data-testid="reports"]', '[data-testid="drill"]'].map((s) => document.querySelector(s)).filter(Boolean)
    return {
      document: document.documentElement.scrollWidth - window.innerWidth,
      boxes: boxes.map((b) => b.scrollWidth - b.clientWidth),
    }
  })()`)

const card = (page: Page, id: string) => page.locator(`[data-testid="metric-card"][data-metric="${id}"]`)

describe.skipIf(!ready)('reports page in a browser', () => {
  let b: ReportsBrowser
  beforeAll(async () => {
    b = await startReportsBrowser('reports')
  })
  afterAll(async () => {
    await b?.stop()
  })

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`renders every figure with no sideways scroll at ${viewport.width} px (${name})`, async () => {
      const page = await b.signedIn('exec', '/reports?period=weekly&date=2026-03-04', viewport)
      await expect.poll(() => page.locator('[data-testid="metric-card"]').count()).toBe(REPORT_METRIC_IDS.length)
      expect(await page.getAttribute('[data-testid="reports"]', 'data-range')).toBe('2026-03-02')
      expect(await page.textContent('[data-testid="report-range"]')).toBe('2026-03-02 – 2026-03-08')

      // Value, previous period, change coloured by which way is good.
      expect(await card(page, 'service_level').locator('[data-testid="metric-value"]').textContent()).toBe('82.4%')
      expect(await card(page, 'service_level').textContent()).toContain('上期 79.1%')
      expect(await card(page, 'service_level').getAttribute('data-tone')).toBe('good')
      expect(await card(page, 'aht').getAttribute('data-tone')).toBe('bad')
      expect(await card(page, 'aht').locator('[data-testid="metric-change"]').textContent()).toContain('▲ +0:14')
      expect(await card(page, 'abandon_rate').getAttribute('data-tone')).toBe('bad')
      expect(await card(page, 'asa').getAttribute('data-tone')).toBe('good')
      expect(await card(page, 'offered').getAttribute('data-tone')).toBe('neutral')
      expect(await card(page, 'offered').textContent()).toContain('12,345')
      // Sparklines draw (on canvas) once in view.
      await expect.poll(() => card(page, 'offered').locator('[data-testid="sparkline"] canvas').count()).toBe(1)

      expect(await sideways(page)).toEqual({ document: 0, boxes: [0] })
      // All the way down (scorecards, top items): still nothing wider than the window.
      await page.locator('[data-testid="top-product_model"]').scrollIntoViewIfNeeded()
      await expect.poll(() => page.locator('[data-testid="top-product_model"] canvas').count()).toBeGreaterThan(0)
      expect(await page.locator('[data-testid="scorecard-agent"] tbody tr').count()).toBe(14)
      expect(await sideways(page)).toEqual({ document: 0, boxes: [0] })
      mkdirSync(join(rootDir(), 'test-artifacts'), { recursive: true })
      await page.screenshot({ path: join(rootDir(), 'test-artifacts', `reports-${viewport.width}.png`) })

      // Drill-down from a figure: the interactions, without QA links for an exec.
      await card(page, 'service_level').click()
      await expect.poll(() => page.locator('[data-testid="drill-row"]').count()).toBe(50)
      expect(await page.textContent('[data-testid="drill-total"]')).toBe('共 120 条')
      expect(await page.locator('[data-testid="qa-link"]').count()).toBe(0)
      expect(await sideways(page)).toEqual({ document: 0, boxes: [0, 0] })
      await page.screenshot({ path: join(rootDir(), 'test-artifacts', `reports-drill-${viewport.width}.png`) })
      await page.click('[data-testid="drill-more"]')
      await expect.poll(() => page.locator('[data-testid="drill-row"]').count()).toBe(100)
      await page.click('[data-testid="drill-close"]')
      expect(await page.locator('[data-testid="drill"]').count()).toBe(0)
      await page.close()
    })
  }

  it('links interactions to the QA detail for a supervisor, and an agent scorecard opens their contacts', async () => {
    const page = await b.signedIn('lead', '/reports?lang=en&period=weekly&date=2026-03-04', PHONE)
    expect(await card(page, 'service_level').textContent()).toContain('Service level')
    expect(await card(page, 'service_level').textContent()).toContain('Previous 79.1%')
    await card(page, 'aht').click()
    await expect.poll(() => page.locator('[data-testid="qa-link"]').count()).toBe(50)
    const href = await page.locator('[data-testid="qa-link"]').first().getAttribute('href')
    expect(href).toMatch(/^\/qa\?id=ix-2026-03-02-00000-.*&lang=en$/)
    expect(await sideways(page)).toEqual({ document: 0, boxes: [0, 0] })
    await page.click('[data-testid="drill-close"]')

    await page.locator('[data-testid="scorecard-agent"] button', { hasText: 'agent-0003' }).click()
    await expect.poll(() => page.locator('[data-testid="drill-row"]').count()).toBe(50)
    const drill = b.requests.filter((u) => u.pathname.endsWith('/drill')).at(-1)!
    expect(Object.fromEntries(drill.searchParams)).toMatchObject({
      metric: 'handled',
      date: '2026-03-02',
      agent: 'agent-0003-shanghai-aftersales-senior',
      limit: '50',
      offset: '0',
    })
    await page.close()
  })

  it('asks the API for the tab, date and filters chosen, keeps them in the address, and links the exports', async () => {
    const page = await b.signedIn('exec', '/reports', DESKTOP)
    expect(await page.textContent('[data-testid="report-range"]')).toBe('2026-03-04')
    expect(await page.textContent('h1')).toBe('服务报告 · demo')

    await page.click('[data-testid="tab-monthly"]')
    await expect.poll(() => page.textContent('[data-testid="report-range"]')).toBe('2026-03-01 – 2026-03-31')
    await page.selectOption('[data-testid="filter-queue"]', 'vip')
    await page.selectOption('[data-testid="filter-channel"]', 'wechat')
    await page.fill('[data-testid="report-date"]', '2026-02-10')
    await expect.poll(() => page.textContent('[data-testid="report-range"]')).toBe('2026-02-01 – 2026-02-28')
    const last = b.requests.filter((u) => /^\/api\/reports\/[a-z]+$/.test(u.pathname)).at(-1)!
    expect(last.pathname).toBe('/api/reports/monthly')
    expect(Object.fromEntries(last.searchParams)).toEqual({ date: '2026-02-10', queue: 'vip', channel: 'wechat' })
    expect(new URL(page.url()).search).toBe('?period=monthly&date=2026-02-10&channel=wechat&queue=vip')
    // The channel filter lists channels by name.
    expect(await page.locator('[data-testid="filter-channel"] option[value="wechat"]').textContent()).toBe('微信')

    expect(await page.getAttribute('[data-testid="export-xlsx"]', 'href')).toBe(
      '/api/reports/monthly/export?format=xlsx&date=2026-02-01&channel=wechat&queue=vip',
    )
    expect(await page.getAttribute('[data-testid="export-pdf"]', 'href')).toContain('format=pdf')
    expect(await page.getAttribute('[data-testid="export-csv"]', 'href')).toContain('format=csv')

    // The previous-period step, and the language switch keeps the choices.
    await page.click('button[aria-label="◀"]')
    await expect.poll(() => page.textContent('[data-testid="report-range"]')).toBe('2026-01-01 – 2026-01-31')
    await page.click('[data-testid="switch-lang"]')
    await page.waitForSelector('[data-testid="metric-card"]')
    expect(await page.textContent('h1')).toBe('Service report · demo')
    expect(await page.textContent('[data-testid="report-range"]')).toBe('2026-01-01 – 2026-01-31')
    await page.close()
  })
})
