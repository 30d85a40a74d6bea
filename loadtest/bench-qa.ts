/**
 * QA scoring throughput: interactions per second for typical chats (12-20 turns, half Chinese, half
 * English), on this thread and through the worker pool; then the QA pipeline's lag behind the stream
 * (ingest accepting a chat's end → its result stored) with the simulator at 10× speed.
 * Each throughput is timed in several rounds and reported as the median with every round beside it: single runs
 * on a shared 2-core machine swing by ±15 %.
 * Run: npm run bench:qa [-- --count N --rounds R --lag-seconds S --speed X]  (--lag-seconds 0 skips the pipeline part)
 */
import { availableParallelism } from 'node:os'
import { parseArgs } from 'node:util'
import { createQaPool, type Interaction, scoreInteraction, type Turn } from '../qa/index.js'
import { helpOnRequest } from './bench-util.js'

helpOnRequest(
  'Usage: npm run bench:qa -- [--count 8000] [--rounds 3] [--lag-seconds 60] [--speed 10]\n\nQA interactions scored per second (one thread and the pool; the median of the rounds), then the pipeline’s lag behind the stream.',
)

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '8000' },
    rounds: { type: 'string', default: '3' },
    'lag-seconds': { type: 'string', default: '60' },
    speed: { type: 'string', default: '10' },
  },
})
const COUNT = Number(values.count)
const ROUNDS = Math.max(1, Math.floor(Number(values.rounds)))

/** Interactions per second of each round of `run` (which scores the whole data set once), and their median. */
async function rounds(run: () => unknown): Promise<{ median: number; each: string }> {
  const rates: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    const started = performance.now()
    await run()
    rates.push(COUNT / ((performance.now() - started) / 1000))
  }
  const sorted = [...rates].sort((a, b) => a - b)
  return { median: sorted[Math.floor((sorted.length - 1) / 2)], each: rates.map((x) => x.toFixed(0)).join(', ') }
}

const ZH = {
  agent: [
    '您好，很高兴为您服务，请问有什么可以帮您？',
    '王先生，请您提供一下订单号',
    '好的，请稍等，我帮您查一下',
    '很抱歉给您带来不便，我们会尽快处理',
    '王先生，您可以先重启电脑试试',
    '这个需要寄修，我帮您登记一下',
    '感谢您的来电，祝您生活愉快',
    '这不归我们管，你自己去问厂家',
  ],
  customer: [
    '你好，我的ThinkPad X1 Carbon Gen 11一直蓝屏，错误代码0x0000007B',
    '订单号 A20240517001，手机13812345678',
    '好的，谢谢',
    '还是不行，太离谱了，我已经打了三次了',
    '拯救者Y9000P开不了机',
    '嗯，明白了，辛苦了',
    '等了这么久，服务太差了',
  ],
}
const EN = {
  agent: [
    'Hello, thank you for contacting us. How can I help you today?',
    'Sure Mr Wang, may I have your order number please?',
    'Thanks, let me check that for you.',
    "I'm sorry for the trouble, I will process a refund right away.",
    'You should have received an email with the label.',
    "That's not our department, you need to call them yourself.",
    'Is there anything else I can help with? Have a great day!',
  ],
  customer: [
    'Hi, my Lenovo Legion Y9000P shows INACCESSIBLE_BOOT_DEVICE after the update',
    'Order ID: 3348917502, email wang@example.com',
    'This is ridiculous, I have been waiting for an hour.',
    'Thank you so much!',
    'ok',
    'It still does not work and I am fed up.',
  ],
}

function interaction(i: number): Interaction {
  const lang = i % 2 ? EN : ZH
  const n = 12 + (i % 9)
  const turns: Turn[] = Array.from({ length: n }, (_, t) => {
    const role = t % 2 ? 'customer' : 'agent'
    const pool = lang[role]
    return { role, text: pool[(i * 7 + t * 3) % pool.length], ts: t * 15_000 }
  })
  return { interaction_id: `bench-${i}`, channel: 'webchat', customer_name: i % 2 ? 'Wei Wang' : '王伟', turns }
}

const data = Array.from({ length: COUNT }, (_, i) => interaction(i))
const avgTurns = data.reduce((n, x) => n + x.turns.length, 0) / data.length

/** Interactions scored before timing, per thread: V8 needs ~1,500 before the regexes and loops run at full speed. */
const WARM_UP = 2000

