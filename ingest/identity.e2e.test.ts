/** Identity merge against a real NATS KV bucket. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { jetstream } from '@nats-io/jetstream'
import { Kvm, type KV } from '@nats-io/kv'
import { createIdentityResolver, normalizeIdentity, type Identifiable } from './identity.js'
import { eventually, tempDir, testNats, uniqueNamespace } from '../testing/env.js'
import type { LocalNats } from '../bus/nats-server.js'

const dir = tempDir('identity')
let nats: LocalNats
let nc: NatsConnection
const bucket = async (): Promise<KV> => new Kvm(jetstream(nc)).create(uniqueNamespace(), { history: 1 })
beforeAll(async () => {
  nats = await testNats(dir.path)
  nc = await connect({ servers: nats.url })
})
afterAll(async () => {
  await nc?.close()
  await nats?.stop()
  dir.remove()
})

const ev = (customer: Identifiable['customer']): Identifiable => ({ tenant: 'acme', ts: Date.now(), customer })

describe('identity merge', () => {
  it('normalises phones and emails', () => {
    expect(normalizeIdentity('phone', '+86 138-1234-5678')).toBe('13812345678')
    expect(normalizeIdentity('email', ' Wei.Wang@Example.COM ')).toBe('wei.wang@example.com')
  })

  it('gives identities seen together one customer, and merges two known customers', async () => {
    const r = createIdentityResolver(await bucket())
    const call = ev({ phone: '13800000001' })
    const chat = ev({ wechat_openid: 'oABC' })
    await r.resolve([call, chat])
    expect(call.customer_id).not.toBe(chat.customer_id)

    const linking = ev({ wechat_openid: 'oABC', phone: '+86 13800000001' })
    await r.resolve([linking])
    const [survivor, absorbed] = [call.customer_id!, chat.customer_id!].sort()
    expect(linking.customer_id).toBe(survivor)
    expect(linking.merged_from).toEqual([absorbed])

    const later = ev({ wechat_openid: 'oABC' })
    await r.resolve([later])
    expect(later.customer_id).toBe(survivor)
    expect(later.merged_from).toBeUndefined()
  })

  // New ids made in the same millisecond order at random, so repeats cover every order of the three
  // customers, including an instance merging with a stale cache (another instance merged meanwhile).
  it('follows chains of merges and is shared by resolvers on other ingest instances', { repeats: 20 }, async () => {
    const kv = await bucket()
    const [a, b] = [createIdentityResolver(kv), createIdentityResolver(kv)]
    const e1 = ev({ email: 'x@example.com' })
    const e2 = ev({ app_user_id: 'u1' })
    const e3 = ev({ line_user_id: 'L1' })
    await a.resolve([e1, e2, e3])
    await b.resolve([ev({ email: 'x@example.com', app_user_id: 'u1' })])
    await a.resolve([ev({ app_user_id: 'u1', line_user_id: 'L1' })])
    const probe = ev({ line_user_id: 'L1' })
    await createIdentityResolver(kv).resolve([probe])
    expect(probe.customer_id).toBe([e1, e2, e3].map((e) => e.customer_id!).sort()[0])
  })

  it("forgets a customer whose keys were purged (an erasure), in every instance's cache", async () => {
    const kv = await bucket()
    const [a, b] = [createIdentityResolver(kv), createIdentityResolver(kv)]
    const [first, seen] = [ev({ phone: '13700000007' }), ev({ phone: '13700000007' })]
    await a.resolve([first])
    await b.resolve([seen])
    expect(seen.customer_id).toBe(first.customer_id)
    for await (const key of await kv.keys()) await kv.purge(key)
    for (const r of [a, b])
      await eventually(
        async () => {
          const again = ev({ phone: '13700000007' })
          await r.resolve([again])
          return again.customer_id !== first.customer_id
        },
        { what: 'the purge to reach the cache' },
      )
    await Promise.all([a.close(), b.close()])
  })

  it('settles a race between two instances creating the same new identity', async () => {
    const kv = await bucket()
    const [a, b] = [createIdentityResolver(kv), createIdentityResolver(kv)]
    const [x, y] = [ev({ phone: '13900000009' }), ev({ phone: '13900000009' })]
    await Promise.all([a.resolve([x]), b.resolve([y])])
    const after = ev({ phone: '13900000009' })
    await createIdentityResolver(kv).resolve([after])
    expect(new Set([x.customer_id, y.customer_id, after.customer_id]).size).toBe(1)
  })
})
