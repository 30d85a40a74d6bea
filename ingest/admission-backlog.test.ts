import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { JetStreamManager } from '@nats-io/jetstream'
import {
  backlogProblem,
  type BacklogLimits,
  lagPrometheus,
  reserveFor,
  slowestConsumer,
  type StreamBacklog,
  trimBelow,
  watchBacklog,
} from './admission-backlog.js'
import { createEventsEndpoint } from './events-endpoint.js'
import { DedupWindow } from './dedup.js'
import { packEvents, type EventMessage } from './publish.js'

const MIB = 2 ** 20
const limits: BacklogLimits = { sinkConsumer: 'sink', sinkMaxLagMs: 3_600_000, reserveBytes: MIB }
const backlog = (extra: Partial<StreamBacklog> = {}): StreamBacklog => ({
  bytes: 2 * MIB,
  messages: 100,
  maxBytes: 10 * MIB,
  firstSeq: 1,
  lastSeq: 100,
  consumers: [
    { name: 'sink', pending: 0, ackPending: 0 },
    { name: 'qa', pending: 0, ackPending: 0 },
  ],
  ...extra,
})

describe('backlogProblem: when ingest refuses for the stream', () => {
  it('takes events while the stream has room for one more batch and the sink is recent', () => {
    expect(backlogProblem(backlog(), limits)).toBeUndefined()
    expect(backlogProblem(backlog({ bytes: 9 * MIB }), limits)).toBeUndefined()
  })

  it('refuses once less than the reserve is left, naming the setting and the consumer it waits for', () => {
    const b = backlog({
      bytes: 9 * MIB + 1,
      consumers: [
        { name: 'sink', pending: 40, ackPending: 2, needsFromSeq: 50, oldestAgeMs: 1_000 },
        { name: 'qa', pending: 5, ackPending: 0, needsFromSeq: 90, oldestAgeMs: 100 },
      ],
    })
    expect(backlogProblem(b, limits)).toBe(
      'the event stream is full: 9.0 of its 10.0 MiB (MOFANG_STREAM_MAX_BYTES); waiting for consumer sink (42 behind)',
    )
  })

  it('never refuses for fill without a byte limit', () => {
    expect(backlogProblem(backlog({ bytes: 1e12, maxBytes: -1 }), limits)).toBeUndefined()
  })

  it("refuses when the sink's oldest unstored event is older than MOFANG_SINK_MAX_LAG_S, not another consumer's", () => {
    const lagging = (name: string) =>
      backlog({ consumers: [{ name, pending: 7, ackPending: 0, needsFromSeq: 3, oldestAgeMs: 3_600_001 }] })
    expect(backlogProblem(lagging('qa'), limits)).toBeUndefined()
    expect(backlogProblem(lagging('sink'), limits)).toMatch(
      /^the warehouse sink is 3600 s behind \(over MOFANG_SINK_MAX_LAG_S = 3600 s, 7 messages\)/,
    )
  })
})

describe('trimBelow: freeing the stream without losing an event', () => {
  const lagging = backlog({
    bytes: 8 * MIB,
    firstSeq: 10,
    consumers: [
      { name: 'sink', pending: 3, ackPending: 1, needsFromSeq: 60 },
      { name: 'qa', pending: 1, ackPending: 0, needsFromSeq: 40 },
      { name: 'routing_idle', pending: 0, ackPending: 0 },
    ],
  })

  it('trims nothing under the high-water mark (80% of the limit less the reserve)', () => {
    expect(trimBelow(backlog({ bytes: 7 * MIB }), limits)).toBeUndefined()
    expect(trimBelow(backlog({ bytes: 8 * MIB, maxBytes: -1 }), limits)).toBeUndefined()
  })

  it('trims below the first message the slowest durable consumer still needs', () => {
    expect(slowestConsumer(lagging)?.name).toBe('qa')
    expect(trimBelow(lagging, limits)).toBe(40)
  })

  it('trims everything when every consumer is done, and nothing when the slowest needs the first message', () => {
    const done = { ...lagging, consumers: [{ name: 'sink', pending: 0, ackPending: 0 }] }
    expect(trimBelow(done, limits)).toBe(101)
    const first = { ...lagging, consumers: [{ name: 'sink', pending: 9, ackPending: 0, needsFromSeq: 10 }] }
    expect(trimBelow(first, limits)).toBeUndefined()
  })

  it("trims nothing without the sink's consumer: nothing says what the warehouse holds", () => {
    expect(trimBelow({ ...lagging, consumers: [{ name: 'qa', pending: 0, ackPending: 0 }] }, limits)).toBeUndefined()
  })
})