// The first call loads jieba's dictionary and the sentiment weights.
const t = performance.now()
scoreInteraction(data[0])
console.log(`first interaction (loads jieba + sentiment weights): ${(performance.now() - t).toFixed(0)} ms`)
for (const x of data.slice(0, WARM_UP)) scoreInteraction(x)

const { median: single, each: singleRounds } = await rounds(() => data.forEach((x) => scoreInteraction(x)))
console.log(
  `single thread: ${COUNT} interactions (avg ${avgTurns.toFixed(1)} turns, zh/en 50/50) at ${single.toFixed(0)}/s (${(1000 / single).toFixed(2)} ms each; median of ${ROUNDS} rounds: ${singleRounds})`,
)

const size = availableParallelism()
const pool = createQaPool({ size })
// The workers' V8 takes longer to reach full speed than one thread does (their first pass over the data runs at
// about two thirds): one untimed pass first, as a running service is long past it.
await pool.score(data)
const BATCH = 256
const { median: pooled, each: poolRounds } = await rounds(() => {
  const inFlight: Promise<unknown>[] = []
  // Each batch's results are let go once they arrive, as the QA service lets them go once stored.
  for (let i = 0; i < COUNT; i += BATCH) inFlight.push(pool.score(data.slice(i, i + BATCH)).then((r) => r.length))
  return Promise.all(inFlight)
})
await pool.close()
console.log(
  `worker pool (${size} threads, batches of ${BATCH}): ${pooled.toFixed(0)}/s (${(pooled / single).toFixed(2)}× single thread; median of ${ROUNDS} rounds: ${poolRounds})`,
)

const LAG_SECONDS = Number(values['lag-seconds'])
if (LAG_SECONDS > 0) await measurePipelineLag(LAG_SECONDS, Number(values.speed))

/** Runs the system in-process with the QA service, feeds it the live simulator, and reports the lag. */
async function measurePipelineLag(seconds: number, speed: number): Promise<void> {
  const { startSystem } = await import('../system/index.js')
  const { qaService } = await import('../qa/index.js')
  const { startSimulator } = await import('../simulator/index.js')
  const { tempDir, testConfig, uniqueNamespace, TEST_KEY, TEST_TENANT } = await import('../testing/index.js')
  const dir = tempDir('bench-qa')
  const sys = await startSystem({
    config: testConfig(dir.path, { MOFANG_SINK_FLUSH_MS: '250' }),
    namespace: uniqueNamespace(),
    services: [qaService()],
    log: () => {},
  })
  try {
    // Monday 09:30 in China (the simulator's busy morning), so chats end steadily from the start.
    const sim = startSimulator({
      url: sys.url,
      apiKey: TEST_KEY,
      tenant: TEST_TENANT,
      speed,
      start: Date.UTC(2025, 2, 3, 1, 30),
      backfillMs: 0,
      statusEveryMs: 0,
      log: () => {},
    })
    await new Promise((r) => setTimeout(r, seconds * 1000))
    const posted = await sim.stop()
    // Let the tail drain, then measure every interaction scored.
    await new Promise((r) => setTimeout(r, 5000))
    const [lag] = await sys.warehouse.query<{ n: number; p50: number; p95: number; p99: number; max: number }>(`
      SELECT count() AS n, quantileExact(0.5)(lag) AS p50, quantileExact(0.95)(lag) AS p95, quantileExact(0.99)(lag) AS p99, max(lag) AS max
      FROM (
        SELECT toUnixTimestamp64Milli(r.scored_at) - e.received AS lag
        FROM (SELECT tenant, interaction_id, scored_at FROM qa_results FINAL) AS r
        INNER JOIN (SELECT tenant, interaction_id, max(toUnixTimestamp64Milli(received_at)) AS received FROM events WHERE type IN ('chat.ended', 'ticket.resolved') GROUP BY tenant, interaction_id) AS e
          ON r.tenant = e.tenant AND r.interaction_id = e.interaction_id
      )`)
    const [ended] = await sys.warehouse.query<{ n: number }>(
      `SELECT uniqExact(interaction_id) AS n FROM events WHERE type IN ('chat.ended', 'ticket.resolved')`,
    )
    console.log(
      `pipeline lag (simulator ×${speed}, ${seconds} s, ${posted.accepted} events posted, settle 750 ms): ${lag.n} of ${ended.n} finished chats/tickets scored;` +
        ` ingest → result stored p50 ${lag.p50} ms, p95 ${lag.p95} ms, p99 ${lag.p99} ms, max ${lag.max} ms`,
    )
  } finally {
    await sys.stop()
    dir.remove()
  }
}
