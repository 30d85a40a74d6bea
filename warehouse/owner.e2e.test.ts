/**
 * A part beside `mofang start` uses the owner's embedded chDB through its HTTP API (owner.ts): the Warehouse port
 * round-trips statements, parameters and inserts; a wrong token and a bad statement are refused with their reason;
 * and a second system started with MOFANG_WAREHOUSE_URL (as `mofang run PART…` starts one) works on the owner's data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSystem, type RunningSystem } from '../system/system.js'
import { postEvents, tempDir, testConfig, uniqueNamespace, TEST_TENANT } from '../testing/env.js'
import { ownerWarehouse } from './owner.js'

describe('the warehouse owner', () => {
  const ownerDir = tempDir('owner')
  const partDir = tempDir('part')
  const namespace = uniqueNamespace()
  let owner: RunningSystem
  let part: RunningSystem | undefined

  beforeAll(async () => {
    owner = await startSystem({ config: testConfig(ownerDir.path), namespace, services: [], log: () => {} })
  })
  afterAll(async () => {
    await part?.stop()
    await owner?.stop()
    ownerDir.remove()
    partDir.remove()
  })

  it('serves the Warehouse port to a holder of its admin token', async () => {
    const wh = ownerWarehouse({ url: owner.url, token: owner.adminToken, database: owner.warehouse.database })
    await wh.command('CREATE TABLE IF NOT EXISTS owner_probe (id String, n UInt32) ENGINE = MergeTree ORDER BY id')
    await wh.insert('owner_probe', [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ])
    await wh.insertRaw('owner_probe', Buffer.from('{"id":"c","n":3}\n'), { columns: ['id', 'n'] })
    const rows = await wh.query<{ id: string; n: number }>(
      'SELECT id, n FROM owner_probe WHERE n >= {min:UInt32} AND id IN {ids:Array(String)} ORDER BY id',
      { min: 2, ids: ['a', 'b', 'c'] },
    )
    expect(rows).toEqual([
      { id: 'b', n: 2 },
      { id: 'c', n: 3 },
    ])
    await expect(wh.query('SELEC 1')).rejects.toThrow(/400 .*Syntax error/i)
    const stranger = ownerWarehouse({ url: owner.url, token: 'not-the-token', database: owner.warehouse.database })
    await expect(stranger.query('SELECT 1')).rejects.toThrow(/401 admin token required/)
  })

  it('lets a part started with MOFANG_WAREHOUSE_URL work on the owner’s data', async () => {
    const event = {
      tenant: TEST_TENANT,
      channel: 'webchat',
      type: 'chat.started',
      interaction_id: 'owner-1',
      payload: {},
    }
    expect((await postEvents(owner.url, JSON.stringify([{ ...event, ts: Date.now() }]))).status).toBe(202)
    const config = testConfig(partDir.path, {
      NATS_URL: owner.localNats!.url,
      MOFANG_WAREHOUSE_URL: owner.url,
      MOFANG_WAREHOUSE_TOKEN: owner.adminToken,
    })
    part = await startSystem({ config, namespace, sink: false, services: [], log: () => {} })
    expect(part.warehouse.kind).toBe('owner')
    const sql = "SELECT count() AS n FROM events WHERE interaction_id = 'owner-1'"
    const count = async () => Number((await part!.warehouse.query<{ n: number | string }>(sql))[0].n)
    await expect.poll(count, { timeout: 20_000 }).toBe(1)
  })
})