describe('reserveFor and lagPrometheus', () => {
  it('keeps room for one largest body, at most a quarter of the limit, none without a limit', () => {
    expect(reserveFor(64 * MIB, 16 * MIB)).toBe(16 * MIB)
    expect(reserveFor(4 * MIB, 16 * MIB)).toBe(MIB)
    expect(reserveFor(-1, 16 * MIB)).toBe(0)
  })

  it("writes the stream's fill and each consumer's lag as gauges", () => {
    const text = lagPrometheus(
      backlog({ consumers: [{ name: 'sink', pending: 4, ackPending: 2, needsFromSeq: 5, oldestAgeMs: 1_500 }] }),
    )
    expect(text).toContain('# TYPE mofang_consumer_pending gauge')
    expect(text).toContain('mofang_stream_bytes 2097152')
    expect(text).toContain('mofang_consumer_pending{consumer="sink"} 4')
    expect(text).toContain('mofang_consumer_ack_pending{consumer="sink"} 2')
    expect(text).toContain('mofang_consumer_oldest_pending_seconds{consumer="sink"} 1.500')
  })
})

describe('watchBacklog over a stand-in JetStream', () => {
  /** A stream of 10 messages of 100 KiB under a 1 MiB limit: past the high-water mark. */
  function fakeJsm(ackFloor: number, delivered = ackFloor) {
    const state = { first_seq: 1, last_seq: 10, messages: 10, bytes: 10 * 100 * 1024 }
    const purges: number[] = []
    const jsm = {
      streams: {
        info: async () => ({ state: { ...state }, config: { max_bytes: MIB } }),
        getMessage: async (_: string, { seq }: { seq: number }) =>
          seq >= state.first_seq ? { time: new Date(Date.now() - (11 - seq) * 1000) } : null,
        purge: async (_: string, { seq }: { seq: number }) => {
          const purged = seq - state.first_seq
          purges.push(seq)
          state.first_seq = seq
          state.messages -= purged
          state.bytes -= purged * 100 * 1024
          return { success: true, purged }
        },
      },
      consumers: {
        list: () => ({
          async *[Symbol.asyncIterator]() {
            yield {
              name: 'sink',
              config: { durable_name: 'sink' },
              num_pending: 10 - ackFloor,
              num_ack_pending: 0,
              ack_floor: { stream_seq: ackFloor },
              delivered: { stream_seq: delivered },
            }
            // An ordered consumer (live metrics) is not durable: it holds nothing back.
            yield { name: 'ordered', config: {}, num_pending: 10, num_ack_pending: 0 }
          },
        }),
      },
    }
    return { jsm: jsm as unknown as JetStreamManager, purges }
  }

  it('trims what the sink acknowledged, reads the age of what it still needs, and skips ordered consumers', async () => {
    const { jsm, purges } = fakeJsm(6)
    const watch = watchBacklog({ jsm, stream: 'S', limits: { ...limits, reserveBytes: 0 }, intervalMs: 60_000 })
    const b = await watch.refresh()
    watch.stop()
    expect(purges).toEqual([7])
    expect(b.firstSeq).toBe(7)
    expect(b.consumers).toHaveLength(1)
    expect(b.consumers[0]).toMatchObject({ name: 'sink', pending: 4, needsFromSeq: 7 })
    expect(b.consumers[0].oldestAgeMs).toBeGreaterThanOrEqual(4_000)
    expect(watch.problem()).toBeUndefined()
  })

  it('counts a consumer created at a later sequence, which has acknowledged nothing yet, from what it was delivered', async () => {
    const { jsm, purges } = fakeJsm(0, 6)
    const watch = watchBacklog({ jsm, stream: 'S', limits: { ...limits, reserveBytes: 0 }, intervalMs: 60_000 })
    await watch.refresh()
    watch.stop()
    expect(purges).toEqual([7])
  })

  it('refuses while the sink has acknowledged nothing of a full stream, and trims nothing', async () => {
    const { jsm, purges } = fakeJsm(0)
    const watch = watchBacklog({ jsm, stream: 'S', limits: { ...limits, reserveBytes: 64 * 1024 }, intervalMs: 60_000 })
    await watch.refresh()
    watch.stop()
    expect(purges).toEqual([])
    expect(watch.problem()).toMatch(/^the event stream is full: 1.0 of its 1.0 MiB/)
  })
})

