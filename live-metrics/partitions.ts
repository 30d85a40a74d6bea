/**
 * Partitioned live metrics (MOFANG_LIVE_PARTITIONING=kv): the live metrics instances that are up share the tenants
 * out. Membership is a NATS KV bucket (membership.ts), ownership rendezvous hashing over the members (ownership.ts),
 * so each instance works out on its own, from the same member list, which tenants it follows.
 *
 * An instance follows a tenant with its own ordered consumers (`<prefix>.<tenant>.>` on the event stream,
 * `<qaSubject>.<tenant>` and `<alertSubject>.<tenant>` on the QA stream: nats-server 2.9 takes one filter per
 * consumer), replayed from the start of today's window when it takes the tenant over, and publishes the tenant's
 * snapshots once that replay has caught up: a wall never sees a half-replayed day.
 *
 * The hand-over: the instance that loses a tenant keeps following and publishing it (but judges no alarms for it)
 * until a snapshot of that tenant from another instance appears on `<liveSubject>.<tenant>` (the header
 * LIVE_INSTANCE_HEADER tells whose), or `handoverMs` has passed; only then does it drop the tenant's state. So the
 * wall, which shows the newest snapshot it got, sees full snapshots throughout, for a moment from both instances.
 */
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import { headers, type MsgHdrs, type Subscription } from '@nats-io/transport-node'
import type { ServiceContext } from '../core/index.js'
import { startFeed, type Feed, type FeedOptions } from '../bus/index.js'
import { joinMembers, type MemberView } from './membership.js'
import { tenantsOf } from './ownership.js'

/** The header of each snapshot that names the live metrics instance that published it. */
export const LIVE_INSTANCE_HEADER = 'Mofang-Live-Instance'

export interface PartitionOptions {
  /** This instance's id among the members (letters, digits, `-`, `_`). Default `<host>-<pid>-<random>`. */
  instanceId?: string
  /** How often the instance renews its membership and reads the members again, ms. Default 3,000. */
  heartbeatMs?: number
  /** A member that stopped renewing counts as gone after this long, ms. Default 10,000. */
  ttlMs?: number
  /** Longest a lost tenant is still followed while its new owner replays, ms. Default 120,000. */
  handoverMs?: number
}

/** How the service applies what the feeds bring (service.ts). */
export interface FeedHandlers {
  events: FeedOptions['handle']
  qaAlerts: FeedOptions['handle']
}

/** What the live metrics service follows, and what it may publish and judge. */
export interface Following {
  /** The tenants whose snapshots are published now. */
  tenants(): Iterable<string>
  /** The tenant's replay has caught up and this instance owns it: its alarms may be judged. */
  settled(tenant: string): boolean
  /** This instance owns the tenant (its plans are kept, its alarm acknowledgements answered). */
  owns(tenant: string): boolean
  /** Everything this instance owns has been replayed. */
  rebuilt(): boolean
  /** Headers of each published snapshot. */
  readonly snapshotHeaders?: MsgHdrs
  health(): Record<string, unknown>
  stop(): Promise<void>
}

interface Followed {
  feeds: Feed[]
  /** Set while another instance takes the tenant over. */
  handover?: { sub: Subscription; timer: NodeJS.Timeout }
}

/** A default instance id: unique enough, and readable in the members bucket. */
const defaultInstanceId = () =>
  `${hostname().replace(/[^A-Za-z0-9_-]/g, '_')}-${process.pid}-${randomBytes(3).toString('hex')}`

