/**
 * The warehouse sink against the real nats-server and chDB: exactly once across
 * redeliveries and a SIGKILL mid-batch, and poison messages to the dead-letter stream.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import type { StoredEvent } from '../core/events.js'
import { rootDir } from '../core/compiled.js'
import { packEvents, publishMessages } from '../ingest/publish.js'
import { ensureConsumer, ensureTopology, topologyNames, type Topology } from '../bus/topology.js'
import { startWarehouseSink } from './warehouse-sink.js'
import { openWarehouse, type Warehouse } from '../warehouse/client.js'
import { migrate } from '../warehouse/migrate.js'
import type { LocalNats } from '../bus/nats-server.js'
import { TEST_TENANT, eventually, tempDir, testNats, uniqueNamespace } from '../testing/env.js'

const dir = tempDir('sink')
let nats: LocalNats
let nc: NatsConnection
let js: JetStreamClient
let jsm: JetStreamManager

beforeAll(async () => {
  nats = await testNats(dir.path)
  nc = await connect({ servers: nats.url })
  js = jetstream(nc)
  jsm = await jetstreamManager(nc)
})
afterAll(async () => {
  await nc?.close()
  await nats?.stop()
  dir.remove()
})

function events(n: number, prefix: string): StoredEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    v: 1,
    event_id: `${prefix}-${i}`,
    tenant: TEST_TENANT,
    ts: Date.UTC(2026, 10, 2, 9) + i,
    received_at: Date.now(),
    channel: 'webchat',
    type: 'chat.message',
    interaction_id: `${prefix}-int-${i % 100}`,
    payload: { role: 'customer', text: `message ${i}: 我的电脑蓝屏了，错误代码 0x0000007B` },
  }))
}

async function setup(ackWaitMs = 30_000): Promise<Topology> {
  const t = topologyNames(uniqueNamespace())
  await ensureTopology(jsm, t, { replicas: 1, maxAgeHours: 1 })
  await ensureConsumer(jsm, t, t.sinkConsumer, { ackWaitMs })
  return t
}

async function publish(t: Topology, list: StoredEvent[], maxMessageBytes?: number) {
  const opts = { prefix: t.prefix, maxMessageBytes }
  const { failed } = await publishMessages(js, packEvents(list, opts), opts)
  expect(failed).toEqual([])
}

const drained = async (t: Topology) => {
  const c = await jsm.consumers.info(t.eventStream, t.sinkConsumer)
  return c.num_pending === 0 && c.num_ack_pending === 0
}

describe('warehouse sink, in process', () => {
  let wh: Warehouse
  beforeAll(async () => {
    wh = await openWarehouse({ chdbPath: join(dir.path, 'clickhouse') })
    await migrate(wh)
  })
  afterAll(() => wh?.close())

  it('inserts only the missing rows of a message redelivered after a partial insert', async () => {
    const t = await setup(500)
    const list = events(10, 'redeliver')
    await publish(t, list)
    // Simulate a sink that stored 4 of the message's events, then died before acking.
    const { eventRows, insertEventRows } = await import('../warehouse/event-rows.js')
    await insertEventRows(wh, [eventRows(list.slice(0, 4))])
    const consumer = await js.consumers.get(t.eventStream, t.sinkConsumer)
    const first = await consumer.next()
    expect(first?.info.redelivered).toBe(false)
    await new Promise((r) => setTimeout(r, 700)) // past ack_wait: JetStream redelivers

    const sink = await startWarehouseSink({ js, warehouse: wh, topology: t, options: { batchRows: 1000, flushMs: 20 } })
    await eventually(() => drained(t), { what: 'the sink to drain' })
    await sink.stop()
    const [row] = await wh.query<{ n: number; ids: number }>(
      `SELECT count() AS n, uniqExact(event_id) AS ids FROM events WHERE event_id LIKE 'redeliver-%'`,
    )
    expect(row).toEqual({ n: 10, ids: 10 })
    expect(sink.written()).toBe(6)
  })

  it('sends an undecodable message to the dead-letter stream and carries on', async () => {
    const t = await setup()
    await js.publish(`${t.prefix}.${TEST_TENANT}.webchat.chat.message`, new TextEncoder().encode('{not json'))
    await publish(t, events(5, 'after-poison'))
    const sink = await startWarehouseSink({ js, warehouse: wh, topology: t, options: { batchRows: 1000, flushMs: 20 } })
    await eventually(() => drained(t), { what: 'the sink to drain' })
    await sink.stop()
    expect(sink.deadLettered()).toBe(1)
    const dlq = await jsm.streams.getMessage(t.dlqStream, { last_by_subj: `${t.dlqPrefix}.undecodable` })
    expect(dlq?.header.get('Mofang-Reason')).toBe('undecodable')
    const [row] = await wh.query<{ n: number }>(`SELECT count() AS n FROM events WHERE event_id LIKE 'after-poison-%'`)
    expect(Number(row.n)).toBe(5)
  })
})

describe('warehouse sink: no message holds back the others', () => {
  let wh: Warehouse
  beforeAll(async () => {
    wh = await openWarehouse({ chdbPath: join(dir.path, 'clickhouse') })
    await migrate(wh)
  })
  afterAll(() => wh?.close())
  const DAY = 86_400_000
  const spread = (n: number, prefix: string, tenant = TEST_TENANT) =>
    events(n, prefix).map((e, i) => ({ ...e, tenant, ts: Date.UTC(2025, 0, 1, 12) + i * DAY }))
  const countLike = async (prefix: string) =>
    Number((await wh.query<{ n: number }>(`SELECT count() AS n FROM events WHERE event_id LIKE '${prefix}-%'`))[0].n)

  it('stores batches whose events span hundreds of days, packed by ingest or not', async () => {
    const t = await setup()
    await publish(t, spread(400, 'years'))
    // A message from another publisher (no Mofang-Day header) spanning 150 days is split by the sink itself.
    await js.publish(
      `${t.prefix}.${TEST_TENANT}.webchat.chat.message`,
      new TextEncoder().encode(JSON.stringify(spread(150, 'foreign'))),
    )
    await publish(
      t,
      events(50, 'other-tenant').map((e) => ({ ...e, tenant: 'other' })),
    )
    const sink = await startWarehouseSink({
      js,
      warehouse: wh,
      topology: t,
      options: { batchRows: 100_000, flushMs: 50 },
    })
    await eventually(() => drained(t), { what: 'the sink to drain' })
    await sink.stop()
    expect([await countLike('years'), await countLike('foreign'), await countLike('other-tenant')]).toEqual([
      400, 150, 50,
    ])
    expect(sink.deadLettered()).toBe(0)
  })

  it('dead-letters the one message ClickHouse refuses, with the reason, and writes the rest of its batch', async () => {
    const t = await setup()
    const { headers } = await import('@nats-io/transport-node')
    const { EVENTS_HEADER, DAY_HEADER } = await import('../core/contracts/index.js')
    const h = headers()
    h.set(EVENTS_HEADER, '1')
    h.set(DAY_HEADER, '20000')
    await publish(t, events(20, 'before-refused'))
    // Valid JSON the ingest path would never send: ClickHouse cannot parse its ts.
    const bad = JSON.stringify([
      { event_id: 'refused-1', tenant: TEST_TENANT, ts: 'not a time', channel: 'webchat', type: 'chat.message' },
    ])
    await js.publish(`${t.prefix}.${TEST_TENANT}.webchat.chat.message`, new TextEncoder().encode(bad), { headers: h })
    await publish(t, events(20, 'after-refused'))
    const sink = await startWarehouseSink({
      js,
      warehouse: wh,
      topology: t,
      options: { batchRows: 100_000, flushMs: 200 },
    })
    await eventually(() => drained(t), { what: 'the sink to drain' })
    await sink.stop()
    expect(sink.deadLettered()).toBe(1)
    const dlq = await jsm.streams.getMessage(t.dlqStream, { last_by_subj: `${t.dlqPrefix}.rejected_by_warehouse` })
    expect(dlq?.header.get('Mofang-Error')).toMatch(/ts|parse|DateTime/i)
    expect([await countLike('before-refused'), await countLike('after-refused')]).toEqual([20, 20])
  })

  it('retries an insert that failed after its rows reached the table without storing them twice', async () => {
    const t = await setup()
    // A copy of events with a materialized view that fails while the flag table has a row.
    await wh.command('CREATE TABLE IF NOT EXISTS events_retry AS events')
    await wh.command(`ALTER TABLE events_retry MODIFY SETTING non_replicated_deduplication_window = 1000`)
    await wh.command('CREATE TABLE IF NOT EXISTS retry_flag (x UInt8) ENGINE = Memory')
    await wh.command('INSERT INTO retry_flag VALUES (1)')
    await wh.command(`CREATE TABLE IF NOT EXISTS retry_view (event_id String) ENGINE = MergeTree ORDER BY event_id
      SETTINGS non_replicated_deduplication_window = 1000`)
    await wh.command(`CREATE MATERIALIZED VIEW IF NOT EXISTS retry_view_mv TO retry_view AS
      SELECT event_id FROM events_retry WHERE throwIf((SELECT count() FROM ${wh.database}.retry_flag) > 0, 'simulated view failure') = 0`)
    await publish(t, events(30, 'half-done'))
    const sink = await startWarehouseSink({
      js,
      warehouse: wh,
      topology: t,
      options: { batchRows: 100_000, flushMs: 20, table: 'events_retry', maxSuspectAttempts: 1_000 },
    })
    await eventually(async () => sink.health().lastError !== undefined, {
      intervalMs: 5,
      what: 'the first, failing insert',
    })
    const [rowsAfterFailure] = await wh.query<{ n: number }>('SELECT count() AS n FROM events_retry')
    expect(Number(rowsAfterFailure.n)).toBe(30) // the rows reached the table, the view did not
    await wh.command('TRUNCATE TABLE retry_flag')
    await eventually(() => drained(t), { what: 'the sink to drain' })
    await sink.stop()
    const [table] = await wh.query<{ n: number; ids: number }>(
      'SELECT count() AS n, uniqExact(event_id) AS ids FROM events_retry',
    )
    const [view] = await wh.query<{ n: number }>('SELECT count() AS n FROM retry_view')
    expect([Number(table.n), Number(table.ids), Number(view.n)]).toEqual([30, 30, 30])
  })
})

describe('warehouse sink as its own process', () => {
  const sinkDir = join(dir.path, 'sink-process')
  const cli = join(rootDir(), 'dist', 'cli', 'mofang.js')
  const env = () => ({
    ...process.env,
    NATS_URL: nats.url,
    MOFANG_DATA_DIR: sinkDir,
    MOFANG_SINK_BATCH_ROWS: '3000',
    MOFANG_SINK_FLUSH_MS: '20',
    MOFANG_SINK_ACK_WAIT_MS: '2000',
  })
  const children: ChildProcess[] = []
  // A failed or timed-out run must not leave sink processes behind (they reconnect to NATS forever).
  afterAll(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')))
  const startSink = (ns: string): ChildProcess => {
    const child = spawn(process.execPath, [cli, 'sink', '--namespace', ns], {
      env: env(),
      stdio: ['ignore', 'ignore', 'ignore'],
    })
    children.push(child)
    return child
  }

  it('leaves every event stored exactly once after a SIGKILL mid-batch and a restart', async () => {
    const ns = uniqueNamespace()
    const t = topologyNames(ns)
    await ensureTopology(jsm, t, { replicas: 1, maxAgeHours: 1 })
    await ensureConsumer(jsm, t, t.sinkConsumer, { ackWaitMs: 2_000 })
    const total = 60_000
    await publish(t, events(total, 'kill'), 64 * 1024)

    const first = startSink(ns)
    const ackedAtKill = await eventually(
      async () => {
        const c = await jsm.consumers.info(t.eventStream, t.sinkConsumer)
        return c.ack_floor.stream_seq > 0 && c.ack_floor.stream_seq
      },
      { intervalMs: 5, what: 'the first acks' },
    )
    first.kill('SIGKILL')
    await new Promise((r) => first.once('exit', r))
    const messages = (await jsm.streams.info(t.eventStream)).state.messages
    expect(ackedAtKill).toBeLessThan(messages) // it really died part-way

    const second = startSink(ns)
    await eventually(() => drained(t), { timeoutMs: 60_000, what: 'the restarted sink to drain' })
    second.kill('SIGTERM')
    expect(await new Promise((r) => second.once('exit', r))).toBe(0)

    const out = execFileSync(
      process.execPath,
      [
        cli,
        'sql',
        '--format',
        'json',
        "SELECT count() AS n, uniqExact(event_id) AS ids FROM events WHERE event_id LIKE 'kill-%'",
      ],
      { env: env() },
    ).toString()
    expect(JSON.parse(out)).toEqual({ n: total, ids: total })
  }, 180_000)
})
