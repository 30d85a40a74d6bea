/**
 * The live metrics service: feeds the engine from the event stream and publishes
 * each tenant's snapshot on NATS (`<liveSubject>.<tenant>`) at least every second
 * and within 250 ms of a change, for the wallboard servers.
 *
 * After a restart it rebuilds instead of showing zeros: an ordered consumer
 * replays the stream from the start of the contact centre's day, then carries on
 * live with the same consumer. QA results and alerts come the same way from their
 * own stream (bus/qa-alerts.ts), from the same start, so today's QA average,
 * flagged share and the alerts still on the board are rebuilt too.
 *
 * Why ordered consumers and not durable ones: the engine is memory, empty at each
 * start, so each start must read the whole retained window again, not resume where
 * a durable left off; each instance needs every message (several wallboard servers
 * would split a shared durable's messages); and the engine needs stream order (an
 * alert raised, then raised again or cleared with the same id, must end the same
 * way as live). An ordered consumer is all that, server-side state-free, and
 * re-created by the client from the last sequence on a gap.
 *
 * The forecast service's plans (today's forecast and shifts, core NATS `<ns>_live.plan.<tenant>`, re-sent every
 * minute) are kept per tenant and merged into the snapshot with each agent's schedule adherence.
 *
 * With `alarms`, each snapshot is also judged against the tenant's threshold alarm rules (alarms-runner.ts).
 *
 * Alone (the default), the instance follows every tenant with one consumer per stream. With `partitions`
 * (MOFANG_LIVE_PARTITIONING=kv) the instances that are up share the tenants out, each following its own with
 * per-tenant consumers (partitions.ts); the wallboard servers take each tenant's snapshots from whichever publishes.
 */
import type { Service, ServiceContext, ServiceFactory } from '../core/index.js'
import { wallPlanSubject, type WallPlan } from '../core/contracts/index.js'
import { decodeStreamEvents, readQaAlertMessage, startFeed } from '../bus/index.js'
import { createLiveMetrics, type LiveMetrics } from './engine.js'
import type { LiveMetricsOptions } from './options.js'
import { startAlarms, type AlarmOptions } from './alarms-runner.js'
import { followOwnTenants, type FeedHandlers, type Following, type PartitionOptions } from './partitions.js'

export interface LiveServiceOptions extends LiveMetricsOptions {
  /** Longest gap between two snapshots of a tenant, ms. Default 1,000. */
  publishEveryMs?: number
  /** Shortest gap between change-driven snapshots, ms. Default 250. */
  minGapMs?: number
  /** Threshold alarms from the walls' and the group rules; absent = none. */
  alarms?: AlarmOptions
  /** Share the tenants out with the other live metrics instances (partitions.ts); absent = follow every tenant. */
  partitions?: PartitionOptions
}

const encoder = new TextEncoder()

/** Every tenant, from one consumer over the event stream and one over the QA stream. */
async function followEverything(ctx: ServiceContext, engine: LiveMetrics, apply: FeedHandlers): Promise<Following> {
  const { topology, log } = ctx
  const from = engine.replayFrom(Date.now())
  const since = new Date(from).toISOString()
  const events = await startFeed(
    ctx,
    {
      stream: topology.eventStream,
      from,
      handle: apply.events,
      onCaughtUp: (n) => n && log(`live metrics: rebuilt from ${n} messages since ${since}`),
    },
    'live metrics: the event stream',
  )
  // QA results and alerts: replayed from the same start (today's results, alerts raised up to their ttl ago), then
  // live, in stream order. An alert raised again with ttl_ms 0, or past its ttl, stays cleared: the engine expires
  // it from its own ts and ttl, not from when it arrived.
  const qa = await startFeed(
    ctx,
    {
      stream: topology.qaAlertStream,
      from,
      handle: apply.qaAlerts,
      onCaughtUp: (n) => n && log(`live metrics: ${n} QA results and alerts replayed since ${since}`),
    },
    'live metrics: the QA and alerts stream',
  )
  const rebuilt = () => events.caughtUp && qa.caughtUp
  return {
    tenants: () => engine.tenants(),
    settled: rebuilt,
    owns: () => true,
    rebuilt,
    health: () => ({}),
    stop: async () => void (await Promise.all([events.stop(), qa.stop()])),
  }
}