export async function followOwnTenants(
  ctx: ServiceContext,
  opts: PartitionOptions,
  apply: FeedHandlers & {
    /** The tenant's replay starts now: from where (ms). */
    replayFrom(): number
    /** The tenant is taken over: its replay starts next. */
    taken(tenant: string): void
    /** The tenant was handed over and its state must go. */
    forget(tenant: string): void
  },
): Promise<Following> {
  const { topology, nats, log } = ctx
  const id = opts.instanceId ?? defaultInstanceId()
  const followed = new Map<string, Followed>()
  let owned = new Set<string>()
  let view: MemberView = { members: [id], tenants: [] }
  const snapshotHeaders = headers()
  snapshotHeaders.set(LIVE_INSTANCE_HEADER, id)

  const takeOver = async (tenant: string) => {
    apply.taken(tenant)
    const from = apply.replayFrom()
    const feed = (stream: string, filter: string, handle: FeedOptions['handle']) =>
      startFeed(ctx, { stream, filter, from, handle }, `live metrics: the feed of ${filter}`)
    const started = await Promise.allSettled([
      feed(topology.eventStream, `${topology.prefix}.${tenant}.>`, apply.events),
      feed(topology.qaAlertStream, `${topology.qaSubject}.${tenant}`, apply.qaAlerts),
      feed(topology.qaAlertStream, `${topology.alertSubject}.${tenant}`, apply.qaAlerts),
    ])
    const feeds = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    const failed = started.find((r) => r.status === 'rejected')
    if (failed) {
      // All three or none: the next try starts them again, and none of this try may go on running.
      await Promise.all(feeds.map((f) => f.stop()))
      throw failed.reason
    }
    followed.set(tenant, { feeds })
    log(`live metrics: following tenant ${tenant}, replayed from ${new Date(from).toISOString()}`)
  }

  const drop = async (tenant: string, f: Followed) => {
    if (followed.get(tenant) !== f || !f.handover) return // taken back meanwhile
    endHandover(f)
    followed.delete(tenant)
    await Promise.all(f.feeds.map((feed) => feed.stop()))
    apply.forget(tenant)
    log(`live metrics: tenant ${tenant} handed over`)
  }
  const endHandover = (f: Followed) => {
    if (!f.handover) return
    f.handover.sub.unsubscribe()
    clearTimeout(f.handover.timer)
    delete f.handover
  }
  const handOver = (tenant: string, f: Followed) => {
    const later = () => void enqueue(() => drop(tenant, f))
    const sub = nats.nc.subscribe(`${topology.liveSubject}.${tenant}`, {
      callback: (_err, msg) => {
        const from = msg.headers?.get(LIVE_INSTANCE_HEADER)
        if (from && from !== id) later()
      },
    })
    f.handover = { sub, timer: setTimeout(later, opts.handoverMs ?? 120_000) }
  }

  let retry: NodeJS.Timeout | undefined
  let stopped = false
  const reconcile = async (next: MemberView) => {
    if (stopped) return
    view = next
    owned = new Set(tenantsOf(id, next.tenants, next.members))
    for (const [tenant, f] of followed) if (!owned.has(tenant) && !f.handover) handOver(tenant, f)
    for (const tenant of owned) {
      const f = followed.get(tenant)
      if (f) endHandover(f)
      else
        await takeOver(tenant).catch((err) => {
          // The members may not change again for hours: try again after a heartbeat rather than never.
          log(`live metrics: taking tenant ${tenant} over failed, trying again: ${(err as Error).message}`)
          clearTimeout(retry)
          retry = setTimeout(() => void enqueue(() => reconcile(view)), opts.heartbeatMs ?? 3_000)
        })
    }
  }

  // One change of ownership at a time, in the order they were seen.
  let queue = Promise.resolve()
  const enqueue = (step: () => Promise<void>) =>
    (queue = queue.then(step).catch((err) => log(`live metrics: rebalancing failed: ${(err as Error).message}`)))

  const membership = await joinMembers(
    ctx.js,
    {
      bucket: topology.liveMembersBucket,
      id,
      tenants: [...new Set(ctx.apiKeys.values())],
      replicas: ctx.config.natsReplicas,
      heartbeatMs: opts.heartbeatMs,
      ttlMs: opts.ttlMs,
    },
    (next) => void enqueue(() => reconcile(next)),
    (msg) => log(`live metrics: ${msg}`),
  )
  // The first view's tenants are taken over (their replays started) before the service counts as started.
  await queue
  const caughtUp = (tenant: string) => followed.get(tenant)?.feeds.every((f) => f.caughtUp) ?? false

  return {
    tenants: () => [...followed.keys()].filter(caughtUp),
    settled: (tenant) => owned.has(tenant) && caughtUp(tenant),
    owns: (tenant) => owned.has(tenant),
    rebuilt: () => [...owned].every(caughtUp),
    snapshotHeaders,
    health: () => ({
      instance: id,
      members: view.members,
      owned: [...owned].sort(),
      handing_over: [...followed].filter(([, f]) => f.handover).map(([tenant]) => tenant),
    }),
    async stop() {
      stopped = true
      await membership.leave()
      await queue
      clearTimeout(retry)
      for (const f of followed.values()) endHandover(f)
      await Promise.all([...followed.values()].flatMap((f) => f.feeds.map((feed) => feed.stop())))
      followed.clear()
    },
  }
}
