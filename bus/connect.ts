/**
 * The NATS connection every component shares: reconnects forever (a restarted
 * nats-server must not need a restarted Mofang) and tracks whether it is
 * connected right now, so ingest can answer 503 at once instead of waiting.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { type NatsLink, NatsUnavailableError, parseList } from '../core/index.js'

export interface NatsOptions {
  /**
   * Server URL(s), comma separated: on a cluster, list every node. The client tries them in random order (spreading
   * many Mofang processes over the nodes) and, when its server dies, moves to another listed or gossiped one.
   */
  servers: string
  user?: string
  pass?: string
  token?: string
  /** Connection name shown by the server's monitoring. */
  name?: string
}

export type { NatsLink } from '../core/index.js'

export async function connectNats(opts: NatsOptions, log: (msg: string) => void = () => {}): Promise<NatsLink> {
  let nc: NatsConnection
  try {
    nc = await connect({
      servers: parseList(opts.servers),
      user: opts.user,
      pass: opts.pass,
      token: opts.token,
      name: opts.name ?? 'mofang',
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      waitOnFirstConnect: false,
      // An Error per request for async stack traces costs ~5% CPU at ingest rates.
      noAsyncTraces: true,
    })
  } catch (err) {
    throw new NatsUnavailableError(`cannot connect to NATS at ${opts.servers}: ${(err as Error).message}`, err)
  }
  let connected = true
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') {
        connected = false
        log(`NATS disconnected from ${s.server}; reconnecting…`)
      } else if (s.type === 'reconnect') {
        connected = true
        // Which node: on a cluster the client may have moved to another server.
        log(`NATS reconnected to ${s.server}`)
      }
    }
  })()
  return {
    nc,
    isConnected: () => connected && !nc.isClosed(),
    async close() {
      if (!nc.isClosed()) await nc.drain().catch(() => nc.close())
    },
  }
}
