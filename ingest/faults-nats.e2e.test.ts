/**
 * Fault probes of NATS under a real `mofang start` (child process), counted in the warehouse:
 * - a client with a 2 s timeout retries batches (same event ids) while the managed nats-server is
 *   wedged (SIGSTOP) and then killed: every acknowledged event is stored exactly once;
 * - Mofang starts while its NATS is wedged, or not yet started: it waits instead of exiting;
 * - the managed nats-server killed: ingest recovers without a restart of Mofang; and a drain with a
 *   wedged nats-server ends within MOFANG_DRAIN_TIMEOUT_S and leaves no nats-server behind.
 */
import { afterAll, expect, it } from 'vitest'
import { join } from 'node:path'
import type { LiveConversationsAnswer } from '../core/contracts/index.js'
import { SESSION_COOKIE, SessionSigner } from '../kits/auth/index.js'
import { startLocalNats, freePort, type LocalNats } from '../bus/nats-server.js'
import {
  chatMessage,
  cleanupMofangs,
  killAtCleanup,
  newTempDir,
  processState,
  runId,
  signal,
  sleep,
  spawnMofang,
  startMofang,
  summaryRow,
  tally,
  waitFor,
  type MofangProcess,
  type PostResult,
} from '../testing/mofang-process.js'

const externals: LocalNats[] = []
afterAll(async () => {
  await cleanupMofangs()
  for (const n of externals) await n.stop().catch(() => {})
})

/** Posts `batch` until it is answered 202, retrying timeouts, network errors, 429, 503 and 507 with a small backoff. */
async function sendUntilAcked(
  m: MofangProcess,
  batch: ReturnType<typeof chatMessage>[],
  opts: { timeoutMs: number; deadline: number; seen: Map<string, number>; onRetry?: (r: PostResult) => void },
) {
  for (let attempt = 0; ; attempt++) {
    const r = await m.post('alpha', batch, { timeoutMs: opts.timeoutMs })
    const key =
      r.status === 0
        ? /timeout|abort/i.test(r.error ?? '')
          ? 'timeout'
          : 'network'
        : r.status === 202 && r.body?.duplicates
          ? '202 with duplicates'
          : String(r.status)
    opts.seen.set(key, (opts.seen.get(key) ?? 0) + 1)
    if (r.status === 202) {
      expect(r.body!.accepted! + r.body!.duplicates!, JSON.stringify(r.body)).toBe(batch.length)
      return r
    }
    if (![0, 429, 503, 507].includes(r.status))
      throw new Error(`unexpected answer ${r.status}: ${JSON.stringify(r.body)}\n${m.logs()}`)
    if (Date.now() > opts.deadline)
      throw new Error(
        `batch not acknowledged in time; last answer ${r.status} ${JSON.stringify(r.body ?? r.error)}\n${m.logs()}`,
      )
    opts.onRetry?.(r)
    await sleep(Math.min(500, 100 * 2 ** Math.min(attempt, 3)))
  }
}

/**
 * Which batches have duplicated rows, and what JetStream and the sink say: tells an ingest-side copy (more stream
 * messages) from a sink-side one.
 */
async function duplicateReport(m: MofangProcess, run: string): Promise<string> {
  const dup = await m.sql(
    `SELECT splitByChar('-', event_id)[2] AS batch, count() AS rows, uniqExact(event_id) AS ids FROM events WHERE tenant = 'alpha' AND startsWith(event_id, '${run}') GROUP BY batch HAVING rows > ids ORDER BY batch`,
  )
  const h = (await m.health()).body.components
  return `duplicated batches ${JSON.stringify(dup)}; jetstream ${JSON.stringify(h.jetstream?.detail)}; sink ${JSON.stringify(h.sink?.detail)}`
}

