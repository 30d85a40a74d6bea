/**
 * Retention applied for real: the warehouse TTLs by the migration runner (SHOW CREATE TABLE, changed when a setting
 * changes, removed when it is unset, and rows actually expiring), the event stream's and dead letters' age and the
 * identity KV bucket's TTL on a real nats-server; the cluster statements parse as ClickHouse SQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { Kvm } from '@nats-io/kv'
import { loadConfig } from '../core/config.js'
import { ensureTopology, topologyNames } from '../bus/topology.js'
import type { LocalNats } from '../bus/nats-server.js'
import { openWarehouse, type Warehouse } from '../warehouse/client.js'
import { migrate } from '../warehouse/migrate.js'
import { tempDir, testNats, uniqueNamespace } from '../testing/env.js'
import { CUSTOMER_TABLES, eraseSql } from './customer-tables.js'
import { applyStreamRetention } from './stream-retention.js'

const dir = tempDir('retention')
let wh: Warehouse
let nats: LocalNats
let nc: NatsConnection
beforeAll(async () => {
  wh = await openWarehouse({ chdbPath: join(dir.path, 'clickhouse'), poolSize: 1 })
  nats = await testNats(dir.path)
  nc = await connect({ servers: nats.url })
}, 60_000)
afterAll(async () => {
  await wh?.close()
  await nc?.close()
  await nats?.stop()
  dir.remove()
})

const showCreate = async (table: string) =>
  (await wh.query<{ statement: string }>(`SHOW CREATE TABLE ${table}`))[0].statement.replace(/\s+/g, ' ')

describe('warehouse retention (TTL)', () => {
  it('is applied by the migration runner, changed with the setting and removed when it is unset', async () => {
    const first = await migrate(wh, { retention: { events: 30, transcripts: 7, qa: 365 } })
    expect(first).toContain('0015_audit_log.sql')
    expect(first).toContain(
      "events: TTL toDateTime(ts) + toIntervalDay(30), toDateTime(ts) + toIntervalDay(7) WHERE type IN ('chat.message', 'ticket.comment', 'survey.comment')",
    )
    expect(await showCreate('events')).toContain(
      "TTL toDateTime(ts) + toIntervalDay(30), toDateTime(ts) + toIntervalDay(7) WHERE type IN ('chat.message', 'ticket.comment', 'survey.comment')",
    )
    expect(await showCreate('qa_reviews')).toContain('TTL toDateTime(created_at) + toIntervalDay(365)')
    expect(await showCreate('forecasts')).not.toContain('TTL')

    // The same settings again: nothing to do (no table rewritten at every start).
    expect(await migrate(wh, { retention: { events: 30, transcripts: 7, qa: 365 } })).toEqual([])

    const changed = await migrate(wh, { retention: { events: 400, qa: 365, reports: 90 } })
    expect(changed.sort()).toEqual([
      'alarms: TTL toDateTime(started_at) + toIntervalDay(90)',
      'customer_aliases: TTL toDateTime(merged_at) + toIntervalDay(400)',
      'events: TTL toDateTime(ts) + toIntervalDay(400)',
      'forecasts: TTL toDateTime(interval_start) + toIntervalDay(90)',
      'incidents: TTL toDateTime(started_at) + toIntervalDay(90)',
      'interactions: TTL toDateTime(last_ts) + toIntervalDay(400)',
      'message_ocr: TTL removed',
      'report_daily: TTL toDateTime(day) + toIntervalDay(90)',
      'rosters: TTL toDateTime(saved_at) + toIntervalDay(90)',
      'surge_alerts: TTL toDateTime(raised_at) + toIntervalDay(90)',
      'ticket_forecasts: TTL toDateTime(interval_start) + toIntervalDay(90)',
      'transcripts: TTL removed',
    ])
    expect(await showCreate('events')).toContain('TTL toDateTime(ts) + toIntervalDay(400) SETTINGS')
    expect(await showCreate('transcripts')).not.toContain('TTL')

    await migrate(wh, { retention: {} })
    for (const t of ['events', 'interactions', 'qa_results', 'forecasts'])
      expect(await showCreate(t)).not.toContain('TTL')
    // Without `retention` the runner leaves TTLs alone.
    await migrate(wh, { retention: { qa: 30 } })
    expect(await migrate(wh)).toEqual([])
    expect(await showCreate('qa_results')).toContain('TTL toDateTime(ended_at) + toIntervalDay(30)')
  })

  it('expires old rows, and message text sooner than the rest of the events', async () => {
    const day = 86_400_000
    const row = (id: string, type: string, age: number) => ({
      event_id: id,
      tenant: 'ttl',
      ts: Date.now() - age * day,
      received_at: Date.now(),
      channel: 'wechat',
      type,
      payload: '{}',
    })
    await wh.insert('events', [
      row('old-start', 'chat.started', 40),
      row('mid-message', 'chat.message', 10),
      row('mid-start', 'chat.started', 10),
      row('new-message', 'chat.message', 1),
    ])
    await migrate(wh, { retention: { events: 30, transcripts: 7 } })
    await wh.command('OPTIMIZE TABLE events FINAL')
    const left = await wh.query<{ event_id: string }>(
      "SELECT event_id FROM events WHERE tenant = 'ttl' ORDER BY event_id",
    )
    expect(left.map((r) => r.event_id)).toEqual(['mid-start', 'new-message'])
  })

  it('writes cluster statements ClickHouse parses (TTLs and the erase deletes)', async () => {
    const parse = async (q: string) =>
      (await wh.query<{ f: string }>('SELECT formatQuery({q:String}) AS f', { q }))[0].f
    expect(
      await parse("ALTER TABLE events_local ON CLUSTER 'cx' MODIFY TTL toDateTime(ts) + toIntervalDay(30)"),
    ).toMatch(/ON CLUSTER cx\s+\(?MODIFY TTL/)
    for (const t of CUSTOMER_TABLES)
      expect(await parse(eraseSql(t, 'cx'))).toMatch(/^DELETE FROM \{table:Identifier\} ON CLUSTER cx WHERE/)
  })
})

describe('stream retention', () => {
  it('keeps events in the stream and dead letters no longer than the warehouse, and gives identities a TTL', async () => {
    const t = topologyNames(uniqueNamespace())
    const jsm = await jetstreamManager(nc)
    const config = loadConfig({ MOFANG_RETENTION_EVENTS_DAYS: '3', MOFANG_RETENTION_IDENTITIES_DAYS: '365' })
    await ensureTopology(jsm, t, { replicas: 1, maxAgeHours: config.streamMaxAgeHours })
    await new Kvm(jetstream(nc)).create(t.identityBucket, { history: 1 })
    const ageDays = async (stream: string) => (await jsm.streams.info(stream)).config.max_age / 86_400e9

    expect(await ageDays(t.eventStream)).toBe(3)
    expect(await ageDays(t.dlqStream)).toBe(30)
    expect(await applyStreamRetention(jsm, t, config)).toEqual([
      `${t.dlqStream}: keeps 3 days`,
      `KV_${t.identityBucket}: keeps 365 days`,
    ])
    expect([await ageDays(t.dlqStream), await ageDays(`KV_${t.identityBucket}`)]).toEqual([3, 365])
    expect(await applyStreamRetention(jsm, t, config)).toEqual([])

    // Unset: identities are kept for ever again.
    expect(await applyStreamRetention(jsm, t, loadConfig({}))).toEqual([
      `KV_${t.identityBucket}: keeps messages for ever`,
    ])
    expect(await ageDays(`KV_${t.identityBucket}`)).toBe(0)
  })
})
