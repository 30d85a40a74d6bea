/**
 * One ordered consumer that replays a stream (or one subject filter of it) from `from` and then carries on live: the
 * live metrics service's way in (service.ts says why ordered consumers). It knows when it has caught up with what the
 * stream held when it started, so the service can tell a half-replayed day from today.
 */
import { DeliverPolicy, type JsMsg } from '@nats-io/jetstream'
import { createYielder, type ServiceContext } from '../core/index.js'

export interface FeedOptions {
  stream: string
  /** One subject filter (nats-server 2.9: one per consumer); absent = the whole stream. */
  filter?: string
  /** Replay from this time, ms since the epoch. */
  from: number
  /** Applies one message; call `maybeYield` between expensive steps so a long replay gives the event loop back. */
  handle(msg: JsMsg, maybeYield: () => Promise<void>): void | Promise<void>
  /** Called once, when the messages the stream held at the start are applied, with how many there were. */
  onCaughtUp?(replayed: number): void
}

export interface Feed {
  /** Everything the stream held (for the filter) at the start has been applied. */
  readonly caughtUp: boolean
  stop(): Promise<void>
}

/** The sequence of the filter's last message if it is at or after `from`, else 0 (nothing to replay). */
async function lastToReplay(ctx: ServiceContext, opts: FeedOptions): Promise<number> {
  if (!opts.filter) {
    const { state } = await ctx.jsm.streams.info(opts.stream)
    return state.messages === 0 || Date.parse(state.last_ts) < opts.from ? 0 : state.last_seq
  }
  // The stream keeps the last message of each subject; a wildcard filter works on nats-server 2.9 too.
  const lastMsg = await ctx.jsm.streams.getMessage(opts.stream, { last_by_subj: opts.filter })
  return lastMsg && lastMsg.time.getTime() >= opts.from ? lastMsg.seq : 0
}

export async function startFeed(ctx: ServiceContext, opts: FeedOptions, describe: string): Promise<Feed> {
  const last = await lastToReplay(ctx, opts)
  let caughtUp = last === 0
  let replayed = 0
  const consumer = await ctx.js.consumers.get(opts.stream, {
    deliver_policy: DeliverPolicy.StartTime,
    opt_start_time: new Date(opts.from).toISOString(),
    ...(opts.filter && { filter_subjects: opts.filter }),
  })
  const messages = await consumer.consume({ max_messages: 512 })
  // Replaying a busy day takes seconds: in slices of ~50 ms, or NATS cuts the client off as a slow consumer.
  const maybeYield = createYielder(50)
  const loop = (async () => {
    for await (const msg of messages) {
      await opts.handle(msg, maybeYield)
      await maybeYield()
      if (caughtUp) continue
      replayed++
      if (msg.seq >= last) {
        caughtUp = true
        opts.onCaughtUp?.(replayed)
      }
    }
  })().catch((err) => ctx.log(`live metrics: ${describe} ended: ${(err as Error).message}`))
  if (caughtUp) opts.onCaughtUp?.(0)
  return {
    get caughtUp() {
      return caughtUp
    },
    async stop() {
      await messages.close()
      await loop
    },
  }
}
