/**
 * The live metrics instances that are up, kept in a NATS KV bucket (nats-server 2.9 has no leases, and Mofang keeps
 * no home-made consensus): each instance puts its entry (its id → the tenants it knows of) every `heartbeatMs`, the
 * bucket's max age (`ttlMs`) removes the entry of an instance that stopped renewing it, and an instance that stops
 * cleanly deletes its entry at once. Each instance reads the bucket after every heartbeat and whenever the bucket
 * changes (a watch), and hands the view to the caller when it differs from the last one.
 *
 * The tenants to share out are the union of the members' configured tenants (MOFANG_API_KEYS), so a tenant added to
 * one instance's keys is followed as soon as that instance has restarted, by whichever instance owns it.
 */
import type { JetStreamClient } from '@nats-io/jetstream'
import { KvWatchInclude, type KV } from '@nats-io/kv'
import { openKvBucket } from '../bus/index.js'

export interface MembershipOptions {
  /** The KV bucket of the members (Topology.liveMembersBucket). */
  bucket: string
  /** This instance's id: unique among the instances, letters, digits, `-` and `_`. */
  id: string
  /** The tenants this instance knows of (its API keys' tenants). */
  tenants: readonly string[]
  /** The bucket's replicas (MOFANG_NATS_REPLICAS). Default 1. */
  replicas?: number
  /** How often an instance renews its entry and reads the bucket again, ms. Default 3,000. */
  heartbeatMs?: number
  /**
   * An entry not renewed for this long is gone: the bucket's max age, ms, as set by the instance that created the
   * bucket. Default 10,000; above `heartbeatMs`.
   */
  ttlMs?: number
}

/** Who is up, and the tenants they share out; both sorted. */
export interface MemberView {
  members: string[]
  tenants: string[]
}

export interface Membership {
  view(): MemberView
  /** Deletes this instance's entry, so the others take its tenants over now rather than after `ttlMs`. */
  leave(): Promise<void>
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Joins the members; `onView` hears of the first view before this resolves, and of every change after it. */
export async function joinMembers(
  js: JetStreamClient,
  opts: MembershipOptions,
  onView: (view: MemberView) => void,
  log: (msg: string) => void,
): Promise<Membership> {
  const heartbeatMs = opts.heartbeatMs ?? 3_000
  const kv: KV = await openKvBucket(js, opts.bucket, {
    history: 1,
    replicas: opts.replicas ?? 1,
    ttl: opts.ttlMs ?? 10_000,
  })
  const entry = encoder.encode(JSON.stringify({ tenants: opts.tenants }))
  const alone: MemberView = { members: [opts.id], tenants: [...new Set(opts.tenants)].sort() }
  /** The last view handed over; none before the first read, so an instance never starts by taking every tenant. */
  let current: MemberView | undefined
  let readFailures = 0
  let left = false

  /** The bucket as it is now; this instance is a member whatever the bucket says (it is up, it follows tenants). */
  async function read(): Promise<MemberView> {
    const members = new Set([opts.id])
    const tenants = new Set(opts.tenants)
    for await (const key of await kv.keys()) {
      const e = await kv.get(key)
      if (!e || e.operation !== 'PUT') continue
      members.add(key)
      for (const t of (JSON.parse(decoder.decode(e.value)) as { tenants: string[] }).tenants) tenants.add(t)
    }
    return { members: [...members].sort(), tenants: [...tenants].sort() }
  }

  // One read at a time, and a change seen during a read asks for one more after it.
  let reading: Promise<void> | null = null
  let again = false
  const refresh = (): Promise<void> => {
    if (reading) {
      again = true
      return reading
    }
    reading = (async () => {
      do {
        again = false
        try {
          const next = await read()
          readFailures = 0
          if (JSON.stringify(next) !== JSON.stringify(current)) {
            current = next
            if (!left) onView(next)
          }
        } catch (err) {
          if (readFailures++ === 0) log(`reading the live members failed: ${(err as Error).message}`)
        }
      } while (again && !left)
    })().finally(() => (reading = null))
    return reading
  }

  await kv.put(opts.id, entry)
  await refresh()
  if (!current) onView((current = alone))
  const watch = await kv.watch({ include: KvWatchInclude.UpdatesOnly })
  void (async () => {
    for await (const _change of watch) void refresh()
  })().catch((err) => log(`watching the live members ended: ${(err as Error).message}`))
  let putFailures = 0
  const heartbeat = setInterval(() => {
    kv.put(opts.id, entry)
      .then(() => (putFailures = 0))
      .catch((err) => {
        // Once per outage: NATS down for a minute would otherwise log twenty lines.
        if (putFailures++ === 0) log(`renewing this live member failed: ${(err as Error).message}`)
      })
      .finally(() => void refresh())
  }, heartbeatMs)

  return {
    view: () => current ?? alone,
    async leave() {
      left = true
      clearInterval(heartbeat)
      watch.stop()
      await reading
      await kv.delete(opts.id).catch((err) => log(`leaving the live members failed: ${(err as Error).message}`))
    },
  }
}
