/**
 * Backpressure, never loss (issue #19 item 5), through the real parts: HTTP → ingest → JetStream (real nats-server)
 * → warehouse sink → ClickHouse (real chDB). The system starts without its sink, as a stalled sink, on a 1 MiB
 * event stream: ingest answers 202 while the stream absorbs, then 503 with Retry-After, never 202 for an event it did
 * not keep. The sink then starts: every event answered 202 reaches the warehouse exactly once, none refused does,
 * and ingest answers 202 again once the watch has trimmed what the sink stored (ingest/admission-backlog.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DiscardPolicy, jetstream, jetstreamManager, RetentionPolicy, StorageType } from '@nats-io/jetstream'
import { ensureTopology, topologyNames } from '../bus/index.js'
import { startSystem, type RunningSystem } from '../system/system.js'
import { startWarehouseSink, type WarehouseSink } from '../sink/index.js'
import { TEST_TENANT, eventually, postEvents, tempDir, testConfig, uniqueNamespace } from '../testing/env.js'

const dir = tempDir('backpressure')
let sys: RunningSystem
let sink: WarehouseSink | undefined
// A fixed day: the test does not depend on the time it runs.
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0)
const EVENTS_PER_BATCH = 100
/** Enough batches of ~20 KB to fill a 1 MiB stream about twice over. */
const MAX_BATCHES = 90

beforeAll(async () => {
  sys = await startSystem({
    config: testConfig(dir.path, {
      MOFANG_STREAM_MAX_BYTES: String(2 ** 20),
      MOFANG_MAX_BODY_BYTES: String(64 * 1024),
    }),
    namespace: uniqueNamespace(),
    // No sink in the system: the stream's consumer exists and falls behind, as a stalled sink's would.
    sink: false,
    log: () => {},
  })
})
afterAll(async () => {
  await sink?.stop()
  await sys?.stop()
  dir.remove()
})

function batch(n: number) {
  return Array.from({ length: EVENTS_PER_BATCH }, (_, k) => ({
    event_id: `bp-${n}-${k}`,
    tenant: TEST_TENANT,
    ts: T0 + n * 1000 + k,
    channel: 'voice',
    type: 'voice.queued',
    interaction_id: `int-${n}-${k}`,
    queue: 'repair',
  }))
}

type ConsumerLagDetail = { pending: number; ack_pending: number; oldest_pending_s?: number }
type Answer = { status: number; retryAfter: string | null; body: Record<string, unknown> }
async function post(n: number): Promise<Answer> {
  const res = await postEvents(sys.url, JSON.stringify(batch(n)))
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Answer['body'] }
}

/** The events a 503 says were kept: those not listed as failed or unconfirmed (a refusal before publishing: none). */
function keptOf(n: number, a: Answer): string[] {
  if (a.status === 202) return batch(n).map((e) => e.event_id)
  const notKept = new Set([
    ...((a.body.failed_indexes as number[]) ?? []),
    ...((a.body.unconfirmed_indexes as number[]) ?? []),
  ])
  if (!('accepted' in a.body)) return []
  return batch(n).flatMap((e, i) => (notKept.has(i) ? [] : [e.event_id]))
}

const stored = async () =>
  sys.warehouse.query<{ event_id: string; n: number }>(
    `SELECT event_id, toUInt32(count()) AS n FROM events WHERE tenant = '${TEST_TENANT}' GROUP BY event_id`,
  )

async function health() {
  const res = await fetch(`${sys.url}/healthz`, { headers: { authorization: `Bearer ${sys.adminToken}` } })
  const body = (await res.json()) as {
    components: {
      jetstream: { ok: boolean; detail: { reason?: string; consumers: Record<string, ConsumerLagDetail> } }
    }
  }
  return { status: res.status, jetstream: body.components.jetstream }
}

