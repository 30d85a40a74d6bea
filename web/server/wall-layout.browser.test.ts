/**
 * Layouts that fit (#21 item 5): every default wall, and the URL walls, at 1920×1080 and 3840×2160 and on a phone at
 * 390×844, in Chinese and English, against a demo day (long English names, tickets, alerts). Fails when any text is
 * cut (an element whose content is wider than its box, or a tile or panel whose content is taller than it), when a
 * big screen scrolls or leaves its lower part empty, or when the phone scrolls sideways. Screenshots go to
 * test-artifacts/walls/.
 * Needs the built app (node scripts/bootstrap.mjs build) and /usr/bin/chromium; skips without them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { jetstream } from '@nats-io/jetstream'
import { Kvm } from '@nats-io/kv'
import type { BrowserContext, Page } from 'playwright-core'
import { rootDir } from '../../core/compiled.js'
import { CHROMIUM, launchChromium } from '../../testing/browser.js'
import { lateMorningZone, tempDir, testNats, uniqueNamespace } from '../../testing/env.js'
import type { LocalNats } from '../../bus/nats-server.js'
import { demoServer } from './test-helpers/serve-demo.js'
import { openWallStore } from './wall-store.js'
import { seedDefaultWalls } from './wall-defaults.js'

const appDir = join(rootDir(), 'dist', 'web-app')
const ready = existsSync(join(appDir, 'index.html')) && existsSync(CHROMIUM)
if (!ready) console.warn(`SKIP wall layout browser test: needs ${appDir}/index.html (npm run build) and ${CHROMIUM}`)

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 390, height: 844 },
]
const LANGS = ['zh', 'en'] as const
/** The default walls (saved), then the URL-configured overview and agents walls. */
const WALLS = ['voice', 'chat', 'email-tickets', 'floor', 'overview', 'agents']
const artifacts = join(rootDir(), 'test-artifacts', 'walls')

/**
 * What does not fit, as readable lines (empty = everything fits). Runs in the page (plain JavaScript: the tests'
 * TypeScript has no DOM types).
 */
const MISFITS = `(phone) => {
  const out = []
  const name = (e) =>
    e.tagName.toLowerCase() + (e.dataset.testid ? '[' + e.dataset.testid + ']' : '') + '.' + [...e.classList].join('.') +
    ' "' + (e.textContent || '').trim().slice(0, 40) + '"'
  for (const e of document.querySelectorAll('body *')) {
    if (!(e instanceof HTMLElement) || e.offsetParent === null) continue
    if (e.scrollWidth > e.clientWidth + 1) out.push('cut sideways: ' + name(e) + ' ' + e.scrollWidth + ' > ' + e.clientWidth)
  }
  // Tiles, panels and the board's cells: nothing hidden below their edge either.
  for (const e of document.querySelectorAll('.tile, .panel, .cell'))
    if (e.scrollHeight > e.clientHeight + 2) out.push('cut below: ' + name(e) + ' ' + e.scrollHeight + ' > ' + e.clientHeight)
  const doc = document.documentElement
  if (doc.scrollWidth > innerWidth) out.push('the page scrolls sideways: ' + doc.scrollWidth + ' > ' + innerWidth)
  if (!phone) {
    if (doc.scrollHeight > innerHeight) out.push('the page scrolls: ' + doc.scrollHeight + ' > ' + innerHeight)
    // The screen is used: the lowest tile or panel ends near the bottom (no empty lower fifth).
    const bottom = Math.max(...[...document.querySelectorAll('.tile, .panel')].map((e) => e.getBoundingClientRect().bottom))
    if (bottom < innerHeight * 0.95) out.push('the lowest panel ends at ' + Math.round(bottom) + ' of ' + innerHeight)
  }
  return out
}`

const misfits = (page: Page, phone: boolean): Promise<string[]> => page.evaluate(`(${MISFITS})(${phone})`)

describe.skipIf(!ready)('walls that fit the screen', () => {
  const dir = tempDir('wall-layout')
  let nats: LocalNats
  let nc: NatsConnection
  let server: Server
  let base: string
  let ctx: BrowserContext
  let profile: string

  beforeAll(async () => {
    nats = await testNats(dir.path)
    nc = await connect({ servers: nats.url })
    const bucket = uniqueNamespace()
    await new Kvm(jetstream(nc)).create(bucket, { history: 5 })
    const walls = await openWallStore(jetstream(nc), bucket)
    await seedDefaultWalls(walls, ['demo'], Date.now())
    server = demoServer(appDir, { walls, timeZone: lateMorningZone().timeZone }).server
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    profile = mkdtempSync(join(tmpdir(), 'wall-layout-'))
    ctx = await launchChromium(profile, { viewport: SIZES[0] })
    mkdirSync(artifacts, { recursive: true })
  })

  afterAll(async () => {
    await ctx?.close()
    server?.closeAllConnections()
    await new Promise((r) => server?.close(r))
    await nc?.close()
    await nats?.stop()
    if (profile) rmSync(profile, { recursive: true, force: true })
    dir.remove()
  })

  for (const size of SIZES)
    it(`shows every wall whole at ${size.width}×${size.height}, in Chinese and English`, async () => {
      const page = await ctx.newPage()
      await page.setViewportSize(size)
      const problems: string[] = []
      for (const wall of WALLS)
        for (const lang of LANGS) {
          await page.goto(`${base}/?token=demo-wall&wall=${wall}&lang=${lang}`)
          await page.waitForSelector('[data-testid="connection"][data-state="live"]')
          await page.waitForSelector('[data-testid="wall-body"]')
          // Charts draw and texts fit on the next frames.
          await page.waitForTimeout(600)
          problems.push(...(await misfits(page, size.width < 600)).map((p) => `${wall} ${lang}: ${p}`))
          await page.screenshot({
            path: join(artifacts, `${wall}-${lang}-${size.width}x${size.height}.png`),
            fullPage: true,
          })
        }
      await page.close()
      expect(problems).toEqual([])
    }, 240_000) // 12 screens, each rendered and measured; a 4K page is slow on two shared cores
})
