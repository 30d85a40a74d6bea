/**
 * OCR speed: images per second and ms per image (p50/p99 of the time in the worker, and of the time a caller
 * waits including the queue) through the same worker pool the OCR service uses, with 1 and 2 workers, on rendered
 * 600×300 screenshots (Chinese and English error dialogs, blue screens, app crash dialogs). Also checks that each
 * image's error code came back, so a fast but wrong run shows.
 */
import { availableParallelism } from 'node:os'
import { createOcrPool, readImageText } from '../ocr/index.js'
import { renderScreenshot, type ScreenshotSpec } from '../kits/sim/index.js'
import { helpOnRequest, percentile } from './bench-util.js'

helpOnRequest(
  'Usage: npm run bench:live-ocr\n\nOCR images/s and ms per image (p50/p99) with 1 and 2 worker threads on rendered screenshots (BENCH_IMAGES, default 24).',
)

const SPECS: ScreenshotSpec[] = [
  { kind: 'error_dialog', language: 'zh', code: '0x80070057' },
  { kind: 'error_dialog', language: 'en', code: '0xC000021A' },
  { kind: 'blue_screen', language: 'en', stopCode: '0x0000007B', name: 'INACCESSIBLE_BOOT_DEVICE' },
  { kind: 'blue_screen', language: 'zh', stopCode: '0x000000EF', name: 'CRITICAL_PROCESS_DIED' },
  { kind: 'app_crash', language: 'zh', process: 'LenovoVantage.exe', code: '0xC0000005' },
  { kind: 'app_crash', language: 'en', process: 'explorer.exe', code: '0xC0000409' },
]
const codeOf = (s: ScreenshotSpec) => (s.kind === 'blue_screen' ? s.stopCode : s.code)
const images = SPECS.map((spec) => ({ png: renderScreenshot(spec), code: codeOf(spec) }))
const n = Number(process.env.BENCH_IMAGES ?? 24)
console.log(`${availableParallelism()} cores; ${n} images of 600×300 (${SPECS.length} distinct screenshots)`)

for (const size of [1, 2]) {
  const startedPool = Date.now()
  const pool = await createOcrPool({ size })
  const startMs = Date.now() - startedPool
  await Promise.all(Array.from({ length: size }, () => readImageText(pool, images[0].png))) // warm each worker
  const inWorker: number[] = []
  const waited: number[] = []
  let found = 0
  const started = Date.now()
  await Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const { png, code } = images[i % images.length]
      const t0 = Date.now()
      const r = await readImageText(pool, png)
      waited.push(Date.now() - t0)
      inWorker.push(r.ms)
      if (r.facts.some((f) => f.value === code)) found++
    }),
  )
  const wallS = (Date.now() - started) / 1000
  await pool.close()
  inWorker.sort((a, b) => a - b)
  waited.sort((a, b) => a - b)
  console.log(
    `workers ${size}: ${(n / wallS).toFixed(2)} images/s; ms per image in the worker p50 ${percentile(inWorker, 0.5).toFixed(0)} p99 ${percentile(inWorker, 0.99).toFixed(0)}; ` +
      `wait incl. queue p50 ${percentile(waited, 0.5).toFixed(0)} p99 ${percentile(waited, 0.99).toFixed(0)}; pool start ${startMs} ms; error code read exactly ${found}/${n}`,
  )
}