export function liveMetricsService(opts: LiveServiceOptions = {}): ServiceFactory {
  return async (ctx: ServiceContext): Promise<Service> => {
    const { nats, topology, log } = ctx
    const engine = createLiveMetrics(opts)
    const dirty = new Set<string>()
    const watched = new Map<string, () => void>()
    const lastSent = new Map<string, number>()
    let qaBad = 0
    let plansBad = 0
    /**
     * With partitions, a tenant's active alarms are read back when its replay has caught up, before it is judged here
     * for the first time: another instance may have raised or ended some since this one started.
     */
    const alarmsTaken = new Map<string, 'reading' | 'ready'>()
    // The newest plan of every tenant, so a tenant taken over shows its plan at once, not after the next re-send.
    const plansByTenant = new Map<string, WallPlan>()
    const handlers: FeedHandlers = {
      async events(msg, maybeYield) {
        for (const e of decodeStreamEvents(msg)) {
          engine.apply(e)
          await maybeYield()
        }
      },
      qaAlerts(msg) {
        try {
          const m = readQaAlertMessage(topology, msg.subject, msg.data)
          if (m?.kind === 'qa') engine.applyQa(m.result)
          else if (m?.kind === 'alert') engine.raiseAlert(m.alert)
        } catch (err) {
          if (qaBad++ === 0)
            log(`live metrics: skipping unreadable ${msg.subject} #${msg.seq}: ${(err as Error).message}`)
        }
      },
    }
    const following = await (opts.partitions
      ? followOwnTenants(ctx, opts.partitions, {
          ...handlers,
          replayFrom: () => engine.replayFrom(Date.now()),
          taken(tenant) {
            const plan = plansByTenant.get(tenant)
            if (plan) engine.setPlan(plan)
          },
          forget(tenant) {
            engine.forget(tenant)
            watched.get(tenant)?.()
            watched.delete(tenant)
            lastSent.delete(tenant)
            dirty.delete(tenant)
            alarmsTaken.delete(tenant)
          },
        })
      : followEverything(ctx, engine, handlers))

    // Nothing is judged before the active alarms are read back; a start that fails there is retried, and the feeds
    // of this try must not outlive it.
    const alarms =
      opts.alarms &&
      (await startAlarms(ctx, opts.alarms, (tenant) => dirty.add(tenant), following.owns).catch(
        async (err: unknown) => {
          await following.stop()
          throw err
        },
      ))

    const judging = (tenant: string) => {
      if (!following.settled(tenant)) return false
      if (!alarms || !opts.partitions || alarmsTaken.get(tenant) === 'ready') return true
      if (!alarmsTaken.has(tenant)) {
        alarmsTaken.set(tenant, 'reading')
        alarms.takeOver(tenant).then(
          () => alarmsTaken.get(tenant) && alarmsTaken.set(tenant, 'ready'),
          (err: unknown) => {
            alarmsTaken.delete(tenant) // tried again with the next snapshot
            log(`live metrics: reading the alarms of ${tenant} back failed: ${(err as Error).message}`)
          },
        )
      }
      return false
    }
    const publish = (tenant: string, now: number) => {
      const snap = engine.snapshot(tenant, now)
      alarms?.evaluate(snap, now, judging(tenant))
      nats.nc.publish(`${topology.liveSubject}.${tenant}`, encoder.encode(JSON.stringify(snap)), {
        headers: following.snapshotHeaders,
      })
      lastSent.set(tenant, now)
      dirty.delete(tenant)
    }
    const tick = setInterval(
      () => {
        if (!nats.isConnected()) return
        const now = Date.now()
        for (const tenant of following.tenants()) {
          if (!watched.has(tenant))
            watched.set(
              tenant,
              engine.subscribe(tenant, () => dirty.add(tenant)),
            )
          const since = now - (lastSent.get(tenant) ?? 0)
          if (since >= (opts.publishEveryMs ?? 1_000) || (dirty.has(tenant) && since >= (opts.minGapMs ?? 250)))
            publish(tenant, now)
        }
      },
      Math.min(opts.minGapMs ?? 250, 250),
    )

    const decoder = new TextDecoder()
    const plans = nats.nc.subscribe(wallPlanSubject(topology, '*'), {
      callback: (_err, msg) => {
        try {
          const plan = JSON.parse(decoder.decode(msg.data)) as WallPlan
          plansByTenant.set(plan.tenant, plan)
          if (following.owns(plan.tenant)) engine.setPlan(plan)
        } catch (err) {
          if (plansBad++ === 0)
            log(`live metrics: skipping unreadable plan on ${msg.subject}: ${(err as Error).message}`)
        }
      },
    })

    return {
      name: 'live_metrics',
      health: async () => ({
        ok: true,
        detail: {
          tenants: engine.tenants().length,
          interactions: engine.held(),
          rebuilt: following.rebuilt(),
          qa_alerts_unreadable: qaBad,
          plans_unreadable: plansBad,
          dropped: engine.drops.snapshot(),
          ...following.health(),
          ...(alarms && { alarms: alarms.health() }),
        },
      }),
      metrics: () => engine.drops.prometheus(),
      async stop() {
        clearInterval(tick)
        plans.unsubscribe()
        await following.stop()
        await alarms?.stop()
      },
    }
  }
}
