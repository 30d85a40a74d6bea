/** The saved walls' store against a real NATS KV bucket: per tenant, revisions, deletes and the watch. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { jetstream } from '@nats-io/jetstream'
import { Kvm } from '@nats-io/kv'
import type { WallChange } from '../../core/contracts/index.js'
import { eventually, tempDir, testNats, uniqueNamespace } from '../../testing/env.js'
import type { LocalNats } from '../../bus/nats-server.js'
import { openWallStore, WallConflict, type WallStore } from './wall-store.js'
import { defaultWalls } from './wall-defaults.js'

const dir = tempDir('walls')
let nats: LocalNats
let nc: NatsConnection
let store: WallStore

beforeAll(async () => {
  nats = await testNats(dir.path)
  nc = await connect({ servers: nats.url })
  const bucket = uniqueNamespace()
  await new Kvm(jetstream(nc)).create(bucket, { history: 5 })
  store = await openWallStore(jetstream(nc), bucket)
})
afterAll(async () => {
  await nc?.close()
  await nats?.stop()
  dir.remove()
})

const wall = (tenant: string, id: string) => ({ ...defaultWalls(tenant, 0)[0], id, name: id })

describe('wall store', () => {
  it('keeps each tenant its own walls and answers them with their revision', async () => {
    await store.putWall(wall('acme', 'voice-floor'))
    await store.putWall(wall('acme', 'chat-floor'))
    await store.putWall(wall('other', 'voice-floor'))
    expect((await store.listWalls('acme')).map((w) => w.id)).toEqual(['chat-floor', 'voice-floor'])
    expect((await store.listWalls('other')).map((w) => [w.tenant, w.id])).toEqual([['other', 'voice-floor']])
    expect((await store.getWall('acme', 'voice-floor'))?.revision).toBeGreaterThan(0)
    expect(await store.getWall('acme', 'nope')).toBeUndefined()
  })

  it('refuses a save over a newer version and a create over an existing wall', async () => {
    const first = await store.putWall(wall('acme', 'rev'), 0)
    const second = await store.putWall({ ...first, name: 'second' }, first.revision)
    await expect(store.putWall({ ...first, name: 'stale' }, first.revision)).rejects.toBeInstanceOf(WallConflict)
    await expect(store.putWall(wall('acme', 'rev'), 0)).rejects.toThrow(/saved by someone else/)
    expect((await store.getWall('acme', 'rev'))?.name).toBe('second')
    expect(second.revision).toBeGreaterThan(first.revision!)
  })

  it('deletes, and tells a watcher of every wall and each change', async () => {
    const seen: WallChange[] = []
    const stop = await store.watchWalls((c) => seen.push(c))
    await eventually(async () => seen.some((c) => c.tenant === 'other' && c.id === 'voice-floor'), {
      what: 'existing walls delivered',
    })
    await store.putWall({ ...wall('acme', 'watched'), name: 'after' })
    expect(await store.deleteWall('acme', 'watched')).toBe(true)
    expect(await store.deleteWall('acme', 'watched')).toBe(false)
    await eventually(async () => seen.some((c) => c.id === 'watched' && c.wall === null), { what: 'the delete' })
    expect(seen.find((c) => c.id === 'watched' && c.wall)?.wall?.name).toBe('after')
    expect((await store.listWalls('acme')).map((w) => w.id)).not.toContain('watched')
    stop()
  })
})
