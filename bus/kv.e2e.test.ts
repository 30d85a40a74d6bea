import { afterAll, beforeAll, expect, it } from 'vitest'
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { Kvm } from '@nats-io/kv'
import { openKvBucket } from './kv.js'
import { eventually, tempDir, uniqueNamespace } from '../testing/env.js'
import { startNatsCluster, type NatsCluster } from '../testing/nats-cluster.js'

const dir = tempDir('kv-replicas')
let cluster: NatsCluster
let nc: NatsConnection
beforeAll(async () => {
  cluster = await startNatsCluster({ dir: dir.path })
  nc = await connect({ servers: cluster.url.split(',') })
})
afterAll(async () => {
  await nc?.close()
  await cluster?.stop()
  dir.remove()
})

it('raises the replicas of a bucket made before the cluster setting, keeping its keys', async () => {
  const bucket = uniqueNamespace()
  const js = jetstream(nc)
  await (await new Kvm(js).create(bucket, { history: 1, replicas: 1 })).put('phone.13800000000', 'c-1')

  const kv = await openKvBucket(js, bucket, { history: 1, replicas: 3 })
  const jsm = await jetstreamManager(nc)
  const info = await jsm.streams.info(`KV_${bucket}`)
  expect(info.config.num_replicas).toBe(3)
  await eventually(async () => (await jsm.streams.info(`KV_${bucket}`)).cluster?.replicas?.length === 2, {
    what: 'two more replicas',
  })
  expect((await kv.get('phone.13800000000'))?.string()).toBe('c-1')
})
