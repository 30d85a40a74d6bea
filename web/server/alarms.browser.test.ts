/**
 * Alarms in the browser, on the real system (live metrics + wallboard as `mofang start` wires them) and the built
 * app in headless Chromium at 1920×1080: a caller waiting ten minutes raises an alarm; the wall display shows the
 * banner (critical, no acknowledge button for a display); a supervisor on another page gets a browser notification
 * for an alarm that comes while the page is open (the Notification API stubbed to record them) and the corner list;
 * on the wall the supervisor acknowledges it. Needs dist/web-app (npm run build) and /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { rootDir } from '../../core/compiled.js'
import { startSystem, type RunningSystem } from '../../system/system.js'
import { defaultServices } from '../../system/services.js'
import { SESSION_COOKIE, SessionSigner } from '../../kits/auth/index.js'
import { postEvents, tempDir, testConfig, uniqueNamespace, TEST_TENANT } from '../../testing/env.js'
import { CHROMIUM, launchChromium } from '../../testing/browser.js'

const appDir = join(rootDir(), 'dist', 'web-app')
const ready = existsSync(join(appDir, 'index.html')) && existsSync(CHROMIUM)
if (!ready) console.warn(`SKIP alarm browser test: needs ${appDir}/index.html (npm run build) and ${CHROMIUM}`)

const TOKEN = 'alarm-wall-display-token-0123'
const SECRET = 'alarms-browser-session-secret-0123456789'
const key = (queue: string) => `_group:wait:queue:${queue}`
const dir = tempDir('alarms-browser')
let sys: RunningSystem
let ctx: BrowserContext
let profile: string

/** A caller who has waited ten minutes on `queue`. */
const waitingCall = (queue: string) =>
  postEvents(
    sys.url,
    JSON.stringify([
      {
        tenant: TEST_TENANT,
        channel: 'voice',
        type: 'voice.offered',
        interaction_id: `browser-${queue}`,
        queue,
        ts: Date.now() - 10 * 60_000,
        payload: {},
      },
    ]),
  )

describe.skipIf(!ready)('alarms in the browser', () => {
  beforeAll(async () => {
    const config = testConfig(dir.path, {
      MOFANG_ALARM_RULES: 'wait: longest_wait_s queue:* above 120 for 1s clear 1s critical',
      MOFANG_DISPLAY_TOKENS: `${TEST_TENANT}:${TOKEN}`,
      MOFANG_USERS: `lin:${TEST_TENANT}:supervisor:x`,
      MOFANG_SESSION_SECRET: SECRET,
    })
    const services = defaultServices(config).filter((f) => ['live_metrics', 'wallboard'].includes(f.serviceName!))
    sys = await startSystem({ config, namespace: uniqueNamespace(), services, log: () => {} })
    expect((await waitingCall('alarmq')).status).toBe(202)
    profile = mkdtempSync(join(tmpdir(), 'alarms-browser-'))
    ctx = await launchChromium(profile, { viewport: { width: 1920, height: 1080 } })
  }, 120_000)

  afterAll(async () => {
    await ctx?.close()
    await sys?.stop()
    if (profile) rmSync(profile, { recursive: true, force: true })
    dir.remove()
  })

  it('shows the alarm on the wall display, large and critical, without an acknowledge button', async () => {
    const page = await ctx.newPage()
    await page.goto(`${sys.url}/?token=${TOKEN}&lang=en`)
    const alarm = page.locator(`[data-testid="alarm"][data-key="${key('alarmq')}"]`)
    await alarm.waitFor({ timeout: 20_000 })
    expect(await page.getAttribute('[data-testid="alarm-banner"]', 'data-state')).toBe('critical')
    expect(await alarm.textContent()).toMatch(/Queue alarmq\s*Longest wait \d+:\d\d > 2:00\s*since \d\d:\d\d/)
    // Readable from across the room: the band's text is at least 2 % of the screen's height.
    const size = Number(
      await page.evaluate(`parseFloat(getComputedStyle(document.querySelector('[data-testid="alarm"]')).fontSize)`),
    )
    expect(size).toBeGreaterThanOrEqual(0.02 * 1080)
    expect(await page.locator('[data-testid="alarm-ack"]').count()).toBe(0)
    mkdirSync(join(rootDir(), 'test-artifacts'), { recursive: true })
    await page.screenshot({ path: join(rootDir(), 'test-artifacts', 'wallboard-alarm-1920x1080.png') })
    await page.close()
  })

  it("notifies a supervisor on another page of an alarm that comes, and lets the wall's banner acknowledge it", async () => {
    const session = new SessionSigner(Buffer.from(SECRET)).sign({
      u: 'lin',
      t: TEST_TENANT,
      r: ['supervisor'],
      exp: Date.now() + 3_600_000,
    })
    await ctx.addCookies([{ name: SESSION_COOKIE, value: session, url: sys.url }])
    const reports = await ctx.newPage()
    // The browser's notifications, recorded (allowed, as if the supervisor had clicked the button). The scripts run
    // in the page, so they are strings: the tests are type-checked without the DOM's types.
    await reports.addInitScript(`
      window.shownNotifications = []
      window.Notification = class {
        static permission = 'granted'
        static requestPermission = async () => 'granted'
        constructor(title, opts = {}) { window.shownNotifications.push({ title, tag: opts.tag }) }
      }
    `)
    await reports.goto(`${sys.url}/reports?lang=en`)
    await reports.locator(`[data-testid="alarm-list"] [data-key="${key('alarmq')}"]`).waitFor({ timeout: 20_000 })

    expect((await waitingCall('other')).status).toBe(202)
    const other = JSON.stringify(key('other'))
    await reports.waitForFunction(`window.shownNotifications.some((n) => n.tag === ${other})`, null, {
      timeout: 20_000,
    })
    const notes = (await reports.evaluate('window.shownNotifications')) as { title: string; tag?: string }[]
    // The alarm already active when the page opened notified nobody.
    expect(notes.map((n) => n.tag)).not.toContain(key('alarmq'))
    expect(notes.find((n) => n.tag === key('other'))?.title).toMatch(/^Mofang alarms \(\d+\) · Queue other$/)
    await reports.close()

    const wall = await ctx.newPage()
    await wall.goto(`${sys.url}/?lang=en`)
    const alarm = wall.locator(`[data-testid="alarm"][data-key="${key('other')}"]`)
    await alarm.locator('[data-testid="alarm-ack"]').click({ timeout: 20_000 })
    await wall.locator(`[data-testid="alarm"][data-key="${key('other')}"][data-acked="true"]`).waitFor()
    expect(await alarm.textContent()).toMatch(/acknowledged by lin at \d\d:\d\d/)
    await wall.screenshot({ path: join(rootDir(), 'test-artifacts', 'wallboard-alarm-acknowledged.png') })
    await wall.close()
  })
})
