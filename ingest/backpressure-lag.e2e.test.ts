/**
 * The guard against max_age (ingest/admission-backlog.ts): a sink further behind than MOFANG_SINK_MAX_LAG_S stops
 * ingest, whatever room the stream has, until it catches up. Its own file: chDB takes one data directory per process,
 * and this needs a system of its own beside ingest/backpressure.e2e.test.ts's.
 */
import { describe, expect, it } from 'vitest'
import { jetstream } from '@nats-io/jetstream'
import { startSystem } from '../system/system.js'
import { startWarehouseSink, type WarehouseSink } from '../sink/index.js'
import { TEST_TENANT, eventually, postEvents, tempDir, testConfig, uniqueNamespace } from '../testing/env.js'

// A fixed day: the test does not depend on the time it runs.
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0)

async function post(url: string, n: number) {
  const event = {
    event_id: `lag-${n}`,
    tenant: TEST_TENANT,
    ts: T0 + n,
    channel: 'voice',
    type: 'voice.queued',
    interaction_id: `int-${n}`,
  }
  const res = await postEvents(url, JSON.stringify([event]))
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as Record<string, unknown>,
  }
}

describe('a sink further behind than MOFANG_SINK_MAX_LAG_S', () => {
  it('gets ingest to answer 503 naming the setting, and 202 again once it has caught up', async () => {
    const lagDir = tempDir('sink-lag')
    const lagging = await startSystem({
      config: testConfig(lagDir.path, { MOFANG_SINK_MAX_LAG_S: '1' }),
      namespace: uniqueNamespace(),
      sink: false,
      log: () => {},
    })
    let lagSink: WarehouseSink | undefined
    try {
      expect((await post(lagging.url, 1)).status).toBe(202)
      const refusal = await eventually(
        async () => {
          const a = await post(lagging.url, 2)
          return a.status === 503 ? a : false
        },
        { what: 'a 503 for the lagging sink', intervalMs: 250 },
      )
      expect(refusal && refusal.retryAfter).toBe('5')
      expect(refusal && refusal.body.reason).toMatch(
        /^the warehouse sink is \d+ s behind \(over MOFANG_SINK_MAX_LAG_S = 1 s/,
      )

      const { config, warehouse, topology } = lagging
      const options = { batchRows: config.sinkBatchRows, flushMs: config.sinkFlushMs, ackWaitMs: config.sinkAckWaitMs }
      lagSink = await startWarehouseSink({ js: jetstream(lagging.nats.nc), warehouse, topology, options })
      await eventually(async () => (await post(lagging.url, 3)).status === 202, {
        what: 'a 202 once the sink caught up',
        intervalMs: 250,
      })
    } finally {
      await lagSink?.stop()
      await lagging.stop()
      lagDir.remove()
    }
  })
})
