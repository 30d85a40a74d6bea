/**
 * A local nats-server with JetStream, started and stopped by Mofang when NATS_URL
 * is unset (and by tests). Guards against orphans: a watchdog shell stops the
 * server if this process dies without stopping it (SIGKILL, crash).
 *
 * Supervised (the default): if the server exits by itself (killed, crashed), it is
 * started again on the same port and store with backoff, so clients reconnect and
 * ingest recovers without restarting Mofang. `restart()` does the same on request,
 * e.g. after JetStream disabled itself on a full disk.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { MofangError, retryWithBackoff } from '../core/index.js'

export interface LocalNatsOptions {
  /** JetStream store directory; created when missing. */
  storeDir: string
  /** TCP port; 0 (default) picks a free one. */
  port?: number
  /** Bind address. Default 127.0.0.1. */
  host?: string
  /** ms to wait for "Server is ready". Default 10,000. */
  startTimeoutMs?: number
  /** Called with each stderr line of the server (logs). */
  onLog?: (line: string) => void
  /** Start the server again when it exits by itself. Default true. */
  supervise?: boolean
  /** Longest wait between restart attempts, ms. Default 10,000 (the first is after 250 ms). */
  maxRestartDelayMs?: number
  /** Told about restarts and failed restart attempts. */
  log?: (msg: string) => void
  /** More nats-server flags, e.g. a cluster member's --server_name, --cluster_name, -cluster and -routes. */
  extraArgs?: string[]
}

export interface LocalNats {
  url: string
  port: number
  /** The current server process. */
  readonly pid: number
  /** Times the server was started again after it exited or on request. */
  readonly restarts: number
  /** Stops the server with SIGINT (it flushes JetStream) and waits for its exit; no restart follows. */
  stop(): Promise<void>
  /** Kills the server with SIGKILL, for failure tests (a supervised server comes back). */
  kill(): void
  /** Stops the server and starts it again on the same port and store. */
  restart(): Promise<void>
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, host, () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

/** Stops `childPid` when `parentPid` disappears. Detached, so it outlives a SIGKILLed parent. */
function startWatchdog(parentPid: number, childPid: number): void {
  // SIGCONT too: a stopped (SIGSTOPped, wedged) server acts on SIGINT only once it runs again; SIGKILL if it does not
  // stop.
  const wait = `for i in 1 2 3 4 5; do kill -0 ${childPid} 2>/dev/null || exit 0; sleep 1; done`
  const stop = `kill -INT ${childPid} 2>/dev/null; kill -CONT ${childPid} 2>/dev/null; ${wait}; kill -KILL ${childPid} 2>/dev/null`
  const script = `while kill -0 ${parentPid} 2>/dev/null && kill -0 ${childPid} 2>/dev/null; do sleep 1; done; ${stop}`
  const dog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' })
  dog.unref()
}

interface Running {
  child: ChildProcess
  exited: Promise<void>
}

/** Spawns nats-server and resolves once it is ready to take connections. */
async function launch(opts: LocalNatsOptions, host: string, port: number): Promise<Running> {
  let child: ChildProcess
  try {
    // Its own process group: a Ctrl-C in the terminal goes to Mofang, which drains through NATS and then stops
    // the server itself; otherwise the server died first and the drain could not ack (and the supervisor restarted it).
    child = spawn(
      'nats-server',
      ['-js', '-sd', opts.storeDir, '-a', host, '-p', String(port), ...(opts.extraArgs ?? [])],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        detached: true,
      },
    )
  } catch (err) {
    throw new MofangError('NATS_SERVER_MISSING', 'could not start nats-server', { cause: err })
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const timeoutMs = opts.startTimeoutMs ?? 10_000
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new MofangError('NATS_SERVER_MISSING', `nats-server did not become ready within ${timeoutMs} ms`))
    }, timeoutMs)
    let buffered = ''
    const recent: string[] = []
    child.stderr!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      let nl: number
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl)
        buffered = buffered.slice(nl + 1)
        opts.onLog?.(line)
        recent.push(line)
        if (recent.length > 5) recent.shift()
        if (line.includes('Server is ready')) {
          clearTimeout(timer)
          resolve()
        }
      }
    })
    child.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      const hint =
        err.code === 'ENOENT'
          ? 'nats-server is not installed (apt-get install nats-server), or set NATS_URL'
          : err.message
      reject(new MofangError('NATS_SERVER_MISSING', hint, { cause: err }))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(
        new MofangError(
          'NATS_SERVER_MISSING',
          `nats-server exited with code ${code} before it was ready: ${recent.join(' | ') || buffered}`,
        ),
      )
    })
  })
  startWatchdog(process.pid, child.pid!)
  return { child, exited }
}

/** Stops the server: SIGINT (it flushes JetStream), SIGCONT in case it is stopped, SIGKILL after `graceMs`. */
async function halt({ child, exited }: Running, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGINT')
  child.kill('SIGCONT')
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

export async function startLocalNats(opts: LocalNatsOptions): Promise<LocalNats> {
  const host = opts.host ?? '127.0.0.1'
  const port = opts.port || (await freePort(host))
  const log = opts.log ?? (() => {})
  const maxDelay = opts.maxRestartDelayMs ?? 10_000
  mkdirSync(opts.storeDir, { recursive: true })
  let current = await launch(opts, host, port)
  let stopped = false
  let restarts = 0
  let restarting: Promise<void> | undefined

  /** Starts the server again, with backoff, until it is up or Mofang stops it. */
  const relaunch = () =>
    (restarting ??= (async () => {
      // A short pause first: the port and the store's lock are released just after the old process exits.
      await new Promise((r) => setTimeout(r, 250))
      if (stopped) return
      current = await retryWithBackoff(() => launch(opts, host, port), {
        what: 'restarting nats-server',
        log,
        initialDelayMs: 500,
        maxDelayMs: maxDelay,
        stopped: () => stopped,
      })
      restarts++
      log(`nats-server started again (pid ${current.child.pid})`)
      watch(current)
    })()
      .catch(() => {}) // only when Mofang stopped it meanwhile
      .finally(() => (restarting = undefined)))

  const watch = (run: Running) =>
    void run.exited.then(() => {
      if (stopped || run !== current || opts.supervise === false) return
      log(`nats-server exited (code ${run.child.exitCode ?? run.child.signalCode}); starting it again`)
      void relaunch()
    })
  watch(current)

  return {
    url: `nats://${host}:${port}`,
    port,
    get pid() {
      return current.child.pid!
    },
    get restarts() {
      return restarts
    },
    async stop() {
      stopped = true
      await restarting
      await halt(current)
    },
    kill() {
      current.child.kill('SIGKILL')
    },
    async restart() {
      const old = current
      await halt(old)
      // A supervised server's exit already triggers a relaunch; an unsupervised one starts here.
      await (restarting ?? relaunch())
    },
  }
}
