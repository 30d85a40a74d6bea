/**
 * Wallboard benchmark, the whole chain in one process plus headless Chromium:
 * HTTP ingest → JetStream → live metrics service → NATS → wallboard SSE → the
 * built app at 1920×1080.
 *
 * 1. Event-to-screen latency under load: a busy tenant gets `--rate` events/s
 *    (default 5,000) while a marker tenant gets 2 voice.offered a second. The
 *    wall shows the marker tenant; a MutationObserver in the page stamps each
 *    change of the "offered today" tile. Latency of marker n = the first time the
 *    tile shows ≥ n − the marker's event ts (same machine clock).
 * 2. Memory: then `--minutes` (default 30) of 1 Hz updates; the page's JS heap
 *    after a forced GC (CDP HeapProfiler.collectGarbage + Runtime.getHeapUsage)
 *    each minute, against the start.
 *
 * usage: npm run bench:wallboard -- [--minutes 30] [--rate 5000] [--load-seconds 60]
 * Needs dist/wallboard-app (the npm script builds it) and /usr/bin/chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { loadConfig } from '../core/config.js'
import { startSystem } from '../cli/system.js'
import { defaultServices } from '../cli/services.js'
import { percentile, syntheticEvents, helpOnRequest } from './bench-util.js'

helpOnRequest('Usage: npm run bench:wallboard -- [--minutes 30] [--rate 5000] [--load-seconds 60]\n\nEvent-to-screen latency (p50/p99) under load, and the browser’s JS heap over --minutes of 1 Hz updates.')

const { values: args } = parseArgs({
  options: { minutes: { type: 'string', default: '30' }, rate: { type: 'string', default: '5000' }, 'load-seconds': { type: 'string', default: '60' } },
})
const minutes = Number(args.minutes)
const rate = Number(args.rate)
const loadSeconds = Number(args['load-seconds'])
const MARKERS_PER_S = 2
const CHROMIUM = '/usr/bin/chromium'
const LOAD_KEY = 'bench-load-key-0123456789'
const MARK_KEY = 'bench-mark-key-0123456789'
const TOKEN = 'bench-wall-display-token-0123'

const dataDir = mkdtempSync(join(tmpdir(), 'mofang-bench-wall-'))
const config = loadConfig({
  MOFANG_DATA_DIR: dataDir, MOFANG_PORT: '0', MOFANG_API_KEYS: `load:${LOAD_KEY},mark:${MARK_KEY}`, MOFANG_DISPLAY_TOKENS: `mark:${TOKEN}`,
  MOFANG_MAX_BATCH_EVENTS: '10000', MOFANG_MAX_BODY_BYTES: String(16 * 1024 * 1024),
})
const sys = await startSystem({ config, services: defaultServices(config), log: () => {} })
const profile = mkdtempSync(join(tmpdir(), 'bench-wall-browser-'))
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true, viewport: { width: 1920, height: 1080 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
})
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function post(key: string, events: object[]): Promise<void> {
  const res = await fetch(`${sys.url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(events) })
  if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${await res.text()}`)
}

let markers = 0
/** Event time of each marker, by its number (1-based: the tile shows n after marker n). */
const markerTs: number[] = []
async function postMarker(): Promise<void> {
  const n = ++markers
  const ts = Date.now()
  markerTs[n] = ts
  await post(MARK_KEY, [{ tenant: 'mark', ts, channel: 'voice', type: 'voice.offered', interaction_id: `mark-${n}`, queue: 'marker', payload: {} }])
}

try {
  const page = await browser.newPage()
  await page.goto(`${sys.url}/?token=${TOKEN}&lang=en`)
  await postMarker()
  await page.waitForSelector('[data-testid="tile-offered"]')
  await page.waitForFunction(`document.querySelector('[data-testid="tile-offered"] .value')?.textContent?.trim() === '1'`)
  // Stamp every change of the offered tile with the wall-clock time it was rendered (page code as text: no DOM types here).
  await page.evaluate(`{
    window.renders = []
    const value = document.querySelector('[data-testid="tile-offered"] .value')
    new MutationObserver(() => {
      const now = performance.timeOrigin + performance.now()
      window.renders.push([Number(value.textContent.replace(/,/g, '')), now])
    }).observe(value, { childList: true, characterData: true, subtree: true })
  }`)

  console.log(`phase 1: ${rate} events/s on tenant "load" for ${loadSeconds} s, ${MARKERS_PER_S} markers/s on tenant "mark"`)
  let sent = 0
  let behind = 0
  const inFlight = new Set<Promise<unknown>>()
  const t0 = Date.now()
  const TICK_MS = 100
  for (let tick = 0; Date.now() - t0 < loadSeconds * 1000; tick++) {
    const due = t0 + tick * TICK_MS
    if (Date.now() < due) await sleep(due - Date.now())
    else behind++
    const batch = syntheticEvents('load', Math.round((rate * TICK_MS) / 1000), tick)
    // Open-loop: requests overlap (up to 16 in flight) so a slow answer does not lower the offered rate.
    while (inFlight.size >= 16) await Promise.race(inFlight)
    const req = post(LOAD_KEY, batch).then(() => (sent += batch.length))
    inFlight.add(req)
    void req.finally(() => inFlight.delete(req))
    if (tick % (10 / MARKERS_PER_S) === 0) void postMarker()
  }
  await Promise.all(inFlight)
  const elapsedS = (Date.now() - t0) / 1000
  await sleep(3_000)
  const renders = await page.evaluate<[number, number][]>('window.renders')
  const latencies: number[] = []
  for (let n = 2; n <= markers; n++) {
    const shown = renders.find(([value]) => value >= n)
    if (shown) latencies.push(shown[1] - markerTs[n])
  }
  latencies.sort((a, b) => a - b)
  console.log(`load: ${sent} events in ${elapsedS.toFixed(1)} s = ${Math.round(sent / elapsedS)} events/s (${behind} ticks late)`)
  console.log(`event-to-screen latency (${latencies.length} of ${markers - 1} markers seen): p50 ${Math.round(percentile(latencies, 0.5))} ms, p99 ${Math.round(percentile(latencies, 0.99))} ms, max ${Math.round(latencies.at(-1) ?? NaN)} ms (target p99 ≤ 1000 ms)`)

  console.log(`phase 2: ${minutes} min of 1 Hz updates; JS heap after GC every minute`)
  const cdp = await browser.newCDPSession(page)
  const heapMb = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize / 1024 / 1024
  }
  // Re-open the page so phase 1's observer log is not part of the heap.
  await page.reload()
  await page.waitForSelector('[data-testid="tile-offered"]')
  for (let s = 0; s < 30; s++) await Promise.all([postMarker(), sleep(1000)])
  const start = await heapMb()
  const samples = [start]
  console.log(`heap at start: ${start.toFixed(2)} MB`)
  for (let m = 1; m <= minutes; m++) {
    for (let s = 0; s < 60; s++) await Promise.all([postMarker(), sleep(1000)])
    const mb = await heapMb()
    samples.push(mb)
    console.log(`heap after ${m} min: ${mb.toFixed(2)} MB (${((100 * (mb - start)) / start).toFixed(1)} %)`)
  }
  const end = samples.at(-1)!
  console.log(`heap: start ${start.toFixed(2)} MB, end ${end.toFixed(2)} MB, change ${((100 * (end - start)) / start).toFixed(1)} % over ${minutes} min (target within ±10 %)`)
} finally {
  await browser.close()
  await sys.stop()
  rmSync(profile, { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
}
