/**
 * The NATS cluster failover drill, shared by ingest/nats-cluster.e2e.test.ts (which asserts on its counts) and
 * `npm run bench:nats-cluster` (which prints them): Mofang (ingest + sink, in this process) on a three-node cluster
 * with every stream and KV bucket at three replicas, closed-loop clients POSTing batches of events with their own
 * event ids, the event stream's leader SIGKILLed and started again, then the node Mofang is connected to, then a
 * node that leads nothing ingest waits on (else the identity bucket's leader), one at a time so the quorum holds.
 * A client resends a batch that got no 202 as it was (same event ids), as a real client would. At the end the
 * warehouse is counted: every acknowledged event present once, none lost, none twice.
 *
 * Failover time: from a node's SIGKILL to the first 202 answering a POST sent after it. It is measured, never
 * asserted (2 shared cores).
 */
import { connect, type NatsConnection } from '@nats-io/transport-node'
import { jetstreamManager, type ClusterInfo } from '@nats-io/jetstream'
import { startSystem } from '../system/index.js'
import {
  TEST_KEY,
  TEST_TENANT,
  eventually,
  startNatsCluster,
  tempDir,
  testConfig,
  uniqueNamespace,
  type NatsCluster,
} from '../testing/index.js'

type RunningSystem = Awaited<ReturnType<typeof startSystem>>

export interface FailoverDrillOptions {
  /** Seconds of load; the three kills fall inside it. Default 40. */
  durationS?: number
  /** Concurrent closed-loop HTTP clients. Default 4. */
  clients?: number
  /** Events per POST. Default 100. */
  batch?: number
  /**
   * ms a client waits before resending a batch that got no 202. Default 100: finer than the server's Retry-After
   * (1 s), so the failover time is measured to a tenth of a second rather than rounded up to the next second.
   */
  retryDelayMs?: number
  /** Seconds a killed node stays down. Default a fifth of the load. */
  downS?: number
  /**
   * Mofang's data directory (its chDB warehouse), kept by the caller. Default: a temp directory of the drill's own.
   * Drills in one process must share one: chDB opens one data directory per process.
   */
  mofangDir?: string
  /** Progress lines (kills, restarts, Mofang's own log). Default: none. */
  log?: (line: string) => void
}

export interface Failover {
  /** The killed node's server name. */
  node: string
  /** What the node was when killed: the event stream's leader, the server Mofang's connection was on, or a follower. */
  role: string
  /** Seconds after the load started. */
  killedAtS: number
  /** ms from the SIGKILL to the first 202 answering a POST sent after it; undefined if none came before the restart. */
  back202Ms?: number
  /** Answers other than 202 (0 = no answer: connection error) from the kill to the node's restart. */
  refusals: number
  /** Slowest POST answered between the kill and the restart, ms. */
  slowestPostMs: number
  /** ms from the restart until the node's stream and consumer replicas were current again. */
  catchUpMs: number
}