it('stores every acknowledged event exactly once when a 2 s client retries through a wedged, then killed nats-server', async () => {
  const m = await startMofang({ label: 'race' })
  const run = runId()
  const BATCHES = 40
  const SIZE = 500
  const WORKERS = 2
  const batches = Array.from({ length: BATCHES }, (_, b) => {
    const ts = Date.now()
    return Array.from({ length: SIZE }, (_, i) =>
      chatMessage('alpha', ts - i, `${run}-i${b}-${i % 10}`, { eventId: `${run}-b${b}-${i}` }),
    )
  })
  const acked = new Set<string>()
  const seen = new Map<string, number>()
  let ackedBatches = 0
  let next = 0
  const deadline = Date.now() + 60_000
  const started = Date.now()
  const worker = async () => {
    while (next < BATCHES) {
      const batch = batches[next++]
      await sendUntilAcked(m, batch, { timeoutMs: 2_000, deadline, seen })
      batch.forEach((e) => acked.add(e.event_id!))
      ackedBatches++
    }
  }

  // The fault, while the client is sending: wedge the managed nats-server for 3 s, then kill it.
  const fault = (async () => {
    await waitFor(async () => ackedBatches >= 8, 30_000, 20)
    const pid = m.natsPid()!
    expect(pid).toBeGreaterThan(0)
    signal(pid, 'SIGSTOP')
    const stoppedAt = Date.now()
    await sleep(3_000)
    signal(pid, 'SIGKILL')
    const back = await waitFor(
      async () => {
        const now = m.natsPid()
        return now !== undefined && now !== pid && now
      },
      20_000,
      100,
    )
    return { pid, stoppedAt, killedAt: Date.now(), ackedAtStop: ackedBatches, newPid: back.value, backInMs: back.ms }
  })()
  fault.catch(() => {}) // awaited below; a failing client must not leave it unhandled
  await Promise.all(Array.from({ length: WORKERS }, worker))
  const f = await fault
  const sendMs = Date.now() - started
  expect(f.newPid, 'the supervisor started the nats-server again').toBeTruthy()
  expect(m.running()).toBe(true)

  const settled = await waitFor(async () => (await tally(m, 'alpha', run, acked)).lost === 0, 45_000, 500)
  const t = await tally(m, 'alpha', run, acked)
  const health = await m.health()
  console.log(
    `race: fault at batch ${f.ackedAtStop}, nats-server pid ${f.pid} → ${f.newPid} (${f.backInMs} ms after SIGKILL); all acked after ${sendMs} ms; ` +
      `answers ${JSON.stringify(Object.fromEntries(seen))}; stored ${settled.ms} ms later; nats ${JSON.stringify(health.body.components.nats?.detail)}`,
  )
  if (t.duplicates) console.log(`race: ${await duplicateReport(m, run)}`)
  summaryRow('retry race: 2 s client timeout, nats-server SIGSTOP 3 s then SIGKILL', {
    sent: BATCHES * SIZE,
    acknowledged: acked.size,
    stored: t.stored,
    duplicates: t.duplicates,
    lost: t.lost,
  })
  expect(acked.size).toBe(BATCHES * SIZE)
  expect(t.lost, `acknowledged but not stored, e.g. ${t.lostSample.join(', ')}\n${m.out.stderr}`).toBe(0)
  expect(t.duplicates, 'duplicates (see the race: line)').toBe(0)
  // The race happened: requests timed out on the client while the nats-server was wedged.
  expect(seen.get('timeout') ?? 0).toBeGreaterThan(0)
  await m.stop()
}, 120_000)

/** Waits for /healthz 200 and checks a post is stored. Returns ms to healthy. */
async function expectServing(m: MofangProcess, label: string) {
  const healthy = await waitFor(async () => (await m.health()).status === 200, 30_000, 250)
  const h = await m.health().catch((e) => ({ status: 0, body: String(e) }))
  expect(healthy.ok, `${label}: /healthz ${JSON.stringify(h)}\n${m.logs()}`).toBe(true)
  const run = runId()
  const events = Array.from({ length: 50 }, (_, i) =>
    chatMessage('beta', Date.now() - i, `${run}-i`, { eventId: `${run}-${i}` }),
  )
  const r = await m.post('beta', events)
  expect(r.status, JSON.stringify(r.body ?? r.error)).toBe(202)
  const acked = new Set(events.map((e) => e.event_id!))
  await waitFor(async () => (await tally(m, 'beta', run, acked)).lost === 0, 30_000)
  const t = await tally(m, 'beta', run, acked)
  expect([t.lost, t.duplicates]).toEqual([0, 0])
  return { healthyMs: healthy.ms, t }
}

it('starts while its NATS is wedged (SIGSTOP) and serves once it comes back', async () => {
  const natsDir = newTempDir('ext-nats')
  const nats = await startLocalNats({ storeDir: join(natsDir, 'store'), supervise: false })
  externals.push(nats)
  killAtCleanup(nats.pid)
  signal(nats.pid, 'SIGSTOP')
  const started = Date.now()
  const m = spawnMofang({ label: 'slow-nats', natsUrl: nats.url, env: { MOFANG_START_TIMEOUT_S: '60' } })
  await sleep(4_000)
  expect(m.running(), `mofang exited while NATS was wedged\n${m.logs()}`).toBe(true)
  signal(nats.pid, 'SIGCONT')
  await m.ready()
  const readyMs = Date.now() - started
  const { healthyMs } = await expectServing(m, 'wedged NATS')
  summaryRow('start while NATS is wedged 4 s', { sent: 50, acknowledged: 50, stored: 50, duplicates: 0, lost: 0 })
  console.log(
    `slow-nats: ready ${readyMs} ms after spawn (NATS wedged for the first 4 s); healthy ${healthyMs} ms later`,
  )
  expect(m.running()).toBe(true)
  await m.stop()
}, 120_000)

