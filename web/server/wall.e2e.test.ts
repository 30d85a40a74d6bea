/**
 * The built app in a real browser against the real handler: tiles carry their
 * threshold state, the connection state follows the stream, sign-in works.
 * Needs `npm run build` (dist/web-app) and /usr/bin/chromium; skips without them.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { BrowserContext } from 'playwright-core'
import { rootDir } from '../../core/compiled.js'
import { hashPassword, type UserAccount } from '../../kits/auth/index.js'
import { demoServer } from './test-helpers/serve-demo.js'
import { CHROMIUM, launchChromium } from '../../testing/browser.js'
import { lateMorningZone } from '../../testing/env.js'

const appDir = join(rootDir(), 'dist', 'web-app')
const ready = existsSync(join(appDir, 'index.html')) && existsSync(CHROMIUM)
if (!ready) console.warn(`SKIP wallboard browser test: needs ${appDir}/index.html (npm run build) and ${CHROMIUM}`)

describe.skipIf(!ready)('wallboard in a browser', () => {
  let server: Server
  let close: () => void
  let base: string
  let ctx: BrowserContext
  let profile: string

  beforeAll(async () => {
    const users = new Map<string, UserAccount>([
      [
        'lin',
        { passwordHash: await hashPassword('pw', { N: 1024, r: 8, p: 1 }), tenant: 'demo', roles: ['supervisor'] },
      ],
    ])
    const demo = demoServer(appDir, { users, timeZone: lateMorningZone().timeZone })
    server = demo.server
    close = () => demo.handler.close()
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    profile = mkdtempSync(join(tmpdir(), 'wall-browser-'))
    ctx = await launchChromium(profile, { viewport: { width: 1920, height: 1080 } })
  })

  afterAll(async () => {
    await ctx?.close()
    close?.()
    server?.closeAllConnections()
    await new Promise((r) => server?.close(r))
    if (profile) rmSync(profile, { recursive: true, force: true })
  })

  it('shows live tiles with threshold states, and flags a breach set by the URL', async () => {
    const page = await ctx.newPage()
    await page.goto(`${base}/?token=demo-wall&lang=en&th=abandon:0:0`)
    await page.waitForSelector('[data-testid="connection"][data-state="live"]')
    expect(await page.getAttribute('[data-testid="tile-sl"]', 'data-state')).toMatch(/^(green|amber|red)$/)
    // Any abandon at all is over a 0 % limit: red.
    expect(await page.getAttribute('[data-testid="tile-abandon"]', 'data-state')).toBe('red')
    expect(await page.textContent('[data-testid="alert-banner"]')).toContain('SL below target')
    expect(await page.locator('[data-testid="agent-board"] .cell[data-state]').count()).toBeGreaterThan(30)
    expect(await page.locator('[data-testid="chart-volume"] canvas').count()).toBe(1)
    await page.close()
  })

  it('switches to “connection lost” when the stream stops', async () => {
    const page = await ctx.newPage()
    await page.goto(`${base}/?token=demo-wall&wall=queue&queue=repair&stale=2`)
    await page.waitForSelector('[data-testid="connection"][data-state="live"]')
    expect(await page.getAttribute('[data-testid="wall"]', 'data-wall')).toBe('queue')
    close() // ends every SSE stream; EventSource retries, the data ages
    await page.waitForSelector('[data-testid="connection"][data-state="lost"]', { timeout: 8000 })
    await page.close()
  })

  it('asks for sign-in without a token, and shows the wall after it', async () => {
    const page = await ctx.newPage()
    await page.goto(`${base}/`)
    await page.waitForSelector('[data-testid="login-form"]')
    await page.fill('input[name="username"]', 'lin')
    await page.fill('input[name="password"]', 'pw')
    await page.click('button[type="submit"]')
    await page.waitForSelector('[data-testid="tile-sl"]')
    await page.close()
  })

  it('says so when the display token is wrong', async () => {
    const page = await ctx.newPage()
    await page.goto(`${base}/?token=nope`)
    await page.waitForSelector('[data-testid="bad-token"]')
    await page.close()
  })
})
