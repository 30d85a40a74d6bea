/**
 * The scorecard store against a real NATS KV bucket: versions kept per scope, the lookup from the most specific scope
 * to the tenant's catch-all, a save seen by another QA service through the watch, and everything read back on a start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { jetstream } from '@nats-io/jetstream'
import { Kvm } from '@nats-io/kv'
import type { KV } from '@nats-io/kv'
import { eventually, tempDir, testNats, uniqueNamespace } from '../testing/env.js'
import type { LocalNats } from '../bus/nats-server.js'
import { defaultScorecardDir } from './scorecard.js'
import { openScorecardStore, type ScorecardStore } from './scorecard-store.js'

const dir = tempDir('qa-scorecard-store')
let nats: LocalNats
let nc: NatsConnection
let kv: KV
const opened: ScorecardStore[] = []
const open = async () => {
  const store = await openScorecardStore(kv, () => {})
  opened.push(store)
  return store
}
const spec = () => parse(readFileSync(join(defaultScorecardDir(), 'default.en.yaml'), 'utf8'))

beforeAll(async () => {
  nats = await testNats(dir.path)
  nc = await connect({ servers: nats.url })
  kv = await new Kvm(jetstream(nc)).create(uniqueNamespace(), { history: 1 })
})
afterAll(async () => {
  for (const s of opened) await s.stop()
  await nc?.close()
  await nats?.stop()
  dir.remove()
})

describe('scorecard store', () => {
  it('keeps every version, picks the most specific scope, and another service follows the saves', async () => {
    const [here, there] = [await open(), await open()]
    const any = { queue: '', channel: '' }
    const vip = { queue: 'vip', channel: 'wechat' }
    expect(here.cardFor('acme', 'vip', 'wechat')).toBeUndefined()

    expect((await here.save('acme', any, spec(), 'lin')).version).toBe(1)
    expect((await here.save('acme', any, { ...spec(), description: 'second' }, 'lin')).spec).toMatchObject({
      id: 'acme/*/*',
      version: 2,
    })
    await here.save('acme', vip, spec(), 'lin')
    expect(here.versions('acme', any).map((v) => v.version)).toEqual([2, 1])
    expect(here.list('acme').map((v) => [v.queue, v.channel, v.version])).toEqual([
      ['', '', 2],
      ['vip', 'wechat', 1],
    ])
    expect(here.list('other')).toEqual([])
    expect(here.cardFor('acme', 'vip', 'wechat')?.spec.id).toBe('acme/vip/wechat')
    expect(here.cardFor('acme', 'vip', 'email')?.spec).toMatchObject({ id: 'acme/*/*', version: 2 })
    expect(here.cardFor('other', 'vip', 'wechat')).toBeUndefined()

    // Another QA service (same bucket) applies the saves without a restart.
    // The watch delivers the saves in order: the vip scope's, saved last, means all three are there.
    await eventually(
      async () =>
        there.cardFor('acme', 'vip', 'wechat')?.spec.id === 'acme/vip/wechat' &&
        there.cardFor('acme', 'vip', 'email')?.spec.version === 2,
      { what: 'the watch' },
    )
    expect(there.versions('acme', vip).map((v) => v.version)).toEqual([1])

    // A service starting later reads every version back.
    const later = await open()
    expect(later.versions('acme', any).map((v) => [v.version, v.spec.description])).toEqual([
      [2, 'second'],
      [1, spec().description],
    ])
  })
})