// The endpoint's answer to the watch's refusal, and to JetStream's own refusal past the limit.
describe('POST /v1/events under backpressure', () => {
  const KEY = 'key-acme-0123456789'
  const state = { problem: undefined as string | undefined, jetstreamFull: false }
  const published: EventMessage[] = []
  let server: Server
  let url: string

  beforeAll(async () => {
    const endpoint = createEventsEndpoint({
      apiKeys: new Map([[KEY, 'acme']]),
      maxBodyBytes: 1 << 16,
      maxBatchEvents: 10,
      dedup: new DedupWindow({ windowSeconds: 600 }),
      identity: { resolve: async () => {} },
      brokerUp: () => true,
      backlogProblem: () => state.problem,
      pack: (events) => packEvents(events, { prefix: 'cx' }),
      publish: async (messages) => {
        if (!state.jetstreamFull) {
          published.push(...messages)
          return { failed: [] }
        }
        const error = new Error(`JetStream did not acknowledge 1 of 1 messages: maximum bytes exceeded`)
        return { failed: messages.map((message) => ({ message, maybeStored: false })), error }
      },
    })
    server = createServer((req, res) => void endpoint.handle(req, res))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/events`
  })
  afterAll(() => new Promise((r) => server.close(r)))

  const send = async () => {
    const event = { tenant: 'acme', ts: Date.now(), channel: 'voice', type: 'voice.offered', interaction_id: 'c1' }
    const res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify([event]),
    })
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown>,
      retry: res.headers.get('retry-after'),
    }
  }

  it('answers 503 with Retry-After and publishes nothing while the watch refuses, 202 once it stops', async () => {
    state.problem = 'the event stream is full: 9.0 of its 10.0 MiB (MOFANG_STREAM_MAX_BYTES)'
    const refused = await send()
    expect(refused).toEqual({
      status: 503,
      body: {
        error: 'unavailable',
        reason:
          'the event stream is full: 9.0 of its 10.0 MiB (MOFANG_STREAM_MAX_BYTES); nothing was accepted, retry later',
      },
      retry: '5',
    })
    expect(published).toEqual([])
    state.problem = undefined
    expect((await send()).status).toBe(202)
    expect(published).toHaveLength(1)
  })

  it("answers JetStream's own refusal past the limit the same way: nothing kept, never 202", async () => {
    state.jetstreamFull = true
    const refused = await send()
    state.jetstreamFull = false
    expect([refused.status, refused.retry, refused.body.reason]).toEqual([
      503,
      '5',
      'the event stream is full (MOFANG_STREAM_MAX_BYTES); nothing was accepted, retry later',
    ])
  })
})
