/**
 * A new event stream writing into a warehouse that an earlier stream wrote to (moving to a NATS cluster, a
 * recreated stream, a second namespace): its sequences start at 1 again, so the sink's insert deduplication
 * token must tell the streams apart, or ClickHouse drops the new stream's blocks as already inserted.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { join } from 'node:path'
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import type { StoredEvent } from '../core/events.js'
import { packEvents, publishMessages } from '../ingest/publish.js'
import { ensureConsumer, ensureTopology, topologyNames } from '../bus/topology.js'
import { startWarehouseSink } from './warehouse-sink.js'
import { openWarehouse, type Warehouse } from '../warehouse/client.js'
import { migrate } from '../warehouse/migrate.js'
import type { LocalNats } from '../bus/nats-server.js'
import { TEST_TENANT, eventually, tempDir, testNats, uniqueNamespace } from '../testing/env.js'

const dir = tempDir('sink-streams')
let nats: LocalNats
let nc: NatsConnection
let js: JetStreamClient
let jsm: JetStreamManager
let wh: Warehouse

beforeAll(async () => {
  nats = await testNats(dir.path)
  nc = await connect({ servers: nats.url })
  js = jetstream(nc)
  jsm = await jetstreamManager(nc)
  wh = await openWarehouse({ chdbPath: join(dir.path, 'clickhouse') })
  await migrate(wh)
})
afterAll(async () => {
  await wh?.close()
  await nc?.close()
  await nats?.stop()
  dir.remove()
})

/** The same shape on every stream (one message: same day, same count), with ids of the stream's own. */
const calls = (prefix: string): StoredEvent[] =>
  Array.from({ length: 20 }, (_, i) => ({
    v: 1,
    event_id: `${prefix}-${i}`,
    tenant: TEST_TENANT,
    ts: Date.UTC(2026, 10, 2, 9) + i,
    received_at: Date.now(),
    channel: 'voice',
    type: 'voice.offered',
    interaction_id: `${prefix}-call-${i}`,
    payload: {},
  }))

it("stores a new stream's first messages although an earlier stream wrote the same sequences", async () => {
  for (const prefix of ['old-stream', 'new-stream']) {
    const t = topologyNames(uniqueNamespace())
    await ensureTopology(jsm, t, { replicas: 1, maxAgeHours: 1 })
    await ensureConsumer(jsm, t, t.sinkConsumer)
    const opts = { prefix: t.prefix }
    expect((await publishMessages(js, packEvents(calls(prefix), opts), opts)).failed).toEqual([])
    const sink = await startWarehouseSink({ js, warehouse: wh, topology: t, options: { batchRows: 1000, flushMs: 20 } })
    await eventually(
      async () => {
        const c = await jsm.consumers.info(t.eventStream, t.sinkConsumer)
        return c.num_pending === 0 && c.num_ack_pending === 0
      },
      { what: 'the sink to drain' },
    )
    await sink.stop()
  }
  const rows = await wh.query<{ prefix: string; n: number }>(
    `SELECT splitByChar('-', event_id)[1] AS prefix, count() AS n FROM events GROUP BY prefix ORDER BY prefix`,
  )
  expect(rows.map((r) => [r.prefix, Number(r.n)])).toEqual([
    ['new', 20],
    ['old', 20],
  ])
})
