import { chromium } from 'playwright-core'
import { mkdtempSync } from 'node:fs'
const [url, out, w, h] = process.argv.slice(2)
const ctx = await chromium.launchPersistentContext(mkdtempSync('/tmp/pw-'), { executablePath: '/usr/bin/chromium', headless: true, viewport: { width: +w, height: +h }, args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] })
const page = await ctx.newPage()
page.on('console', (m) => console.log('console:', m.type(), m.text()))
page.on('pageerror', (e) => console.log('pageerror:', e.message))
await page.goto(url)
await page.waitForTimeout(2500)
await page.screenshot({ path: out })
const states = await page.$$eval('[data-testid^="tile-"]', (els) => els.map((e) => `${e.getAttribute('data-testid')}=${e.getAttribute('data-state')}`))
console.log(states.join(' '))
await ctx.close()
