/**
 * The whole system in one process, on embedded defaults: a managed nats-server
 * (unless NATS_URL), chDB (unless CLICKHOUSE_URL), migrations, the HTTP server
 * (ingest API, health, warehouse endpoints), the warehouse sink and, optionally,
 * the simulator. `stop()` drains in the safe order: stop producing, stop
 * accepting, flush and ack the sink, then close NATS and the warehouse, within
 * MOFANG_DRAIN_TIMEOUT_S: past it, what is not written stays unacked for redelivery.
 *
 * Start-up survives a slow or restarting NATS: the connection and the topology are
 * retried with backoff (up to MOFANG_START_TIMEOUT_S), and services whose start fails
 * are retried in the background and shown in /healthz (system/service-starter.ts).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Server } from 'node:http'
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import {
  type Config,
  type Handler,
  type HealthCheck,
  MofangError,
  parseApiKeys,
  parseList,
  retryWithBackoff,
  type Service,
  type ServiceFactory,
  type SystemParts,
} from '../core/index.js'
import {
  connectNats,
  ensureConsumer,
  ensureTopology,
  type LocalNats,
  openKvBucket,
  startLocalNats,
  topologyNames,
  watchJetStream,
} from '../bus/index.js'
import { startWarehouseSink, type WarehouseSink } from '../sink/index.js'
import { migrate, openWarehouse, tableRetention, warehouseHandlers, warehouseOptions } from '../warehouse/index.js'
import { createHttpServer, declaredRoutes, type DeclaredRoute } from '../kits/http/index.js'
import { devApiKey } from '../kits/auth/index.js'
import { redactionPolicy } from '../kits/pii/index.js'
import { lockPath, readLiveLock, type LockFile } from '../kits/cli/index.js'
import {
  createEventsEndpoint,
  createIdentityResolver,
  DedupWindow,
  packEvents,
  publishMessages,
  reserveFor,
  watchBacklog,
} from '../ingest/index.js'
import { consumerLagDetail, healthHandler } from './health.js'
import { diskSpace, streamByteLimit } from './disk-space.js'
import { startServices } from './service-starter.js'

export type { Service, ServiceContext, ServiceFactory, SystemParts } from '../core/index.js'

export interface SystemOptions {
  config: Config
  /** Namespace for stream/consumer names (tests use a unique one). Default ''. */
  namespace?: string
  /** Run the warehouse sink in this process. Default true. */
  sink?: boolean
  /** Serve HTTP (ingest API, health, warehouse endpoints). Default true. */
  http?: boolean
  /** Components started after the core (live metrics, QA, forecasting…), stopped before it. */
  services?: ServiceFactory[]
  log?: (msg: string) => void
}

export interface RunningSystem extends SystemParts {
  services: Service[]
  localNats?: LocalNats
  server?: Server
  sink?: WarehouseSink
  /** Every route the HTTP server's handlers declare (kits/http routes()), for the role matrix test. */
  routes(): readonly DeclaredRoute[]
  stop(): Promise<void>
}

