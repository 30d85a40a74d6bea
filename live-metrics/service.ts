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
 */
import { DeliverPolicy, type StreamInfo } from '@nats-io/jetstream'
import { createYielder, type Service, type ServiceContext, type ServiceFactory } from '../core/index.js'
import { decodeEvents, wallPlanSubject, type WallPlan } from '../core/contracts/index.js'
import { readQaAlertMessage } from '../bus/index.js'
import { createLiveMetrics } from './engine.js'
import type { LiveMetricsOptions } from './options.js'
import { startAlarms, type AlarmOptions } from './alarms-runner.js'

export interface LiveServiceOptions extends LiveMetricsOptions {
  /** Longest gap between two snapshots of a tenant, ms. Default 1,000. */
  publishEveryMs?: number
  /** Shortest gap between change-driven snapshots, ms. Default 250. */
  minGapMs?: number
  /** Threshold alarms from the walls' and the group rules; absent = none. */
  alarms?: AlarmOptions
}

const encoder = new TextEncoder()

/** True when the stream holds nothing at or after `from` (ms): a replay from there has nothing to catch up on. */
const nothingSince = (info: StreamInfo, from: number) =>
  info.state.messages === 0 || Date.parse(info.state.last_ts) < from

export function liveMetricsService(opts: LiveServiceOptions = {}): ServiceFactory {
  return async (ctx: ServiceContext): Promise<Service> => {
    const { js, nats, topology, log } = ctx
    const engine = createLiveMetrics(opts)
    const dirty = new Set<string>()
    const watched = new Set<string>()
    const lastSent = new Map<string, number>()
    let replayed = 0
    let caughtUp = false
    let qaReplayed = 0
    let qaCaughtUp = false
    let qaBad = 0
    let plansBad = 0

    const alarms = opts.alarms && (await startAlarms(ctx, opts.alarms, (tenant) => dirty.add(tenant)))

    const publish = (tenant: string, now: number) => {
      const snap = engine.snapshot(tenant, now)
      alarms?.evaluate(snap, now, caughtUp && qaCaughtUp)
      nats.nc.publish(`${topology.liveSubject}.${tenant}`, encoder.encode(JSON.stringify(snap)))
      lastSent.set(tenant, now)
      dirty.delete(tenant)
    }
    const tick = setInterval(
      () => {
        if (!nats.isConnected()) return
        const now = Date.now()
        for (const tenant of engine.tenants()) {
          if (!watched.has(tenant)) {
            watched.add(tenant)
            engine.subscribe(tenant, () => dirty.add(tenant))
          }
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
          engine.setPlan(JSON.parse(decoder.decode(msg.data)) as WallPlan)
        } catch (err) {
          if (plansBad++ === 0)
            log(`live metrics: skipping unreadable plan on ${msg.subject}: ${(err as Error).message}`)
        }
      },
    })

    const from = engine.replayFrom(Date.now())
    const startAt = { deliver_policy: DeliverPolicy.StartTime, opt_start_time: new Date(from).toISOString() }
    const info = await ctx.jsm.streams.info(topology.eventStream)
    if (nothingSince(info, from)) caughtUp = true
    const qaInfo = await ctx.jsm.streams.info(topology.qaAlertStream)
    const consumer = await js.consumers.get(topology.eventStream, startAt)
    const messages = await consumer.consume({ max_messages: 512 })
    // Replaying a busy day takes seconds: in slices of ~50 ms, or NATS cuts the client off as a slow consumer.
    const maybeYield = createYielder(50)
    const loop = (async () => {
      for await (const msg of messages) {
        for (const e of decodeEvents(msg.data)) {
          engine.apply(e)
          await maybeYield()
        }
        if (!caughtUp) {
          replayed++
          if (msg.seq >= info.state.last_seq) {
            caughtUp = true
            log(`live metrics: rebuilt from ${replayed} messages since ${new Date(from).toISOString()}`)
          }
        }
      }
    })().catch((err) => log(`live metrics: stream ended: ${(err as Error).message}`))

    // QA results and alerts: replayed from the same start (today's results, alerts raised up to their ttl ago), then
    // live, in stream order. An alert raised again with ttl_ms 0, or past its ttl, stays cleared: the engine expires
    // it from its own ts and ttl, not from when it arrived.
    qaCaughtUp = nothingSince(qaInfo, from)
    const qaConsumer = await js.consumers.get(topology.qaAlertStream, startAt)
    const qaMessages = await qaConsumer.consume({ max_messages: 512 })
    const qaYield = createYielder(50)
    const qaLoop = (async () => {
      for await (const msg of qaMessages) {
        try {
          const m = readQaAlertMessage(topology, msg.subject, msg.data)
          if (m?.kind === 'qa') engine.applyQa(m.result)
          else if (m?.kind === 'alert') engine.raiseAlert(m.alert)
        } catch (err) {
          if (qaBad++ === 0)
            log(`live metrics: skipping unreadable ${msg.subject} #${msg.seq}: ${(err as Error).message}`)
        }
        await qaYield()
        if (!qaCaughtUp) {
          qaReplayed++
          if (msg.seq >= qaInfo.state.last_seq) {
            qaCaughtUp = true
            log(`live metrics: ${qaReplayed} QA results and alerts replayed since ${new Date(from).toISOString()}`)
          }
        }
      }
    })().catch((err) => log(`live metrics: QA and alerts stream ended: ${(err as Error).message}`))

    return {
      name: 'live_metrics',
      health: async () => ({
        ok: true,
        detail: {
          tenants: engine.tenants().length,
          rebuilt: (caughtUp || nothingSince(info, from)) && qaCaughtUp,
          qa_alerts_replayed: qaReplayed,
          qa_alerts_unreadable: qaBad,
          plans_unreadable: plansBad,
          dropped: engine.drops.snapshot(),
          ...(alarms && { alarms: alarms.health() }),
        },
      }),
      metrics: () => engine.drops.prometheus(),
      async stop() {
        clearInterval(tick)
        plans.unsubscribe()
        await Promise.all([messages.close(), qaMessages.close()])
        await Promise.all([loop, qaLoop])
        await alarms?.stop()
      },
    }
  }
}
