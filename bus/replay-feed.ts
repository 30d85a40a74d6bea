/**
 * One ordered consumer that replays a stream (or one subject filter of it) from a time and then carries on live:
 * how the live metrics and the live conversations services, whose state is memory rebuilt at each start, follow
 * the event stream. It knows when it has caught up with what the stream held when it started, so a service can
 * tell a half-replayed day from today.
 *
 * It re-creates its consumer itself. nats.js re-creates an ordered consumer after a nats-server restart (or missed
 * heartbeats) but then pulls only as many messages as its stale pending count leaves room for (as many as had been
 * delivered before) and stalls until its dead pull expires, 30 s later: found by the fault test that SIGKILLs the
 * managed nats-server, where the live conversations stopped at the kill (replay-feed.e2e.test.ts reproduces it).
 * So on a reset this feed closes the consumer and opens a new one after the last sequence it handled, retried with
 * backoff while NATS is away.
 */
import { DeliverPolicy, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream'
import { createYielder, retryWithBackoff, type ServiceContext } from '../core/index.js'
import { orderedConsumerFrom } from './ordered-consumer.js'

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

type FeedContext = Pick<ServiceContext, 'js' | 'jsm' | 'log'>

/** The sequence of the filter's last message if it is at or after `from`, else 0 (nothing to replay). */
async function lastToReplay(ctx: FeedContext, opts: FeedOptions): Promise<number> {
  if (!opts.filter) {
    const { state } = await ctx.jsm.streams.info(opts.stream)
    return state.messages === 0 || Date.parse(state.last_ts) < opts.from ? 0 : state.last_seq
  }
  // The stream keeps the last message of each subject; a wildcard filter works on nats-server 2.9 too.
  const lastMsg = await ctx.jsm.streams.getMessage(opts.stream, { last_by_subj: opts.filter })
  return lastMsg && lastMsg.time.getTime() >= opts.from ? lastMsg.seq : 0
}

/** `describe` names the feed in its log lines, e.g. "live metrics: the event stream". */
export async function startFeed(ctx: FeedContext, opts: FeedOptions, describe: string): Promise<Feed> {
  const last = await lastToReplay(ctx, opts)
  let caughtUp = last === 0
  let replayed = 0
  let stopped = false
  /** The stream sequence of the last message handled: a new consumer starts after it. */
  let handled = 0
  const filter = opts.filter && { filter_subjects: opts.filter }
  const open = async (): Promise<ConsumerMessages> => {
    const consumer = handled
      ? await ctx.js.consumers.get(opts.stream, {
          deliver_policy: DeliverPolicy.StartSequence,
          opt_start_seq: handled + 1,
          ...filter,
        })
      : await orderedConsumerFrom(ctx.js, ctx.jsm, opts)
    const messages = await consumer.consume({ max_messages: 512 })
    void (async () => {
      for await (const s of await messages.status()) if (s.type === 'reset') await messages.close()
    })().catch(() => {})
    return messages
  }
  let messages = await open()
  // Replaying a busy day takes seconds: in slices of ~50 ms, or NATS cuts the client off as a slow consumer.
  const maybeYield = createYielder(50)
  const loop = (async () => {
    while (!stopped) {
      try {
        for await (const msg of messages) {
          await opts.handle(msg, maybeYield)
          handled = msg.seq
          await maybeYield()
          if (caughtUp) continue
          replayed++
          if (msg.seq >= last) {
            caughtUp = true
            opts.onCaughtUp?.(replayed)
          }
        }
      } catch (err) {
        ctx.log(`${describe}: ${(err as Error).message}`)
      }
      if (stopped) return
      ctx.log(`${describe}: following again after sequence ${handled}`)
      messages = await retryWithBackoff(open, {
        what: `${describe}: a new consumer`,
        log: ctx.log,
        stopped: () => stopped,
      })
      // stop() closed the consumer before this one: close the one it never saw, or it pulls until NATS goes.
      if (stopped) await messages.close()
    }
  })().catch((err) => ctx.log(`${describe} ended: ${(err as Error).message}`))
  if (caughtUp) opts.onCaughtUp?.(0)
  return {
    get caughtUp() {
      return caughtUp
    },
    async stop() {
      stopped = true
      await messages.close()
      await loop
    },
  }
}
