/**
 * The live feed: an EventSource on /api/live that keeps the latest snapshot,
 * and a ticking clock so "data as of" and staleness update without new data.
 * EventSource reconnects by itself (the server sends `retry:`); when the server
 * refuses us (401) it closes, and we ask /api/me why.
 */
import type { Snapshot } from '../../../../core/contracts/index.js'

export type AuthProblem = 'login' | 'bad_token' | null

export class LiveFeed {
  snapshot = $state<Snapshot | null>(null)
  open = $state(false)
  /** Client time when the last message arrived. */
  receivedAt = $state(0)
  now = $state(Date.now())
  auth = $state<AuthProblem>(null)
  readonly staleMs: number
  private source: EventSource | null = null
  private timers: ReturnType<typeof setInterval>[] = []

  constructor(
    private readonly token: string | undefined,
    staleS: number,
  ) {
    this.staleMs = staleS * 1000
  }

  /** Seconds since the last message (0 before the first). */
  get ageS(): number {
    return this.receivedAt ? Math.max(0, Math.round((this.now - this.receivedAt) / 1000)) : 0
  }

  /** No live connection, or no message for longer than the stale limit. */
  get lost(): boolean {
    return this.snapshot !== null && (!this.open || this.now - this.receivedAt > this.staleMs)
  }

  apiUrl(path: string): string {
    return this.token ? `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(this.token)}` : path
  }

  start(): void {
    this.stop()
    this.auth = null
    const es = new EventSource(this.apiUrl('/api/live'))
    this.source = es
    es.addEventListener('snapshot', (e) => {
      this.snapshot = JSON.parse((e as MessageEvent<string>).data) as Snapshot
      this.receivedAt = Date.now()
      this.open = true
    })
    es.onopen = () => (this.open = true)
    es.onerror = () => {
      this.open = false
      if (es.readyState === EventSource.CLOSED) void this.diagnose()
    }
    this.timers.push(setInterval(() => (this.now = Date.now()), 500))
  }

  stop(): void {
    this.source?.close()
    this.source = null
    for (const t of this.timers) clearInterval(t)
    this.timers = []
  }

  /** The stream was closed for good: a refusal means sign in (or fix the token); anything else, try again. */
  private async diagnose(): Promise<void> {
    const res = await fetch(this.apiUrl('/api/me')).catch(() => null)
    if (res?.status === 401) {
      this.stop()
      this.auth = this.token ? 'bad_token' : 'login'
      return
    }
    setTimeout(() => this.source?.readyState === EventSource.CLOSED && this.start(), 3000)
  }
}
