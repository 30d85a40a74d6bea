/**
 * `npm run bench:live` (mood part): chat messages per second through live mood, and the latency from ingest accepting
 * a message (POST /v1/events, the event's received_at) to its ConversationUpdate arriving on NATS, p50/p99, under a
 * fixed offered load.
 *
 * The server runs in a child process (this file with --serve): the core (ingest API, JetStream, the chDB sink) and the
 * conversations service only, so the numbers are the mood path's, not the wallboard's or QA's. This process opens
 * `--chats` conversations with an agent, then posts customer (70 %) and agent (30 %) messages, Chinese and English,
 * some angry, at `--rate` messages/s in POSTs every 20 ms (open loop), and listens to the updates on NATS.
 * Both processes share the machine's clock, so received_at → arrival is measured on one clock.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from '../core/index.js'
import type { ConversationUpdate } from '../core/contracts/index.js'
import { connectNats, topologyNames } from '../bus/index.js'
import { factsInText } from '../kits/facts/index.js'
import { sentimentModel } from '../qa/index.js'
import type { StoredEvent } from '../core/index.js'
import {
  ConversationTracker,
  conversationsService,
  conversationsSettings,
  liveWordMatcher,
} from '../conversations/index.js'
import { startSystem } from '../system/index.js'
import { helpOnRequest, openLoop, percentile } from './bench-util.js'

helpOnRequest(`Usage: npm run bench:live -- [--rate 2000] [--duration 30] [--chats 2000]

Live mood: messages/s through the conversations service and the p99 latency from ingest to the ConversationUpdate on NATS.
  --rate       chat messages offered per second (default 2000)
  --duration   seconds of load (default 30)
  --chats      open conversations the messages are spread over (default 2000)
  --no-sink    leave the warehouse sink out of the server (it shares the server's event loop)`)

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '2000' },
    duration: { type: 'string', default: '30' },
    chats: { type: 'string', default: '2000' },
    'no-sink': { type: 'boolean' },
    serve: { type: 'string' },
    help: { type: 'boolean' },
  },
})

const KEY = 'bench-key-0123456789abcdef'
const TENANT = 'bench'
const NAMESPACE = 'benchlive'
const TICK_MS = 20

const CUSTOMER = [
  '你好，我的ThinkPad X1 Carbon一直蓝屏，错误代码0x0000007B',
  '还是不行，太离谱了，我已经打了三次电话了！！！',
  '好的，谢谢你',
  '你们怎么回事？？？等了这么久还没人理我',
  '再不解决我就投诉，找你们领导',
  '订单号 A20240517001 的电脑什么时候到',
  'My laptop keeps restarting, stop code CRITICAL_PROCESS_DIED',
  'This is ridiculous, I want a refund and I want to speak to your manager!!!',
  'ok thanks, that worked',
  'Still waiting for an answer???',
]
const AGENT = ['好的，请稍等，我帮您查一下', '很抱歉给您带来不便', 'Let me check that for you', '您可以先重启电脑试试']

/** The server side: core + conversations service on a temp data directory; prints its URLs. */
async function serve(dir: string) {
  const config = loadConfig({
    ...process.env,
    MOFANG_DATA_DIR: dir,
    MOFANG_PORT: '0',
    MOFANG_API_KEYS: `${TENANT}:${KEY}`,
    MOFANG_SINK_BATCH_ROWS: '30000',
    MOFANG_SINK_FLUSH_MS: '200',
  })
  const sys = await startSystem({
    config,
    namespace: NAMESPACE,
    sink: !values['no-sink'],
    services: [conversationsService(conversationsSettings(config))],
    log: () => {},
  })
  console.log(`READY ${sys.url} ${sys.localNats!.url}`)
  process.on('SIGTERM', () => void sys.stop().then(() => process.exit(0)))
}

async function startServer(dir: string): Promise<{ url: string; natsUrl: string; stop(): Promise<void> }> {
  const args = [process.argv[1], '--serve', dir, ...(values['no-sink'] ? ['--no-sink'] : [])]
  const child = spawn(process.execPath, [...process.execArgv, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const [url, natsUrl] = await new Promise<string[]>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /READY (\S+) (\S+)/.exec(out)
      if (m) resolve([m[1], m[2]])
    })
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)))
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    url,
    natsUrl,
    stop: () => {
      child.kill('SIGTERM')
      return exited
    },
  }
}

async function post(url: string, events: unknown[]) {
  const res = await fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(events),
  })
  if (res.status !== 202) throw new Error(`POST /v1/events: ${res.status} ${await res.text()}`)
}

/**
 * The mood path alone on this thread: each message applied to the tracker (masking, sentiment, words, facts, mood,
 * flags) and its update serialised as the service publishes it. The ceiling the service cannot pass.
 */