export async function startSystem(opts: SystemOptions): Promise<RunningSystem> {
  const { config } = opts
  const log = opts.log ?? ((m: string) => console.error(`[mofang] ${m}`))
  const dataDir = resolve(config.dataDir)
  mkdirSync(dataDir, { recursive: true })
  const running = readLiveLock(dataDir)
  if (running)
    throw new MofangError(
      'CONFIG',
      `another Mofang (pid ${running.pid}) is running on ${dataDir}: stop it or set MOFANG_DATA_DIR`,
    )

  const drainMs = config.drainTimeoutSeconds * 1000
  /** What stop() undoes, last first, each with the name the shutdown log gives it when it overruns. */
  const cleanups: { step: string; run: () => Promise<void> }[] = []
  let stopping = false
  // What the drain keeps back for the steps after the sink: closing NATS, the warehouse and the nats-server.
  const afterSinkMs = Math.min(2_000, drainMs / 3)
  let deadline = Infinity
  const stopAll = async () => {
    stopping = true
    deadline = Date.now() + drainMs
    for (const { step, run } of cleanups.reverse()) {
      // Past the deadline each remaining step still runs (nats-server must stop), but briefly.
      const budget = Math.max(500, deadline - Date.now())
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<void>(
        (r) => (timer = setTimeout(() => (log(`shutdown: ${step} took over ${budget} ms; moving on`), r()), budget)),
      )
      await Promise.race([run().catch((err) => log(`shutdown: ${step}: ${(err as Error).message}`)), late])
      clearTimeout(timer)
    }
  }
  cleanups.push({ step: 'the lock file', run: async () => rmSync(lockPath(dataDir), { force: true }) })
  const untilStarted = { what: '', log, deadlineMs: config.startTimeoutSeconds * 1000, stopped: () => stopping }
  try {
    let localNats: LocalNats | undefined
    if (!config.natsUrl) {
      localNats = await startLocalNats({ storeDir: join(dataDir, 'nats'), log })
      cleanups.push({ step: 'the nats-server', run: () => localNats!.stop() })
      log(`nats-server started (${localNats.url}, JetStream in ${join(dataDir, 'nats')})`)
    }
    const natsOptions = {
      servers: config.natsUrl ?? localNats!.url,
      user: config.natsUser,
      pass: config.natsPassword,
      token: config.natsToken,
    }
    const nats = await retryWithBackoff(() => connectNats(natsOptions, log), {
      ...untilStarted,
      what: 'connecting to NATS',
    })
    cleanups.push({ step: 'the NATS connection', run: () => nats.close() })
    const topology = topologyNames(opts.namespace)
    const jsm = await jetstreamManager(nats.nc)
    const js = jetstream(nats.nc)
    // Free space matters where Mofang keeps the data itself: the managed JetStream store and chDB.
    const disk = !config.natsUrl || !config.clickhouseUrl ? diskSpace(dataDir, config.minFreeMb * 2 ** 20) : undefined
    const streamMaxBytes = streamByteLimit(config.streamMaxBytes, disk, Boolean(localNats))
    const kv = await retryWithBackoff(
      async () => {
        // JetStream drops a republished message (same Nats-Msg-Id) as long as ingest may republish one: the dedup
        // window.
        await ensureTopology(jsm, topology, {
          replicas: config.natsReplicas,
          maxAgeHours: config.streamMaxAgeHours,
          duplicateWindowSeconds: config.dedupWindowSeconds,
          qaAlertMaxAgeHours: config.qaStreamMaxAgeHours,
          maxBytes: streamMaxBytes,
        })
        await ensureConsumer(jsm, topology, topology.sinkConsumer, {
          maxAckPending: 4_000,
          ackWaitMs: config.sinkAckWaitMs,
        })
        // Saved walls (web/server/wall-store.ts); each wall's last 5 versions stay readable (`nats kv history`).
        await openKvBucket(js, topology.wallBucket, { history: 5, replicas: config.natsReplicas })
        return openKvBucket(js, topology.identityBucket, { history: 1, replicas: config.natsReplicas })
      },
      { ...untilStarted, what: 'declaring the JetStream topology' },
    )

    const warehouse = await openWarehouse(warehouseOptions({ ...config, dataDir }))
    cleanups.push({ step: 'the warehouse', run: () => warehouse.close() })
    // The retention settings become the tables' TTLs here, so a changed setting applies at the next start.
    // A part using another process's chDB (MOFANG_WAREHOUSE_URL) leaves the migrations to that owner.
    if (warehouse.kind !== 'owner') {
      const retention = tableRetention(config)
      const applied = await migrate(warehouse, { cluster: config.clickhouseCluster, retention })
      if (applied.length) log(`migrations applied: ${applied.join(', ')}`)
    }

    const jetstreamWatch = localNats
      ? watchJetStream({
          jsm,
          connected: () => nats.isConnected(),
          mayRestart: () => !disk?.problem(),
          restart: () => localNats!.restart(),
          log,
        })
      : undefined
    if (jetstreamWatch) cleanups.push({ step: 'the JetStream watch', run: async () => jetstreamWatch.stop() })

    const dev = config.apiKeys === undefined ? devApiKey(dataDir) : undefined
    // The admin endpoints' token (/v1/sql): written to the lock file for local commands, handed to services.
    const adminToken = randomBytes(24).toString('hex')
    const apiKeys = dev ? new Map([[dev, 'demo']]) : parseApiKeys(config.apiKeys!)
    const publishOpts = { prefix: topology.prefix }
    // Backpressure (ingest/admission-backlog.ts): the stream's fill and every durable consumer's lag, read each second.
    const backlog = watchBacklog({
      jsm,
      stream: topology.eventStream,
      limits: {
        sinkConsumer: topology.sinkConsumer,
        sinkMaxLagMs: (config.sinkMaxLagSeconds || (config.streamMaxAgeHours * 3600) / 2) * 1000,
        reserveBytes: reserveFor(streamMaxBytes, config.maxBodyBytes),
      },
      log,
    })
    cleanups.push({ step: 'the backlog watch', run: async () => backlog.stop() })
    const identity = createIdentityResolver(kv)
    cleanups.push({ step: 'identity', run: () => identity.close() })
    const ingest = createEventsEndpoint({
      apiKeys,
      maxBodyBytes: config.maxBodyBytes,
      maxBatchEvents: config.maxBatchEvents,
      tsRange: { maxFutureMs: config.maxFutureSeconds * 1000, maxPastMs: config.maxPastDays * 86_400_000 },
      maxInFlightBytes: config.ingestMaxInFlightBytes,
      dedup: new DedupWindow({ windowSeconds: config.dedupWindowSeconds }),
      identity,
      redaction: redactionPolicy(config.redactTenants),
      brokerUp: () => nats.isConnected(),
      storageProblem: () => disk?.problem(),
      backlogProblem: () => backlog.problem(),
      log,
      pack: (events) => packEvents(events, publishOpts),
      publish: (messages) => publishMessages(js, messages, publishOpts),
    })

    let sink: WarehouseSink | undefined
    if (opts.sink !== false) {
      const sinkOptions = {
        batchRows: config.sinkBatchRows,
        flushMs: config.sinkFlushMs,
        ackWaitMs: config.sinkAckWaitMs,
      }
      // The sink reads on a connection of its own. It holds each message until its batch is written (~0.5 s), and a
      // message is a view of the client's read buffer: on the shared connection those buffers also carry every other
      // consumer's messages, so all of them outlived V8's young generation and their growth in the old one set off a
      // full collection every ~2 s under load.
      const sinkNats = await retryWithBackoff(() => connectNats({ ...natsOptions, name: 'mofang-sink' }, log), {
        ...untilStarted,
        what: 'connecting the warehouse sink to NATS',
      })
      cleanups.push({ step: "the sink's NATS connection", run: () => sinkNats.close() })
      sink = await retryWithBackoff(
        () => startWarehouseSink({ js: jetstream(sinkNats.nc), warehouse, topology, options: sinkOptions, log }),
        { ...untilStarted, what: 'starting the warehouse sink' },
      )
      // The sink's drain gets most of the deadline; NATS and the warehouse close in what is left.
      cleanups.push({ step: 'the sink', run: () => sink!.stop(Math.max(500, deadline - afterSinkMs - Date.now())) })
    }

    const url = `http://${config.host}:${config.port}`
    const parts: SystemParts = {
      config,
      topology,
      nats,
      warehouse,
      apiKeys,
      devApiKey: dev,
      url,
      natsServers: natsOptions.servers,
      adminToken,
      submitEvents: ingest.submit,
    }
    const checks: HealthCheck[] = [
      {
        name: 'nats',
        check: async () => ({
          ok: nats.isConnected(),
          detail: {
            url: config.natsUrl ?? localNats?.url,
            managed: Boolean(localNats),
            restarts: localNats?.restarts,
            jetstream: jetstreamWatch?.state(),
          },
        }),
      },
      {
        name: 'jetstream',
        check: async () => {
          const now = await backlog.refresh()
          const problem = backlog.problem()
          return {
            ok: !problem,
            detail: {
              stream: topology.eventStream,
              ...consumerLagDetail(now),
              ...(problem ? { reason: problem } : {}),
            },
          }
        },
      },
      // A liveness probe, inline on purpose: it asks nothing of the schema.
      {
        name: 'warehouse',
        check: async () => ({
          ok: (await warehouse.query('SELECT 1 AS one')).length === 1,
          detail: { kind: warehouse.kind, database: warehouse.database },
        }),
      },
    ]
    if (disk) {
      checks.push({
        name: 'disk',
        check: async () => {
          const reason = disk.problem()
          return {
            ok: !reason,
            detail: { free_mib: Math.floor(disk.freeBytes() / 2 ** 20), ...(reason ? { reason } : {}) },
          }
        },
      })
    }
    if (sink) checks.push({ name: 'sink', check: async () => sinkHealth(sink!, config.sinkStallSeconds) })

    const services: Service[] = []
    const handlers: Handler[] = [
      async (req, res) => {
        if (!req.url?.startsWith('/v1/events')) return false
        await ingest.handle(req, res)
        return true
      },
      healthHandler(
        checks,
        () =>
          [
            ingest.counters.prometheus(),
            backlog.prometheus(),
            sink?.drops.prometheus() ?? '',
            ...services.map((svc) => svc.metrics?.() ?? ''),
          ].join('\n'),
        { adminToken, metricsToken: config.metricsToken },
      ),
      warehouseHandlers({ warehouse, adminToken, apiKeys }),
    ]
    const runServices = () =>
      startServices(
        opts.services ?? [],
        { ...parts, js, jsm, log },
        {
          started(service) {
            services.push(service)
            cleanups.push({ step: `the ${service.name} service`, run: () => service.stop() })
            if (service.health) checks.push({ name: service.name, check: service.health })
            handlers.push(...(service.handlers ?? []))
          },
          addCheck: (check) => checks.push(check),
          removeCheck(name) {
            const at = checks.findIndex((c) => c.name === name)
            if (at >= 0) checks.splice(at, 1)
          },
          stopped: () => stopping,
          log,
        },
      )
    if (opts.http === false) {
      await runServices()
      let stopped: Promise<void> | undefined
      return { ...parts, services, localNats, sink, routes: () => [], stop: () => (stopped ??= stopAll()) }
    }
    const server = createHttpServer(handlers, log, {
      maxBodyBytes: config.maxBodyBytes,
      allowedOrigins: parseList(config.allowedOrigins),
    })
    await new Promise<void>((ok, fail) => {
      server.once('error', (err: NodeJS.ErrnoException) =>
        fail(
          new MofangError(
            'CONFIG',
            err.code === 'EADDRINUSE' ? `MOFANG_PORT: port ${config.port} is in use` : err.message,
            { cause: err },
          ),
        ),
      )
      server.listen(config.port, config.host, ok)
    })
    const port = (server.address() as { port: number }).port
    parts.url = `http://${config.host}:${port}`
    // Cleanups run last-in first-out: the server stops accepting before the sink flushes.
    cleanups.push({
      step: 'the HTTP server',
      run: () =>
        new Promise<void>((done) => {
          services.forEach((svc) => svc.beforeClose?.())
          server.close(() => done())
          server.closeIdleConnections()
          // A request still waiting (for a JetStream ack that will not come) is cut off in time for the sink's
          // drain: it was never answered 202, so its client sends it again.
          setTimeout(() => server.closeAllConnections(), Math.min(3_000, drainMs / 3)).unref()
        }),
    })
    writeFileSync(
      lockPath(dataDir),
      JSON.stringify({ pid: process.pid, url: parts.url, adminToken } satisfies LockFile),
      { mode: 0o600 },
    )
    // Services start once the URL is known (they print it); their routes join the live handler list.
    await runServices()

    let stopped: Promise<void> | undefined
    const routes = () => handlers.flatMap(declaredRoutes)
    return { ...parts, services, localNats, server, sink, routes, stop: () => (stopped ??= stopAll()) }
  } catch (err) {
    await stopAll()
    throw err
  }
}

/** The sink is unhealthy while a message waits longer than the stall threshold to be written. */
function sinkHealth(sink: WarehouseSink, stallSeconds: number) {
  const h = sink.health()
  const stalled = h.oldestUnwrittenMs > stallSeconds * 1000
  return {
    ok: !stalled,
    detail: {
      written: sink.written(),
      dead_lettered: sink.deadLettered(),
      ...sink.drops.snapshot(),
      unwritten_messages: h.unwrittenMessages,
      oldest_unwritten_s: Math.round(h.oldestUnwrittenMs / 1000),
      ...(h.lastError ? { last_error: h.lastError } : {}),
      ...(stalled
        ? {
            reason: `the oldest unwritten message is over ${stallSeconds} s old (MOFANG_SINK_STALL_S)${h.lastError ? `: ${h.lastError.message}` : ''}`,
          }
        : {}),
    },
  }
}
