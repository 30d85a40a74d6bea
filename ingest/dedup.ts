/**
 * The ingest-side duplicate window: a client-supplied event_id seen again within the window is
 * absorbed (answered as a duplicate, not published again), but only once it is durably stored.
 *
 * Each request claims the ids it publishes with one `PublishClaim`. A repeat of an id whose claim
 * is still publishing (a client that timed out and retried while the first request waits for
 * JetStream) joins that claim: it waits for it to settle and asks again, so it is answered as a
 * duplicate only if the first publish was acknowledged, and publishes the event itself if not.
 * A publish JetStream refused releases its ids before its claim settles. A publish whose ack never came
 * (a timeout, a dropped connection) may be stored all the same: its ids stay held, with the message as it was
 * sent, and a retry republishes that very message (same Nats-Msg-Id), which JetStream drops if it has it; so a
 * retry never stores an event twice by packing it differently.
 *
 * Time-bucketed maps expire cheaply; a cap on entries bounds memory under extreme load by
 * dropping the oldest bucket early (the window shrinks, it never grows).
 */
import type { EventMessage } from './publish.js'

export interface DedupWindowOptions {
  /** Window length, seconds. */
  windowSeconds: number
  /** Most remembered ids before the oldest bucket is dropped early. Default 4,000,000. */
  maxEntries?: number
}

/** One request's publish of the ids it claimed: settled once JetStream has answered for all of them. */
export class PublishClaim {
  settled = false
  /** Ids whose message JetStream may or may not hold (no ack came), with that message, to be republished as it is. */
  readonly uncertain = new Map<string, EventMessage>()
  readonly done: Promise<void>
  private resolve!: () => void
  constructor() {
    this.done = new Promise((r) => (this.resolve = r))
  }
  /** Call after releasing the ids whose publish failed: the ids still held are now stored. */
  settle(): void {
    this.settled = true
    this.resolve()
  }
}

/** A held id whose earlier publish is uncertain: republish `message` as it is (see PublishClaim.uncertain). */
export interface Republish {
  message: EventMessage
}

/**
 * `new`: the caller's claim now holds the id; `stored`: a duplicate of a stored event; a claim: wait for it,
 * then ask again; a Republish: the caller's claim now holds the id, and must republish that message.
 */
export type ClaimResult = 'new' | 'stored' | PublishClaim | Republish

const BUCKETS = 12

export class DedupWindow {
  private readonly buckets: { start: number; ids: Map<string, PublishClaim> }[] = []
  private readonly bucketMs: number
  private readonly maxEntries: number
  private size = 0

  constructor(opts: DedupWindowOptions) {
    this.bucketMs = Math.max(1, Math.ceil((opts.windowSeconds * 1000) / BUCKETS))
    this.maxEntries = opts.maxEntries ?? 4_000_000
  }

  /** Claims `key` for `claim` unless the window holds it already (stored, or being published by another claim). */
  claim(key: string, claim: PublishClaim, now = Date.now()): ClaimResult {
    this.expire(now)
    for (const b of this.buckets) {
      const holder = b.ids.get(key)
      if (!holder) continue
      if (holder === claim) return 'new'
      if (!holder.settled) return holder
      const message = holder.uncertain.get(key)
      if (!message) return 'stored'
      b.ids.set(key, claim)
      return { message }
    }
    let head = this.buckets[this.buckets.length - 1]
    if (!head || now - head.start >= this.bucketMs) {
      head = { start: now, ids: new Map() }
      this.buckets.push(head)
    }
    head.ids.set(key, claim)
    this.size++
    return 'new'
  }

  /** Makes `claim` the holder of a key it republishes (the other ids of an uncertain message). */
  adopt(key: string, claim: PublishClaim, now = Date.now()): void {
    for (const b of this.buckets) {
      if (b.ids.has(key)) return void b.ids.set(key, claim)
    }
    this.claim(key, claim, now)
  }

  /** Gives up `claim`'s hold on a key whose publish failed, so a retry publishes it again. */
  release(key: string, claim: PublishClaim): void {
    for (const b of this.buckets) {
      if (b.ids.get(key) === claim) {
        b.ids.delete(key)
        this.size--
      }
    }
  }

  private expire(now: number): void {
    const horizon = now - this.bucketMs * BUCKETS
    while (this.buckets.length && (this.buckets[0].start < horizon || this.size > this.maxEntries)) {
      this.size -= this.buckets.shift()!.ids.size
    }
  }
}
