/**
 * Wallboard benchmark, the whole chain in one process plus headless Chromium:
 * HTTP ingest → JetStream → live metrics service → NATS → wallboard SSE → the
 * built app at 1920×1080.
 *
 * 1. Event-to-screen latency under load: a busy tenant gets `--rate` events/s
 *    (default 5,000) while a marker tenant gets 2 voice.offered a second. The
 *    wall shows the marker tenant; a MutationObserver in the page stamps each
 *    change of the "offered today" tile. Latency of marker n = the first time the
 *    tile shows ≥ n − the marker's event ts (same machine clock). Each marker
 *    contact is abandoned at once, so nothing piles up in the marker queue.
 * 2. Memory: the page reloaded, `--warmup-minutes` (default 10) of 1 Hz updates
 *    while V8 compiles the hot code, then `--minutes` (default 30) more; the page's
 *    JS heap after a forced GC (CDP HeapProfiler.collectGarbage +
 *    Runtime.getHeapUsage) and its DOM counters each minute, against the start
 *    (also as medians of three readings, which the verdict uses); and at the start
 *    and the end a heap snapshot split into objects and compiled code.
 *
 * usage: npm run bench:wallboard -- [--minutes 30] [--warmup-minutes 10] [--rate 5000] [--load-seconds 60]
 * Needs dist/web-app (the npm script builds it) and /usr/bin/chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../core/index.js';
import { defaultServices, startSystem } from '../system/index.js';
import { openLoop, percentile, syntheticEvents, helpOnRequest } from './bench-util.js';
import { launchChromium } from '../testing/index.js';
helpOnRequest('Usage: npm run bench:wallboard -- [--minutes 30] [--warmup-minutes 10] [--rate 5000] [--load-seconds 60]\n\nEvent-to-screen latency (p50/p99) under load, and the browser’s JS heap over --minutes of 1 Hz updates\n(after --warmup-minutes of them).');
const { values: args } = parseArgs({
    options: {
        minutes: { type: 'string', default: '30' },
        'warmup-minutes': { type: 'string', default: '10' },
        rate: { type: 'string', default: '5000' },
        'load-seconds': { type: 'string', default: '60' },
    },
});
const minutes = Number(args.minutes);
const warmupMinutes = Number(args['warmup-minutes']);
const rate = Number(args.rate);
const loadSeconds = Number(args['load-seconds']);
const MARKERS_PER_S = 2;
const LOAD_KEY = 'bench-load-key-0123456789';
const MARK_KEY = 'bench-mark-key-0123456789';
const TOKEN = 'bench-wall-display-token-0123';
const dataDir = mkdtempSync(join(tmpdir(), 'mofang-bench-wall-'));
const config = loadConfig({
    MOFANG_DATA_DIR: dataDir,
    MOFANG_PORT: '0',
    MOFANG_API_KEYS: `load:${LOAD_KEY},mark:${MARK_KEY}`,
    MOFANG_DISPLAY_TOKENS: `mark:${TOKEN}`,
    MOFANG_MAX_BATCH_EVENTS: '10000',
    MOFANG_MAX_BODY_BYTES: String(16 * 1024 * 1024),
});
const sys = await startSystem({ config, services: defaultServices(config), log: () => { } });
const profile = mkdtempSync(join(tmpdir(), 'bench-wall-browser-'));
const browser = await launchChromium(profile, { viewport: { width: 1920, height: 1080 } });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function post(key, events) {
    const res = await fetch(`${sys.url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(events),
    });
    if (res.status !== 202)
        throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
}
let markers = 0;
/** Event time of each marker, by its number (1-based: the tile shows n after marker n). */
const markerTs = [];
async function postMarker() {
    const n = ++markers;
    const ts = Date.now();
    markerTs[n] = ts;
    const contact = { tenant: 'mark', ts, channel: 'voice', interaction_id: `mark-${n}`, queue: 'marker' };
    await post(MARK_KEY, [
        { ...contact, type: 'voice.offered', payload: {} },
        { ...contact, type: 'voice.abandoned', payload: { stage: 'queue' } },
    ]);
}
const change = (from, to) => `${((100 * (to - from)) / from).toFixed(1)} %`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Sums a heap snapshot's self sizes: compiled code (V8's `code` nodes) apart from everything else. */
function heapSplit(snapshotJson) {
    const s = JSON.parse(snapshotJson);
    const fields = s.snapshot.meta.node_fields;
    const types = s.snapshot.meta.node_types[0];
    const [typeAt, sizeAt, width] = [fields.indexOf('type'), fields.indexOf('self_size'), fields.length];
    let objects = 0;
    let code = 0;
    for (let i = 0; i < s.nodes.length; i += width) {
        if (types[s.nodes[i + typeAt]] === 'code')
            code += s.nodes[i + sizeAt];
        else
            objects += s.nodes[i + sizeAt];
    }
    return { objectsMb: objects / 1024 / 1024, codeMb: code / 1024 / 1024 };
}
try {
    const page = await browser.newPage();
    await page.goto(`${sys.url}/?token=${TOKEN}&lang=en`);
    await postMarker();
    await page.waitForSelector('[data-testid="tile-offered"]');
    await page.waitForFunction(`document.querySelector('[data-testid="tile-offered"] .value')?.textContent?.trim() === '1'`);
    // Stamp every change of the offered tile with the wall-clock time it was rendered (page code as text: no DOM types
    // here).
    await page.evaluate(`{
    window.renders = []
    const value = document.querySelector('[data-testid="tile-offered"] .value')
    new MutationObserver(() => {
      const now = performance.timeOrigin + performance.now()
      window.renders.push([Number(value.textContent.replace(/,/g, '')), now])
    }).observe(value, { childList: true, characterData: true, subtree: true })
  }`);
    console.log(`phase 1: ${rate} events/s on tenant "load" for ${loadSeconds} s, ${MARKERS_PER_S} markers/s on tenant "mark"`);
    let sent = 0;
    const t0 = Date.now();
    const TICK_MS = 100;
    const { lateTicks } = await openLoop({
        everyMs: TICK_MS,
        durationMs: loadSeconds * 1000,
        maxInFlight: 16,
        send: (tick) => {
            if (tick % (10 / MARKERS_PER_S) === 0)
                void postMarker();
            const batch = syntheticEvents('load', Math.round((rate * TICK_MS) / 1000), tick);
            return post(LOAD_KEY, batch).then(() => (sent += batch.length));
        },
    });
    const elapsedS = (Date.now() - t0) / 1000;
    await sleep(3_000);
    const renders = await page.evaluate('window.renders');
    const latencies = [];
    for (let n = 2; n <= markers; n++) {
        const shown = renders.find(([value]) => value >= n);
        if (shown)
            latencies.push(shown[1] - markerTs[n]);
    }
    latencies.sort((a, b) => a - b);
    console.log(`load: ${sent} events in ${elapsedS.toFixed(1)} s = ${Math.round(sent / elapsedS)} events/s (${lateTicks} ticks late)`);
    console.log(`event-to-screen latency (${latencies.length} of ${markers - 1} markers seen): p50 ${Math.round(percentile(latencies, 0.5))} ms, p99 ${Math.round(percentile(latencies, 0.99))} ms, max ${Math.round(latencies.at(-1) ?? NaN)} ms (target p99 ≤ 1000 ms)`);
    console.log(`phase 2: ${warmupMinutes} min warm-up, then ${minutes} min of 1 Hz updates; JS heap after GC every minute`);
    const cdp = await browser.newCDPSession(page);
    const heapMb = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        return usedSize / 1024 / 1024;
    };
    const domCounters = async () => {
        const c = await cdp.send('Memory.getDOMCounters');
        return `${c.nodes} DOM nodes, ${c.jsEventListeners} listeners`;
    };
    const snapshot = async () => {
        await cdp.send('HeapProfiler.collectGarbage');
        const chunks = [];
        const collect = (e) => chunks.push(e.chunk);
        cdp.on('HeapProfiler.addHeapSnapshotChunk', collect);
        await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
        cdp.off('HeapProfiler.addHeapSnapshotChunk', collect);
        return heapSplit(chunks.join(''));
    };
    const updateFor = async (mins) => {
        for (let s = 0; s < mins * 60; s++)
            await Promise.all([postMarker(), sleep(1000)]);
    };
    // Re-open the page so phase 1's observer log is not part of the heap.
    await page.reload();
    await page.waitForSelector('[data-testid="tile-offered"]');
    const readings = [];
    for (let m = 1; m <= warmupMinutes; m++) {
        await updateFor(1);
        readings.push(await heapMb());
        console.log(`warm-up ${m} min: heap ${readings.at(-1).toFixed(2)} MB`);
    }
    const start = await heapMb();
    readings.push(start);
    const startSplit = await snapshot();
    console.log(`heap at start: ${start.toFixed(2)} MB (objects ${startSplit.objectsMb.toFixed(2)} MB, compiled code ${startSplit.codeMb.toFixed(2)} MB), ${await domCounters()}`);
    // One reading after GC moves by ±0.5 MB as V8 drops and recompiles code, so the verdict compares medians of three.
    const startMedian = median(readings.slice(-3));
    for (let m = 1; m <= minutes; m++) {
        await updateFor(1);
        readings.push(await heapMb());
        console.log(`heap after ${m} min: ${readings.at(-1).toFixed(2)} MB (${change(start, readings.at(-1))}), ${await domCounters()}`);
    }
    const end = readings.at(-1);
    const endMedian = median(readings.slice(-3));
    const endSplit = await snapshot();
    console.log(`heap: start ${start.toFixed(2)} MB, end ${end.toFixed(2)} MB, change ${change(start, end)} over ${minutes} min`);
    console.log(`  median of three readings: start ${startMedian.toFixed(2)} MB, end ${endMedian.toFixed(2)} MB, change ${change(startMedian, endMedian)} (target within ±10 %)`);
    console.log(`  objects ${startSplit.objectsMb.toFixed(2)} → ${endSplit.objectsMb.toFixed(2)} MB (${change(startSplit.objectsMb, endSplit.objectsMb)}), compiled code ${startSplit.codeMb.toFixed(2)} → ${endSplit.codeMb.toFixed(2)} MB`);
}
finally {
    await browser.close();
    await sys.stop();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
}
//# sourceMappingURL=bench-wallboard.js.map