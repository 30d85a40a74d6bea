/**
 * The replay window's memory: nonces and delivery ids seen in the last `windowMs`, per process. A signed timestamp
 * older than the window is refused by the adapter (stale), so a nonce only needs remembering for that long; a
 * replay that reaches another process of a cluster is still absorbed by ingest's dedup on the message id.
 */
import type { ReplayGuard } from './adapter.js'

export interface ReplayWindowOptions {
  /** How long a signed request stays acceptable, ms. Default 300 000 (five minutes, WeChat's and Slack's choice). */
  windowMs?: number
  /** Most keys remembered; the oldest are forgotten first beyond it. Default 100 000. */
  maxKeys?: number
}

export class ReplayWindow implements ReplayGuard {
  readonly windowMs: number
  private readonly maxKeys: number
  /** key → when it was first seen; a Map iterates in insertion order, so the oldest come first. */
  private readonly seenAt = new Map<string, number>()

  constructor(opts: ReplayWindowOptions = {}) {
    this.windowMs = opts.windowMs ?? 300_000
    this.maxKeys = opts.maxKeys ?? 100_000
  }

  seen(key: string, now: number): boolean {
    if (this.has(key, now)) return true
    this.seenAt.set(key, now)
    return false
  }

  /** Whether `key` was seen within the window, without recording it. */
  has(key: string, now: number): boolean {
    this.forget(now)
    return this.seenAt.has(key)
  }

  private forget(now: number): void {
    for (const [key, at] of this.seenAt) {
      if (at > now - this.windowMs && this.seenAt.size <= this.maxKeys) break
      this.seenAt.delete(key)
    }
  }
}