describe('backpressure: a stalled sink, a full stream, no loss', () => {
  const kept = new Set<string>()
  const refused = new Set<string>()
  let next = 0

  it('answers 202 while the stream absorbs, then 503 with Retry-After once it is full', async () => {
    const answers: number[] = []
    let fullAt = -1
    let firstRefusal = ''
    for (; next < MAX_BATCHES && (fullAt < 0 || next < fullAt + 5); next++) {
      const a = await post(next)
      answers.push(a.status)
      const mine = keptOf(next, a)
      mine.forEach((id) => kept.add(id))
      batch(next)
        .map((e) => e.event_id)
        .filter((id) => !mine.includes(id))
        .forEach((id) => refused.add(id))
      if (a.status === 202) continue
      expect(a.status).toBe(503)
      expect(a.retryAfter).toMatch(/^\d+$/)
      if (fullAt < 0) [fullAt, firstRefusal] = [next, String(a.body.reason)]
    }
    console.log(
      `stream full after ${fullAt} batches: ${kept.size} events answered 202, ${refused.size} refused; first 503: ${firstRefusal}`,
    )
    expect(fullAt).toBeGreaterThan(10)
    expect(answers.slice(0, fullAt).every((s) => s === 202)).toBe(true)
    // Once full, full: nothing frees the stream while its sink stands still.
    expect(answers.slice(fullAt)).toEqual(answers.slice(fullAt).map(() => 503))
  })

  it('shows the stalled consumer lag in /healthz and /metrics, degraded with the reason', async () => {
    // /healthz looks at the stream when asked: the reason is there at once.
    const h = await health()
    expect(h.status).toBe(503)
    expect(h.jetstream.ok).toBe(false)
    expect(h.jetstream.detail.reason).toMatch(/the event stream is full/)
    const lag = h.jetstream.detail.consumers[sys.topology.sinkConsumer]
    expect(lag.pending + lag.ack_pending).toBeGreaterThan(10)
    expect(lag.oldest_pending_s).toBeGreaterThanOrEqual(0)
    const metrics = await (
      await fetch(`${sys.url}/metrics`, { headers: { authorization: `Bearer ${sys.adminToken}` } })
    ).text()
    expect(metrics).toMatch(new RegExp(`mofang_consumer_pending\\{consumer="${sys.topology.sinkConsumer}"\\} [1-9]`))
    expect(metrics).toMatch(/mofang_ingest_events_total\{reason="backpressure"\} [1-9]/)

    // Refused before publishing now, by the watch's last look, naming the consumer the stream waits for.
    const a = await post(next++)
    batch(next - 1).forEach((e) => refused.add(e.event_id))
    expect([a.status, a.retryAfter]).toEqual([503, '5'])
    expect(a.body.reason).toContain(`waiting for consumer ${sys.topology.sinkConsumer}`)
  })

  it('once the sink runs, stores every event answered 202 exactly once and none refused, and takes events again', async () => {
    const { config, warehouse, topology } = sys
    const options = { batchRows: config.sinkBatchRows, flushMs: config.sinkFlushMs, ackWaitMs: config.sinkAckWaitMs }
    sink = await startWarehouseSink({ js: jetstream(sys.nats.nc), warehouse, topology, options })
    await eventually(async () => (await stored()).length >= kept.size, { what: 'the backlog in the warehouse' })

    // The watch trims what the sink stored: ingest answers 202 again.
    const again = await eventually(
      async () => {
        const a = await post(next)
        keptOf(next, a).forEach((id) => kept.add(id))
        next++
        return a.status === 202 ? a : false
      },
      { what: 'a 202 after the sink caught up', intervalMs: 500 },
    )
    expect(again && again.body).toEqual({ accepted: EVENTS_PER_BATCH, duplicates: 0 })
    await eventually(async () => (await stored()).length === kept.size, { what: 'the last batch in the warehouse' })

    const rows = await stored()
    expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([])
    const ids = new Set(rows.map((r) => r.event_id))
    expect([...kept].filter((id) => !ids.has(id))).toEqual([])
    expect([...ids].filter((id) => !kept.has(id))).toEqual([])
    expect([...refused].filter((id) => ids.has(id))).toEqual([])
  })
})

// A data directory from before the byte limit: its stream (discard Old, no byte limit) is updated in place at start.
describe('an existing event stream gets its limit in place, losing nothing', () => {
  it('switches to discard New, and never applies a limit below what the stream holds', async () => {
    const jsm = await jetstreamManager(sys.nats.nc)
    const t = topologyNames(uniqueNamespace())
    const old = { retention: RetentionPolicy.Limits, storage: StorageType.File, discard: DiscardPolicy.Old }
    await jsm.streams.add({ name: t.eventStream, subjects: [`${t.prefix}.>`], max_age: 3600e9, ...old })
    const js = jetstream(sys.nats.nc)
    for (let i = 0; i < 40; i++) await js.publish(`${t.prefix}.acme.voice.voice.queued`, new Uint8Array(1024))
    const held = (await jsm.streams.info(t.eventStream)).state.bytes

    await ensureTopology(jsm, t, { replicas: 1, maxAgeHours: 1, maxBytes: 10 * 1024 })
    const lowered = await jsm.streams.info(t.eventStream)
    expect([lowered.config.discard, lowered.config.max_bytes]).toEqual([DiscardPolicy.New, held])
    expect([lowered.state.first_seq, lowered.state.messages]).toEqual([1, 40])

    await ensureTopology(jsm, t, { replicas: 1, maxAgeHours: 1, maxBytes: 4 * held })
    expect((await jsm.streams.info(t.eventStream)).config.max_bytes).toBe(4 * held)
    for (const name of [t.eventStream, t.dlqStream, t.qaAlertStream]) await jsm.streams.delete(name)
  })
})