function inProcess(chats: number, count: number) {
  const model = sentimentModel()
  const tracker = new ConversationTracker({
    sentiment: (text) => model.score(text),
    facts: factsInText,
    words: liveWordMatcher(),
    replyLimitMs: 60_000,
    silenceMs: 180_000,
  })
  const t0 = Date.now()
  const event = (n: number, ts: number): StoredEvent => {
    const customer = n % 10 < 7
    return {
      v: 1,
      event_id: `p-${n}`,
      tenant: TENANT,
      channel: 'webchat',
      type: 'chat.message',
      interaction_id: `live-${(n * 7919) % chats}`,
      agent_id: 'agent-1',
      ts,
      received_at: ts,
      payload: customer
        ? { role: 'customer', text: CUSTOMER[n % CUSTOMER.length] }
        : { role: 'agent', text: AGENT[n % AGENT.length] },
    }
  }
  for (let n = 0; n < 2_000; n++) tracker.apply(event(n, t0)) // warm-up: jieba's dictionary, the JIT
  const start = performance.now()
  let bytes = 0
  for (let n = 0; n < count; n++) {
    const change = tracker.apply(event(n, t0 + n))
    const detail = tracker.detail(change!.conversation, t0 + n)
    detail.messages = detail.messages.slice(-50)
    bytes += JSON.stringify({ conversation: detail, event_id: change!.event_id, ended: false }).length
  }
  const s = (performance.now() - start) / 1000
  console.log(
    `mood path on one thread: ${count} messages in ${s.toFixed(2)} s = ${(count / s).toFixed(0)}/s ` +
      `(${((s / count) * 1e6).toFixed(0)} µs each, updates ${(bytes / count / 1024).toFixed(1)} KiB on average)`,
  )
}

async function main() {
  const rate = Number(values.rate)
  const durationS = Number(values.duration)
  const chats = Number(values.chats)
  inProcess(chats, 20_000)
  const dir = mkdtempSync(join(tmpdir(), 'mofang-bench-live-'))
  const server = await startServer(dir)
  const nats = await connectNats({ servers: server.natsUrl })
  const topology = topologyNames(NAMESPACE)
  try {
    const base = (i: number) => ({ tenant: TENANT, channel: 'webchat', interaction_id: `live-${i}`, queue: 'support' })
    const agentOf = (i: number) => `agent-${i % 200}`
    // Open the chats, answered by an agent, before the clock starts.
    for (let from = 0; from < chats; from += 500) {
      const now = Date.now()
      const opening = []
      for (let i = from; i < Math.min(chats, from + 500); i++)
        opening.push(
          { ...base(i), ts: now, type: 'chat.started', payload: {} },
          {
            ...base(i),
            ts: now,
            type: 'chat.message',
            agent_id: agentOf(i),
            payload: { role: 'agent', text: '您好，请问有什么可以帮您？' },
          },
        )
      await post(server.url, opening)
    }

    const latencies: number[] = []
    const sentAt = new Map<string, number>()
    const roundTrips: number[] = []
    let received = 0
    let measuring = false
    const decoder = new TextDecoder()
    const sub = nats.nc.subscribe(`${topology.conversationSubject}.${TENANT}`, {
      callback: (_err, msg) => {
        const arrived = Date.now()
        const u = JSON.parse(decoder.decode(msg.data)) as ConversationUpdate
        if (!measuring || !u.event_id?.startsWith('m-')) return
        received++
        if (u.ingested_at) latencies.push(arrived - u.ingested_at)
        const sent = sentAt.get(u.event_id)
        if (sent !== undefined) roundTrips.push(arrived - sent)
      },
    })
    await new Promise((r) => setTimeout(r, 1_000))

    measuring = true
    const perTick = Math.max(1, Math.round((rate * TICK_MS) / 1000))
    let seq = 0
    const started = Date.now()
    const { lateTicks } = await openLoop({
      everyMs: TICK_MS,
      durationMs: durationS * 1000,
      maxInFlight: 64,
      send: async () => {
        const now = Date.now()
        const events = []
        for (let k = 0; k < perTick; k++) {
          const n = seq++
          const i = (n * 7919) % chats
          const customer = n % 10 < 7
          const event_id = `m-${n}`
          sentAt.set(event_id, now)
          events.push({
            ...base(i),
            event_id,
            ts: now,
            type: 'chat.message',
            agent_id: agentOf(i),
            payload: customer
              ? { role: 'customer', text: CUSTOMER[n % CUSTOMER.length] }
              : { role: 'agent', text: AGENT[n % AGENT.length] },
          })
        }
        await post(server.url, events)
      },
    })
    const sendingS = (Date.now() - started) / 1000
    // Let the last updates arrive.
    const deadline = Date.now() + 15_000
    while (received < seq && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    const totalS = (Date.now() - started) / 1000
    sub.unsubscribe()

    latencies.sort((a, b) => a - b)
    roundTrips.sort((a, b) => a - b)
    const ms = (xs: number[], p: number) => `${percentile(xs, p).toFixed(0)} ms`
    console.log(
      `live mood: ${chats} open chats, ${rate} messages/s offered for ${durationS} s (${lateTicks} late ticks)`,
    )
    console.log(`  sent       ${seq} messages in ${sendingS.toFixed(1)} s = ${(seq / sendingS).toFixed(0)}/s`)
    console.log(
      `  updates    ${received} of ${seq} received in ${totalS.toFixed(1)} s = ${(received / totalS).toFixed(0)}/s`,
    )
    console.log(
      `  ingest → update on NATS: p50 ${ms(latencies, 0.5)}, p95 ${ms(latencies, 0.95)}, p99 ${ms(latencies, 0.99)}, max ${ms(latencies, 1)}`,
    )
    console.log(
      `  POST sent → update on NATS: p50 ${ms(roundTrips, 0.5)}, p99 ${ms(roundTrips, 0.99)} (includes the HTTP request)`,
    )
    const p99 = percentile(latencies, 0.99)
    console.log(`  target p99 ≤ 300 ms: ${p99 <= 300 ? 'met' : 'NOT met'}`)
  } finally {
    await nats.close()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (values.serve) await serve(values.serve)
else await main()
