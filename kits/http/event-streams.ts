/**
 * Server-sent events for the API's live routes (alarms, live conversations, agent assist): the headers that keep
 * proxies from buffering, the client's reconnect delay, a keep-alive comment so a quiet stream is not closed by a
 * proxy, and the set of open streams that a server shutdown ends.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

export const EVENT_STREAM_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // Tells nginx-style proxies not to buffer the stream.
  'x-accel-buffering': 'no',
} as const

export interface EventStreamsOptions {
  /** How often a comment line keeps a quiet stream open, ms. Default 15,000. */
  keepaliveMs?: number
  /** How long a client waits before reconnecting, ms (the stream's `retry:`). Default 2,000. */
  retryMs?: number
}

/** Writes one named event whose data is the JSON of `data`. */
export type SendEvent = (event: string, data: unknown) => void

export class EventStreams {
  private readonly open = new Set<ServerResponse>()

  constructor(private readonly opts: EventStreamsOptions = {}) {}

  /**
   * Starts a stream on `res` and returns its writer; `onClose` runs once, when the client goes (unsubscribe there:
   * it may name a subscription made after this call, since a client cannot go before the handler returns).
   */
  start(req: IncomingMessage, res: ServerResponse, onClose: () => void): SendEvent {
    res.writeHead(200, EVENT_STREAM_HEADERS)
    res.write(`retry: ${this.opts.retryMs ?? 2_000}\n\n`)
    this.open.add(res)
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), this.opts.keepaliveMs ?? 15_000)
    let closed = false
    const close = () => {
      if (closed) return
      closed = true
      clearInterval(keepalive)
      this.open.delete(res)
      onClose()
    }
    req.on('close', close)
    res.on('error', close)
    return (event, data) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }

  /** Ends every open stream (before the HTTP server closes, so it is not held open by them). */
  closeAll(): void {
    for (const res of this.open) res.end()
  }
}