export interface FailoverDrillReport {
  durationS: number
  /** Events answered 202. */
  acked: number
  /** Events/s acknowledged over the load. */
  ackedPerS: number
  posts: number
  /** POSTs resent after an answer other than 202, by status and reason ("0" = no answer: a connection error). */
  resent: Record<string, number>
  /** Rows of the drill's events in the warehouse. */
  storedRows: number
  /** Acknowledged events not in the warehouse. */
  lost: number
  /** Rows beyond the first of an event_id. */
  duplicated: number
  /** Stored events never acknowledged (a batch is resent until it is, so: none expected). */
  unacknowledgedStored: number
  failovers: Failover[]
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** One POST's outcome, for the failover windows. */
interface Answer {
  sentAt: number
  answeredAt: number
  status: number
}

/** A batch of valid events with unique ids (`<prefix><client>.<batch>.<i>`): calls offered, answered, ended. */
function batchOf(prefix: string, client: number, n: number, seq: number): { ids: string[]; body: string } {
  const now = Date.now()
  const steps = [
    ['voice.offered', {}],
    ['voice.answered', {}],
    ['voice.ended', { ended_by: 'customer' }],
  ] as const
  const events = Array.from({ length: n }, (_, i) => {
    const [type, payload] = steps[i % steps.length]
    return {
      event_id: `${prefix}${client}.${seq}.${i}`,
      tenant: TEST_TENANT,
      ts: now,
      channel: 'voice',
      type,
      interaction_id: `${prefix}${client}.${seq}.${Math.floor(i / steps.length)}`,
      customer: { phone: `1380000${String((seq * n + i) % 10_000).padStart(4, '0')}` },
      agent_id: `agent-${(client * 97 + i) % 200}`,
      queue: 'repair',
      payload,
    }
  })
  return { ids: events.map((e) => e.event_id), body: JSON.stringify(events) }
}

/** Replicas of a stream or consumer that are not current (offline, lagging, or missing from the group). */
function laggingReplicas(cluster: ClusterInfo | undefined, size: number): number {
  const replicas = cluster?.replicas ?? []
  return size - 1 - replicas.filter((r) => r.current && !r.offline).length + (cluster?.leader ? 0 : 1)
}

/** The identity KV bucket's stream: ingest reads and writes it for every event that names a customer. */
const identityStream = (sys: RunningSystem) => `KV_${sys.topology.identityBucket}`

/** Waits until the event stream, the sink's consumer and the identity bucket have a leader and current replicas. */
async function untilCurrent(nc: NatsConnection, sys: RunningSystem, size: number): Promise<void> {
  const jsm = await jetstreamManager(nc, { timeout: 2_000 })
  await eventually(
    async () => {
      const stream = await jsm.streams.info(sys.topology.eventStream)
      const consumer = await jsm.consumers.info(sys.topology.eventStream, sys.topology.sinkConsumer)
      const identities = await jsm.streams.info(identityStream(sys))
      return [stream.cluster, consumer.cluster, identities.cluster].every((c) => laggingReplicas(c, size) === 0)
    },
    {
      what: 'every replica of the event stream, the sink consumer and the identity bucket to be current',
      timeoutMs: 60_000,
      intervalMs: 200,
    },
  )
}

/** Who does what now: the leaders ingest waits on, and the server Mofang's connection is on. */
interface Roles {
  eventLeader: string
  identityLeader: string
  mofang?: string
}

async function currentRoles(nc: NatsConnection, sys: RunningSystem): Promise<Roles> {
  const jsm = await jetstreamManager(nc, { timeout: 2_000 })
  const leaderOf = async (stream: string) =>
    (await eventually(async () => (await jsm.streams.info(stream)).cluster?.leader, { what: `a leader of ${stream}` }))!
  return {
    eventLeader: await leaderOf(sys.topology.eventStream),
    identityLeader: await leaderOf(identityStream(sys)),
    mofang: sys.nats.nc.info?.server_name,
  }
}

const describeRoles = (node: string, r: Roles) =>
  [
    ...(node === r.eventLeader ? ['event stream leader'] : []),
    ...(node === r.identityLeader ? ['identity KV leader'] : []),
    ...(node === r.mofang ? ["Mofang's server"] : []),
  ].join(', ') || 'follower'

/** The drill: start the cluster and Mofang, load, kill and restart two nodes, count. Cleans up after itself. */
export async function runFailoverDrill(opts: FailoverDrillOptions = {}): Promise<FailoverDrillReport> {
  const durationS = opts.durationS ?? 40
  const clients = opts.clients ?? 4
  const batch = opts.batch ?? 100
  const retryDelayMs = opts.retryDelayMs ?? 100
  const downMs = (opts.downS ?? durationS / 5) * 1000
  const log = opts.log ?? (() => {})
  const dir = tempDir('nats-cluster')
  let cluster: NatsCluster | undefined
  let sys: RunningSystem | undefined
  let monitor: NatsConnection | undefined
  try {
    cluster = await startNatsCluster({ dir: `${dir.path}/nats` })
    log(`cluster up: ${cluster.url}`)
    const namespace = uniqueNamespace()
    sys = await startSystem({
      config: testConfig(opts.mofangDir ?? `${dir.path}/mofang`, { NATS_URL: cluster.url, MOFANG_NATS_REPLICAS: '3' }),
      namespace,
      log: (m) => log(`[mofang] ${m}`),
    })
    monitor = await connect({ servers: cluster.url.split(','), maxReconnectAttempts: -1, reconnectTimeWait: 100 })
    await untilCurrent(monitor, sys, cluster.nodes.length)

    const acked = new Set<string>()
    const answers: Answer[] = []
    const resent: Record<string, number> = {}
    let loading = true
    // This drill's events only, should the warehouse hold an earlier drill's.
    const prefix = `drill.${namespace}.`
    const url = `${sys.url}/v1/events`
    const client = async (c: number) => {
      for (let seq = 0; loading; seq++) {
        const { ids, body } = batchOf(prefix, c, batch, seq)
        for (;;) {
          const sentAt = Date.now()
          let status = 0
          let reason = '0'
          try {
            const res = await fetch(url, {
              method: 'POST',
              headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json' },
              body,
            })
            status = res.status
            const text = await res.text()
            if (status !== 202)
              reason = `${status} ${(JSON.parse(text) as { reason?: string }).reason ?? ''}`.replace(/\d+/g, 'N')
          } catch {
            // no answer (connection reset): resent like any other failure
          }
          answers.push({ sentAt, answeredAt: Date.now(), status })
          if (status === 202) break
          resent[reason] = (resent[reason] ?? 0) + 1
          await sleep(retryDelayMs)
        }
        for (const id of ids) acked.add(id)
      }
    }

    const started = Date.now()
    const load = Promise.all(Array.from({ length: clients }, (_, c) => client(c)))
    const failovers: Failover[] = []
    /** Kills the node `pick` names from the roles of the moment, and starts it again after `downMs`. */
    const drill = async (pick: (r: Roles) => string) => {
      const roles = await currentRoles(monitor!, sys!)
      const node = cluster!.node(pick(roles))
      const role = describeRoles(node.name, roles)
      const killedAt = Date.now()
      node.kill()
      log(`SIGKILL ${node.name} (${role}) at ${((killedAt - started) / 1000).toFixed(1)} s`)
      await sleep(downMs)
      const restartAt = Date.now()
      await node.restart()
      await untilCurrent(monitor!, sys!, cluster!.nodes.length)
      const window = answers.filter((a) => a.answeredAt >= killedAt && a.answeredAt <= restartAt)
      const back = answers.find((a) => a.sentAt >= killedAt && a.status === 202)
      failovers.push({
        node: node.name,
        role,
        killedAtS: (killedAt - started) / 1000,
        back202Ms: back && back.answeredAt <= restartAt ? back.answeredAt - killedAt : undefined,
        refusals: window.filter((a) => a.status !== 202).length,
        slowestPostMs: Math.max(0, ...window.map((a) => a.answeredAt - a.sentAt)),
        catchUpMs: Date.now() - restartAt,
      })
      log(`${node.name} back and current ${Date.now() - restartAt} ms after its restart`)
    }
    await sleep(durationS * 150)
    const names = cluster.nodes.map((n) => n.name)
    // The event stream's leader (a new one is elected), the server Mofang is on (its client moves to another node),
    // then a node that is none of those nor the identity bucket's leader (nothing should notice), or that leader.
    await drill((r) => r.eventLeader)
    await drill((r) => r.mofang ?? r.eventLeader)
    await drill((r) => names.find((n) => ![r.eventLeader, r.identityLeader, r.mofang].includes(n)) ?? r.identityLeader)
    await sleep(Math.max(0, started + durationS * 1000 - Date.now()))
    loading = false
    await load
    const loadS = (Date.now() - started) / 1000
    log(`load stopped after ${loadS.toFixed(1)} s: ${acked.size} events acknowledged`)

    const mine = `FROM events WHERE startsWith(event_id, {prefix:String})`
    const storedIds = async () =>
      Number((await sys!.warehouse.query<{ n: number }>(`SELECT uniqExact(event_id) AS n ${mine}`, { prefix }))[0].n)
    await eventually(async () => (await storedIds()) >= acked.size, {
      what: `${acked.size} acknowledged events in the warehouse`,
      timeoutMs: 120_000,
      intervalMs: 500,
    }).catch((err: Error) => log(err.message))
    // A redelivered message written twice would land after the last first delivery: give it the sink's flush time.
    await sleep(1_000)
    const stored = await sys.warehouse.query<{ event_id: string; n: number }>(
      `SELECT event_id, count() AS n ${mine} GROUP BY event_id`,
      { prefix },
    )
    const found = new Set(stored.map((r) => r.event_id))
    return {
      durationS: loadS,
      acked: acked.size,
      ackedPerS: Math.round(acked.size / loadS),
      posts: answers.length,
      resent,
      storedRows: stored.reduce((sum, r) => sum + Number(r.n), 0),
      lost: [...acked].filter((id) => !found.has(id)).length,
      duplicated: stored.reduce((sum, r) => sum + Number(r.n) - 1, 0),
      unacknowledgedStored: stored.filter((r) => !acked.has(r.event_id)).length,
      failovers,
    }
  } finally {
    await monitor?.close()
    await sys?.stop()
    await cluster?.stop()
    dir.remove()
  }
}

/** The report as the lines the benchmark prints and the README quotes. */
export function describeDrill(r: FailoverDrillReport): string[] {
  const resent = Object.entries(r.resent)
    .map(([reason, n]) => `${n}× ${reason === '0' ? 'no answer' : reason}`)
    .join('; ')
  return [
    `load: ${r.durationS.toFixed(1)} s, ${r.posts} POSTs, ${r.acked} events acknowledged (${r.ackedPerS}/s)` +
      (resent ? `; resent after ${resent}` : '; nothing resent'),
    `warehouse: ${r.storedRows} rows; lost ${r.lost}, duplicated ${r.duplicated}, stored but never acknowledged ${r.unacknowledgedStored}`,
    ...r.failovers.map(
      (f) =>
        `SIGKILL ${f.node} (${f.role}) at ${f.killedAtS.toFixed(1)} s: 202 again after ` +
        `${f.back202Ms === undefined ? 'its restart' : `${f.back202Ms} ms`}, ${f.refusals} refused POSTs, ` +
        `slowest POST ${f.slowestPostMs} ms; replicas current ${f.catchUpMs} ms after its restart`,
    ),
  ]
}
