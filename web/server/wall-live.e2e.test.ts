/**
 * The whole chain in a browser: simulator → ingest → JetStream → live metrics
 * service → NATS → wallboard service → SSE → the built app in headless Chromium
 * at 1920×1080. The tiles must show the numbers of /api/snapshot, and a threshold
 * set by the URL must turn a tile red. (wall.e2e.test.ts covers sign-in, bad
 * tokens and "connection lost" against a demo server.)
 * Needs dist/web-app (npm run build) and /usr/bin/chromium; skips without them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { rootDir } from '../../core/compiled.js'
import { startSystem, type RunningSystem } from '../../system/system.js'
import { defaultServices } from '../../system/services.js'
import { simulateRecentFloor } from '../../testing/recent-floor.js'
import { TEST_TENANT, eventually, lateMorningZone, tempDir, testConfig, uniqueNamespace } from '../../testing/env.js'
import type { Snapshot } from '../../core/contracts/index.js'
import { count, duration, pct, signed } from '../app/src/lib/format.js'
import { CHROMIUM, launchChromium } from '../../testing/browser.js'

const appDir = join(rootDir(), 'dist', 'web-app')
const ready = existsSync(join(appDir, 'index.html')) && existsSync(CHROMIUM)
if (!ready) console.warn(`SKIP live wallboard browser test: needs ${appDir}/index.html (npm run build) and ${CHROMIUM}`)

const TOKEN = 'live-wall-display-token-0123'
const dir = tempDir('wall-live')
let sys: RunningSystem
let ctx: BrowserContext
let profile: string

const apiSnapshot = async (): Promise<Snapshot> =>
  (await (await fetch(`${sys.url}/api/snapshot`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as Snapshot

describe.skipIf(!ready)('live wallboard in a browser', () => {
  beforeAll(async () => {
    const zone = lateMorningZone()
    const config = testConfig(dir.path, {
      MOFANG_DISPLAY_TOKENS: `${TEST_TENANT}:${TOKEN}`,
      MOFANG_TIMEZONE: zone.timeZone,
    })
    sys = await startSystem({ config, namespace: uniqueNamespace(), services: defaultServices(config), log: () => {} })
    await simulateRecentFloor(sys.url, { seed: 11, utcOffsetMinutes: zone.utcOffsetMinutes })
    profile = mkdtempSync(join(tmpdir(), 'wall-live-browser-'))
    ctx = await launchChromium(profile, { viewport: { width: 1920, height: 1080 } })
  }, 180_000)

  afterAll(async () => {
    await ctx?.close()
    await sys?.stop()
    if (profile) rmSync(profile, { recursive: true, force: true })
    dir.remove()
  })

  const tileValue = (page: Page, metric: string) =>
    page.textContent(`[data-testid="tile-${metric}"] .value`).then((t) => t?.trim())

  it('shows the numbers of /api/snapshot on its tiles', async () => {
    const page = await ctx.newPage()
    await page.goto(`${sys.url}/?token=${TOKEN}&lang=en&window=30m`)
    await page.waitForSelector('[data-testid="connection"][data-state="live"]')
    // The simulator is done: wait until the wall and the API show the same settled day.
    await eventually(
      async () => {
        const snap = await apiSnapshot()
        const today = snap.totals.windows.today
        const w = snap.totals.windows['30m']
        const expected = {
          offered: count(today.offered),
          aht: duration(today.aht_s),
          nps: signed(today.nps),
          csat: pct(today.csat_pct),
          sl: pct(w.sl_pct),
          asa: duration(w.asa_s),
          abandon: pct(w.abandon_pct),
        }
        const shown: Record<string, string | undefined> = {}
        for (const metric of Object.keys(expected)) shown[metric] = await tileValue(page, metric)
        return today.offered > 50 && JSON.stringify(shown) === JSON.stringify(expected)
      },
      { timeoutMs: 20_000, what: 'tiles equal to /api/snapshot' },
    )
    mkdirSync(join(rootDir(), 'test-artifacts'), { recursive: true })
    await page.screenshot({ path: join(rootDir(), 'test-artifacts', 'wallboard-live-1920x1080.png') })
    await page.close()
  })

  it('turns the SL tile red when the URL sets a threshold the day breaches', async () => {
    const page = await ctx.newPage()
    // SL can never reach 101 %: red whatever the traffic.
    await page.goto(`${sys.url}/?token=${TOKEN}&lang=en&window=30m&th=sl:101:101`)
    await page.waitForSelector('[data-testid="connection"][data-state="live"]')
    await page.waitForSelector('[data-testid="tile-sl"][data-state="red"]', { timeout: 10_000 })
    expect(await page.locator('[data-testid="tile-sl"] .flag').count()).toBe(1)
    await page.screenshot({ path: join(rootDir(), 'test-artifacts', 'wallboard-live-sl-red.png') })
    await page.close()
  })
})
