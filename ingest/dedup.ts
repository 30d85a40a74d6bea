/**
 * The ingest-side duplicate window: a client-supplied event_id seen again within
 * the window is absorbed (answered as a duplicate, not published again).
 * Time-bucketed sets expire cheaply; a cap on entries bounds memory under extreme
 * load by dropping the oldest bucket early (the window shrinks, it never grows).
 */
export interface DedupWindowOptions {
  /** Window length, seconds. */
  windowSeconds: number
  /** Most remembered ids before the oldest bucket is dropped early. Default 4,000,000. */
  maxEntries?: number
}

const BUCKETS = 12

export class DedupWindow {
  private readonly buckets: { start: number; ids: Set<string> }[] = []
  private readonly bucketMs: number
  private readonly maxEntries: number
  private size = 0

  constructor(opts: DedupWindowOptions) {
    this.bucketMs = Math.max(1, Math.ceil((opts.windowSeconds * 1000) / BUCKETS))
    this.maxEntries = opts.maxEntries ?? 4_000_000
  }

  /** True when `key` was already seen in the window; otherwise remembers it. */
  seen(key: string, now = Date.now()): boolean {
    this.expire(now)
    for (const b of this.buckets) if (b.ids.has(key)) return true
    let head = this.buckets[this.buckets.length - 1]
    if (!head || now - head.start >= this.bucketMs) {
      head = { start: now, ids: new Set() }
      this.buckets.push(head)
    }
    head.ids.add(key)
    this.size++
    return false
  }

  /** Forgets a key, e.g. when the publish of its event failed and the client will retry. */
  forget(key: string): void {
    for (const b of this.buckets) if (b.ids.delete(key)) this.size--
  }

  private expire(now: number): void {
    const horizon = now - this.bucketMs * BUCKETS
    while (this.buckets.length && (this.buckets[0].start < horizon || this.size > this.maxEntries)) {
      this.size -= this.buckets.shift()!.ids.size
    }
  }
}
