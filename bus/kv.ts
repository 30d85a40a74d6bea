/**
 * KV buckets at the configured replicas. `Kvm.create` opens an existing bucket as it is: a bucket made while
 * MOFANG_NATS_REPLICAS was 1 (one server since grown into a cluster, or a start before the setting was raised) would
 * stay on one node, and losing that node would stop what reads it (ingest's identity lookups) until it came back.
 * So an existing bucket's replicas are set to the setting; JetStream copies the data to the new replicas itself.
 */
import type { JetStreamClient } from '@nats-io/jetstream'
import { Kvm, type KV, type KvOptions } from '@nats-io/kv'

/** Creates the bucket, or opens it and sets its replicas to `opts.replicas`. */
export async function openKvBucket(
  js: JetStreamClient,
  name: string,
  opts: Partial<KvOptions> & { replicas: number },
): Promise<KV> {
  const kv = await new Kvm(js).create(name, opts)
  const jsm = await js.jetstreamManager()
  const stream = `KV_${name}`
  const { config } = await jsm.streams.info(stream)
  if (config.num_replicas !== opts.replicas) await jsm.streams.update(stream, { num_replicas: opts.replicas })
  return kv
}