it('starts before its NATS exists and serves once it is started', async () => {
  const natsDir = newTempDir('late-nats')
  const port = await freePort()
  const started = Date.now()
  const m = spawnMofang({
    label: 'late-nats',
    natsUrl: `nats://127.0.0.1:${port}`,
    env: { MOFANG_START_TIMEOUT_S: '60' },
  })
  await sleep(3_000)
  expect(m.running(), `mofang exited while NATS was not there\n${m.logs()}`).toBe(true)
  const nats = await startLocalNats({ storeDir: join(natsDir, 'store'), port, supervise: false })
  externals.push(nats)
  killAtCleanup(nats.pid)
  await m.ready()
  const readyMs = Date.now() - started
  const { healthyMs } = await expectServing(m, 'late NATS')
  summaryRow('start 3 s before NATS exists', { sent: 50, acknowledged: 50, stored: 50, duplicates: 0, lost: 0 })
  console.log(`late-nats: ready ${readyMs} ms after spawn (NATS started after 3 s); healthy ${healthyMs} ms later`)
  await m.stop()
}, 120_000)

it('recovers by itself when the managed nats-server is killed, storing every acknowledged event once', async () => {
  const secret = 'nats-kill-session-secret-0123456789abcdef'
  const m = await startMofang({
    label: 'nats-kill',
    env: { MOFANG_SESSION_SECRET: secret, MOFANG_USERS: 'sup:alpha:supervisor:x' },
  })
  const run = runId()
  const acked = new Set<string>()
  const seen = new Map<string, number>()
  let b = 0
  const batch = () => {
    const n = b++
    return Array.from({ length: 200 }, (_, i) =>
      chatMessage('alpha', Date.now() - i, `${run}-i${n}`, { eventId: `${run}-b${n}-${i}` }),
    )
  }
  const send = async (events: ReturnType<typeof batch>, timeoutMs = 5_000) => {
    const r = await m.post('alpha', events, { timeoutMs })
    const key = r.status === 0 ? 'network/timeout' : String(r.status)
    seen.set(key, (seen.get(key) ?? 0) + 1)
    if (r.status === 202) events.forEach((e) => acked.add(e.event_id!))
    return r
  }
  // A client sends batches back to back (client ids, each retried as it was until 202); the kill lands
  // in the middle, while the sink is writing and acking what came just before.
  let ackedBatches = 0
  let killedAt: number | undefined
  /** Per kill: ms from the kill to the first 202 for a request sent after it. */
  const recoveries: number[] = []
  const deadline = Date.now() + 45_000
  const client = (async () => {
    while (ackedBatches < 20) {
      const events = batch()
      for (;;) {
        const sentAt = Date.now()
        const r = await send(events, 2_000)
        if (r.status === 202) {
          if (killedAt !== undefined && sentAt > killedAt) {
            recoveries.push(Date.now() - killedAt)
            killedAt = undefined
          }
          break
        }
        expect([0, 503], `answer while NATS restarts: ${r.status} ${JSON.stringify(r.body)}`).toContain(r.status)
        expect(Date.now(), `batch not acknowledged in time\n${m.logs()}`).toBeLessThan(deadline)
        await sleep(200)
      }
      ackedBatches++
    }
  })()
  client.catch(() => {}) // awaited below
  const pids: number[] = []
  for (const after of [5, 12]) {
    await waitFor(async () => ackedBatches >= after && killedAt === undefined, 30_000, 5)
    pids.push(m.natsPid()!)
    signal(pids.at(-1)!, 'SIGKILL')
    killedAt = Date.now()
  }
  await client
  expect(recoveries.length, `not recovered from both kills\n${m.logs()}`).toBe(2)
  for (const ms of recoveries) expect(ms).toBeLessThan(20_000)
  expect(m.running()).toBe(true)
  expect(pids.includes(m.natsPid()!)).toBe(false)
  const health = await waitFor(async () => {
    const h = await m.health()
    return (h.body.components.nats?.detail?.restarts as number) >= 2 && h
  }, 10_000)
  expect(health.ok, JSON.stringify(health.value)).toBe(true)
  const settled = await waitFor(async () => (await tally(m, 'alpha', run, acked)).lost === 0, 45_000, 500)
  const t = await tally(m, 'alpha', run, acked)
  console.log(
    `nats-kill: killed after batches 5 and 12; 202 again ${recoveries.join(' and ')} ms after each SIGKILL; answers ${JSON.stringify(Object.fromEntries(seen))}; stored ${settled.ms} ms later; ` +
      `nats ${JSON.stringify(health.value && health.value.body.components.nats.detail)}`,
  )
  if (t.duplicates) console.log(`nats-kill: ${await duplicateReport(m, run)}`)
  summaryRow('managed nats-server SIGKILLed twice under traffic', {
    sent: b * 200,
    acknowledged: acked.size,
    stored: t.stored,
    duplicates: t.duplicates,
    lost: t.lost,
  })
  expect(t.lost, `lost e.g. ${t.lostSample.join(', ')}\n${m.out.stderr}`).toBe(0)
  expect(t.duplicates).toBe(0)

  // The services that follow the stream with ordered consumers carried on too: the live conversations list has the
  // chat sent last, after the second kill.
  const supervisor = {
    cookie: `${SESSION_COOKIE}=${new SessionSigner(Buffer.from(secret)).sign({ u: 'sup', t: 'alpha', r: ['supervisor'], exp: Date.now() + 600_000 })}`,
  }
  const live = await waitFor(async () => {
    const res = await fetch(`${m.url}/api/live/conversations`, { headers: supervisor })
    const body = (await res.json()) as LiveConversationsAnswer
    return body.conversations.some((c) => c.interaction_id === `${run}-i${b - 1}`)
  }, 30_000)
  expect(live.ok, `the last chat is not in the live conversations (${live.error ?? 'not listed'})`).toBe(true)

  await m.stop()
}, 120_000)

