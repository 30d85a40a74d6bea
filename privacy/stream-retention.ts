/**
 * Retention on the NATS side, applied by the privacy service at start (after the topology is declared):
 *  - the event stream keeps events no longer than MOFANG_RETENTION_EVENTS_DAYS: loadConfig cuts
 *    MOFANG_STREAM_MAX_AGE_HOURS to it, so bus/topology.ts declares it that way already;
 *  - the dead letters (whole messages of events) keep theirs no longer either: their 30 days are cut to it;
 *  - the identity KV bucket forgets an identity MOFANG_RETENTION_IDENTITIES_DAYS after it was first seen: its TTL.
 *    nats-server 2.9 has no per-key TTL, and identity merge writes each key once, so a bucket TTL counts from the
 *    first sighting: a customer returning after it is linked afresh, under a new customer id.
 * Each is changed only when it differs from what is in force; a TTL whose setting is unset is removed.
 */
import type { JetStreamManager } from '@nats-io/jetstream'
import type { Config, Topology } from '../core/index.js'

const NS_PER_DAY = 86_400 * 1_000_000_000

async function setMaxAge(jsm: JetStreamManager, stream: string, maxAgeNs: number): Promise<string | undefined> {
  const info = await jsm.streams.info(stream).catch(() => undefined)
  if (!info || info.config.max_age === maxAgeNs) return undefined
  await jsm.streams.update(stream, { max_age: maxAgeNs })
  return `${stream}: ${maxAgeNs ? `keeps ${maxAgeNs / NS_PER_DAY} days` : 'keeps messages for ever'}`
}

/** Applies the settings' stream and KV retention; returns the changes made, e.g. `KV_identities: keeps 365 days`. */
export async function applyStreamRetention(
  jsm: JetStreamManager,
  topology: Topology,
  config: Pick<Config, 'retentionEventsDays' | 'retentionIdentitiesDays'>,
): Promise<string[]> {
  const changes: (string | undefined)[] = []
  if (config.retentionEventsDays !== undefined) {
    const dlq = await jsm.streams.info(topology.dlqStream)
    const cap = config.retentionEventsDays * NS_PER_DAY
    if (!dlq.config.max_age || dlq.config.max_age > cap) changes.push(await setMaxAge(jsm, topology.dlqStream, cap))
  }
  const ttl = (config.retentionIdentitiesDays ?? 0) * NS_PER_DAY
  changes.push(await setMaxAge(jsm, `KV_${topology.identityBucket}`, ttl))
  return changes.filter((c): c is string => c !== undefined)
}
