/**
 * The live metrics service: feeds the engine from the event stream and publishes
 * each tenant's snapshot on NATS (`<liveSubject>.<tenant>`) at least every second
 * and within 250 ms of a change, for the wallboard servers.
 *
 * After a restart it rebuilds instead of showing zeros: an ordered consumer
 * replays the stream from the start of the contact centre's day, then carries on
 * live with the same consumer. QA results and alerts arrive on their own subjects.
 */
import { DeliverPolicy } from '@nats-io/jetstream'
import { createYielder, type Service, type ServiceContext, type ServiceFactory } from '../core/index.js'
import { decodeEvents, type AlertInput, type QaResultInput } from '../core/contracts/index.js'
import { createLiveMetrics } from './engine.js'
import type { LiveMetricsOptions } from './options.js'

export interface LiveServiceOptions extends LiveMetricsOptions {
  /** Longest gap between two snapshots of a tenant, ms. Default 1,000. */
  publishEveryMs?: number
  /** Shortest gap between change-driven snapshots, ms. Default 250. */
  minGapMs?: number
}

const decoder = new TextDecoder()
const encoder = new TextEncoder()

export function liveMetricsService(opts: LiveServiceOptions = {}): ServiceFactory {
  return async (ctx: ServiceContext): Promise<Service> => {
    const { js, nats, topology, log } = ctx
    const engine = createLiveMetrics(opts)
    const dirty = new Set<string>()
    const watched = new Set<string>()
    const lastSent = new Map<string, number>()
    let replayed = 0
    let caughtUp = false

    const publish = (tenant: string, now: number) => {
      nats.nc.publish(`${topology.liveSubject}.${tenant}`, encoder.encode(JSON.stringify(engine.snapshot(tenant, now))))
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

    const from = engine.replayFrom(Date.now())
    const info = await ctx.jsm.streams.info(topology.eventStream)
    const consumer = await js.consumers.get(topology.eventStream, {
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: new Date(from).toISOString(),
    })
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

    const subs = [
      nats.nc.subscribe(`${topology.qaSubject}.*`, {
        callback: (_e, m) => m && engine.applyQa(JSON.parse(decoder.decode(m.data)) as QaResultInput),
      }),
      nats.nc.subscribe(`${topology.alertSubject}.*`, {
        callback: (_e, m) => m && engine.raiseAlert(JSON.parse(decoder.decode(m.data)) as AlertInput),
      }),
    ]

    return {
      name: 'live_metrics',
      health: async () => ({
        ok: true,
        detail: {
          tenants: engine.tenants().length,
          rebuilt: caughtUp || info.state.messages === 0,
          dropped: engine.drops.snapshot(),
        },
      }),
      metrics: () => engine.drops.prometheus(),
      async stop() {
        clearInterval(tick)
        subs.forEach((s) => s.unsubscribe())
        await messages.close()
        await loop
      },
    }
  }
}
