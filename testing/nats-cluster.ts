/**
 * A three-node NATS cluster on loopback for tests and benchmarks: each node is a managed nats-server
 * (bus/nats-server.ts: orphan watchdog, ready on "Server is ready") with its own store, client port and route
 * port, joined by routes into one cluster with clustered JetStream (--server_name is required for that). Nodes are
 * not supervised: a test SIGKILLs one and starts it again itself, on the same ports and store.
 */
import { join } from 'node:path'
import { connect } from '@nats-io/transport-node'
import { jetstreamManager } from '@nats-io/jetstream'
import { freePort, startLocalNats, type LocalNats } from '../bus/nats-server.js'

export interface NatsClusterOptions {
  /** Directory under which each node keeps its JetStream store (<dir>/n1, <dir>/n2…). */
  dir: string
  /** Nodes. Default 3 (the smallest cluster that keeps a quorum with one node down). */
  size?: number
  /** Cluster name. Default 'mofang-test'. */
  name?: string
  /** ms to wait for a JetStream meta leader after the nodes start. Default 30,000. */
  leaderTimeoutMs?: number
}

export interface ClusterNode {
  /** Server name (--server_name), as stream info names replicas and leaders. */
  readonly name: string
  /** Client URL, nats://127.0.0.1:port. */
  readonly url: string
  /** False between `kill()` and the end of `restart()`. */
  readonly running: boolean
  /** SIGKILLs the server: no flush, no goodbye to its peers. */
  kill(): void
  /** Starts the server again on its ports and store (stopping it first if it still runs). */
  restart(): Promise<void>
}

export interface NatsCluster {
  nodes: ClusterNode[]
  /** Every node's client URL, comma separated: what NATS_URL takes. */
  url: string
  node(name: string): ClusterNode
  /** Resolves once JetStream answers through the cluster (a meta leader is elected). */
  waitForJetStream(timeoutMs?: number): Promise<void>
  /** Stops every node (SIGINT, so each flushes its store). */
  stop(): Promise<void>
}

async function waitForJetStream(url: string, timeoutMs: number): Promise<void> {
  const nc = await connect({ servers: url.split(','), maxReconnectAttempts: -1, reconnectTimeWait: 100 })
  try {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      try {
        await (await jetstreamManager(nc, { timeout: 1_000 })).getAccountInfo()
        return
      } catch (err) {
        if (Date.now() > deadline)
          throw new Error(`no JetStream meta leader within ${timeoutMs} ms: ${(err as Error).message}`, {
            cause: err,
          })
        await new Promise((r) => setTimeout(r, 100))
      }
    }
  } finally {
    await nc.close()
  }
}

export async function startNatsCluster(opts: NatsClusterOptions): Promise<NatsCluster> {
  const size = opts.size ?? 3
  const clusterName = opts.name ?? 'mofang-test'
  const ports = await Promise.all(Array.from({ length: size }, async () => [await freePort(), await freePort()]))
  const routes = ports.map(([, route]) => `nats://127.0.0.1:${route}`).join(',')
  const launch = (i: number) =>
    startLocalNats({
      storeDir: join(opts.dir, `n${i + 1}`),
      port: ports[i][0],
      supervise: false,
      extraArgs: [
        '--server_name',
        `n${i + 1}`,
        '--cluster_name',
        clusterName,
        '-cluster',
        `nats://127.0.0.1:${ports[i][1]}`,
        '-routes',
        routes,
      ],
    })
  const servers: LocalNats[] = await Promise.all(ports.map((_, i) => launch(i)))
  const down = new Set<number>()
  const nodes: ClusterNode[] = servers.map((server, i) => ({
    name: `n${i + 1}`,
    url: server.url,
    get running() {
      return !down.has(i)
    },
    kill() {
      down.add(i)
      server.kill()
    },
    async restart() {
      down.add(i)
      await server.restart()
      down.delete(i)
    },
  }))
  const url = nodes.map((n) => n.url).join(',')
  const cluster: NatsCluster = {
    nodes,
    url,
    node(name) {
      const found = nodes.find((n) => n.name === name)
      if (!found) throw new Error(`no node ${name} in the cluster (${nodes.map((n) => n.name).join(', ')})`)
      return found
    },
    waitForJetStream: (timeoutMs = opts.leaderTimeoutMs ?? 30_000) => waitForJetStream(url, timeoutMs),
    async stop() {
      await Promise.all(servers.map((s) => s.stop()))
    },
  }
  try {
    await cluster.waitForJetStream()
  } catch (err) {
    await cluster.stop()
    throw err
  }
  return cluster
}