it('drains within MOFANG_DRAIN_TIMEOUT_S with its nats-server wedged, leaving no nats-server behind', async () => {
  const m = await startMofang({ label: 'drain', env: { MOFANG_DRAIN_TIMEOUT_S: '5' } })
  const run = runId()
  const events = Array.from({ length: 200 }, (_, i) =>
    chatMessage('alpha', Date.now() - i, `${run}-i`, { eventId: `${run}-${i}` }),
  )
  expect((await m.post('alpha', events)).status).toBe(202)
  const acked = new Set(events.map((e) => e.event_id!))
  await waitFor(async () => (await tally(m, 'alpha', run, acked)).lost === 0, 30_000)
  const wedged = m.natsPid()!
  signal(wedged, 'SIGSTOP')
  // A batch in flight when the signal comes: it must not be answered 202 (JetStream cannot ack it).
  const inFlight = m.post('alpha', [chatMessage('alpha', Date.now(), `${run}-late`, { eventId: `${run}-late` })], {
    timeoutMs: 20_000,
  })
  await sleep(200)
  const exit = await m.stop('SIGTERM', 30_000)
  const late = await inFlight
  await sleep(3_000) // the watchdog checks once a second
  const state = processState(wedged)
  console.log(
    `drain: exit ${JSON.stringify(exit)} with the nats-server wedged (MOFANG_DRAIN_TIMEOUT_S=5); the post in flight: ${late.status} ${JSON.stringify(late.body ?? late.error)}; ` +
      `the nats-server (pid ${wedged}) 3 s after the exit: ${state ? `state ${state}` : 'gone'}\n${m.out.stderr.split('\n').slice(-6).join('\n')}`,
  )
  signal(wedged, 'SIGKILL')
  expect(exit.ms).toBeLessThan(15_000)
  expect(
    state === undefined || state === 'Z',
    `the wedged nats-server ${wedged} is left running (state ${state}) after Mofang exited`,
  ).toBe(true)
  // The drain wakes the server (SIGCONT) to stop it cleanly, so JetStream may still acknowledge the batch in flight.
  // Then it is in the stream: the next start on the same data directory stores it, with the rest, once.
  if (late.status === 202) acked.add(`${run}-late`)
  const again = await startMofang({ label: 'drain', dataDir: m.dataDir })
  await waitFor(async () => (await tally(again, 'alpha', run, acked)).lost === 0, 30_000)
  const t = await tally(again, 'alpha', run, acked)
  expect([t.lost, t.duplicates]).toEqual([0, 0])
  await again.stop()
}, 120_000)
