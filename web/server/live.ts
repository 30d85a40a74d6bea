/**
 * Server-Sent Events for the walls. One broadcaster per tenant computes the
 * snapshot once per push and writes it to every screen of that tenant: on change
 * (at most every `minPushMs`) and at least every `heartbeatMs`, so clients can
 * tell a quiet contact centre from a dead connection by `as_of`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Snapshot } from '../../core/contracts/index.js'
import { EVENT_STREAM_HEADERS } from '../../kits/http/index.js'

export interface LiveOptions {
  getSnapshot(tenant: string): Snapshot
  subscribe(tenant: string, onChange: () => void): () => void
  /** Longest gap between two messages, ms. */
  heartbeatMs: number
  /** Shortest gap between two messages caused by changes, ms. */
  minPushMs: number
  /** Reconnect delay suggested to EventSource, ms. */
  retryMs: number
  onError(err: unknown): void
}

interface Client {
  res: ServerResponse
  /** The socket buffer is full: skip messages until it drains (a newer snapshot supersedes them anyway). */
  blocked: boolean
}

interface Broadcaster {
  clients: Set<Client>
  unsubscribe: () => void
  timer: NodeJS.Timeout
  pending: NodeJS.Timeout | null
  lastSent: number
  seq: number
}

export class LiveHub {
  private readonly tenants = new Map<string, Broadcaster>()

  constructor(private readonly opts: LiveOptions) {}

  open(tenant: string, req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, EVENT_STREAM_HEADERS)
    res.write(`retry: ${this.opts.retryMs}\n\n`)
    req.socket.setNoDelay(true)
    const client: Client = { res, blocked: false }
    res.on('drain', () => (client.blocked = false))
    const b = this.broadcaster(tenant)
    b.clients.add(client)
    // Resume the id sequence the client remembers, so ids keep increasing across reconnects.
    const lastId = Number(req.headers['last-event-id'])
    if (Number.isFinite(lastId) && lastId > b.seq) b.seq = lastId
    this.sendTo(tenant, b, [client])
    const close = () => {
      b.clients.delete(client)
      if (b.clients.size === 0) this.stop(tenant, b)
    }
    req.on('close', close)
    res.on('error', close)
  }

  /** Ends every stream (server shutdown). */
  closeAll(): void {
    for (const [tenant, b] of this.tenants) {
      for (const c of b.clients) c.res.end()
      this.stop(tenant, b)
    }
  }

  get connections(): number {
    let n = 0
    for (const b of this.tenants.values()) n += b.clients.size
    return n
  }

  private broadcaster(tenant: string): Broadcaster {
    const b = this.tenants.get(tenant)
    if (b) return b
    const created: Broadcaster = {
      clients: new Set(),
      seq: 0,
      lastSent: 0,
      pending: null,
      unsubscribe: () => {},
      timer: setInterval(
        () => {
          if (Date.now() - created.lastSent >= this.opts.heartbeatMs - 50) this.sendTo(tenant, created, created.clients)
        },
        Math.max(100, Math.floor(this.opts.heartbeatMs / 4)),
      ),
    }
    created.unsubscribe = this.opts.subscribe(tenant, () => this.changed(tenant, created))
    this.tenants.set(tenant, created)
    return created
  }

  private changed(tenant: string, b: Broadcaster): void {
    if (b.pending) return
    const wait = Math.max(0, b.lastSent + this.opts.minPushMs - Date.now())
    b.pending = setTimeout(() => {
      b.pending = null
      this.sendTo(tenant, b, b.clients)
    }, wait)
  }

  private sendTo(tenant: string, b: Broadcaster, clients: Iterable<Client>): void {
    let message: string
    try {
      const snap = this.opts.getSnapshot(tenant)
      message = `id: ${++b.seq}\nevent: snapshot\ndata: ${JSON.stringify(snap)}\n\n`
    } catch (err) {
      this.opts.onError(err)
      return
    }
    // Only a message to everyone resets the heartbeat clock; a greeting to one new screen does not.
    if (clients === b.clients) b.lastSent = Date.now()
    for (const c of clients) {
      if (c.blocked) continue
      if (!c.res.write(message)) c.blocked = true
    }
  }

  private stop(tenant: string, b: Broadcaster): void {
    clearInterval(b.timer)
    if (b.pending) clearTimeout(b.pending)
    b.unsubscribe()
    this.tenants.delete(tenant)
  }
}
