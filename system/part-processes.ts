/**
 * `mofang start`'s own processes: the parts named in MOFANG_PART_PROCESSES run as `mofang run PART` children of the
 * start process, so their work (every event through the live engine, OCR's model) has a core of its own instead of
 * sharing ingest's event loop.
 *
 * Each child meets the start process where any part on another machine would: on its NATS (the managed
 * nats-server's URL, or NATS_URL) and, on embedded chDB, on its warehouse through `/v1/warehouse/*` with the admin
 * token (chDB has one owner process per data directory). A child that exits is started again after 1 s, doubling to
 * 30 s while it keeps failing (back to 1 s once it has run a minute). Its lines join the start process's log tagged
 * `[mofang:PART]`. The stop sends SIGTERM to every child and waits for its drain (SIGKILL past the drain timeout);
 * as a service started first it is stopped after the in-process services and before the HTTP server and NATS the
 * children use. A child whose parent dies without a stop notices the IPC channel closing and stops itself.
 *
 * A child that hangs without exiting (a blocked event loop, a deadlock in a native module) would hold its part
 * forever: each child sends a heartbeat over the IPC channel from its event loop every 5 s, and one silent for
 * `hangAfterMs` is killed (SIGKILL) and started again like one that crashed.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import type { Service, ServiceContext } from '../core/index.js'

export interface PartProcessOptions {
  /** The parts, one process each, named as `mofang run` takes them. */
  parts: readonly string[]
  /** Stream/consumer name prefix, as `mofang run --namespace`. Default ''. */
  namespace?: string
  /** The program and arguments that run the `mofang` CLI. Default: this process's node, V8 flags and script. */
  command?: { file: string; args: readonly string[] }
  /** First wait before a crashed child is started again, ms; doubles while it keeps failing. Default 1,000. */
  restartDelayMs?: number
  /** Longest wait between restarts, ms. Default 30,000. */
  maxRestartDelayMs?: number
  /** A child that ran this long before it exited is restarted after the first delay again, ms. Default 60,000. */
  healthyAfterMs?: number
  /** How long the first start waits for a child's "running" line before going on without it, ms. Default 30,000. */
  readyTimeoutMs?: number
  /**
   * A running child whose heartbeats (every HEARTBEAT_EVERY_MS) stop for this long is killed and started again, ms.
   * Default 30,000; 0 turns the watch off.
   */
  hangAfterMs?: number
}

/** What a `mofang run` child started by this service sends over IPC while its event loop turns. */
const HEARTBEAT_MESSAGE = 'mofang:alive'
const HEARTBEAT_EVERY_MS = 5_000

/**
 * The child's side: heartbeats to the parent for as long as this process runs, when it has an IPC channel (started
 * by `mofang start`); otherwise nothing.
 */
export function sendHeartbeats(): void {
  if (!process.send) return
  const beat = () => process.send?.(HEARTBEAT_MESSAGE)
  beat()
  setInterval(beat, HEARTBEAT_EVERY_MS).unref()
}

/** A child's state, as /healthz shows it. */
interface PartState {
  state: 'starting' | 'running' | 'restarting' | 'stopped'
  pid?: number
  restarts: number
  startedAt?: number
  lastExit?: string
  /** When the child last sent a heartbeat, ms since the epoch. */
  lastBeat?: number
  /** Set when the watch killed it: its exit is reported as a hang. */
  hung?: boolean
}

/** What the child prints on stdout once its parts run (system/start.ts runParts). */
const READY_LINE = /Mofang parts running:/

export function partProcessesService(opts: PartProcessOptions) {
  return async (ctx: ServiceContext): Promise<Service> => {
    const restartDelayMs = opts.restartDelayMs ?? 1_000
    const maxRestartDelayMs = opts.maxRestartDelayMs ?? 30_000
    const healthyAfterMs = opts.healthyAfterMs ?? 60_000
    const hangAfterMs = opts.hangAfterMs ?? 30_000
    const command = opts.command ?? {
      file: process.execPath,
      args: [...process.execArgv, process.argv[1]],
    }
    let stopping = false
    const children = new Map<string, ChildProcess>()
    const states = new Map<string, PartState>(opts.parts.map((p) => [p, { state: 'starting', restarts: 0 }]))
    const timers = new Set<NodeJS.Timeout>()
    // Exits since the child last ran healthyAfterMs, for the backoff.
    const failuresInARow = new Map<string, number>()

    const envFor = (part: string): NodeJS.ProcessEnv => ({
      ...process.env,
      NATS_URL: ctx.natsServers,
      // On embedded chDB the children use this process's; with CLICKHOUSE_URL they share that server.
      ...(ctx.warehouse.kind === 'chdb' && {
        MOFANG_WAREHOUSE_URL: ctx.url,
        MOFANG_WAREHOUSE_TOKEN: ctx.adminToken,
      }),
      MOFANG_DATA_DIR: join(ctx.config.dataDir, 'parts', part),
      MOFANG_HOST: '127.0.0.1',
      MOFANG_PORT: '0',
    })

    /** Starts the part's process; resolves when it says it runs, exits, or readyTimeoutMs passes. */
    const launch = (part: string): Promise<void> => {
      const state = states.get(part)!
      const child = spawn(
        command.file,
        [...command.args, 'run', part, ...(opts.namespace ? ['--namespace', opts.namespace] : [])],
        {
          env: envFor(part),
          stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        },
      )
      children.set(part, child)
      Object.assign(state, { state: 'starting', pid: child.pid, startedAt: Date.now(), hung: false })
      child.on('message', (m) => {
        if (m === HEARTBEAT_MESSAGE) state.lastBeat = Date.now()
      })
      const tag = `[mofang:${part}]`
      let ready: () => void = () => {}
      const readyOrNot = new Promise<void>((resolve) => {
        ready = resolve
        timers.add(setTimeout(resolve, opts.readyTimeoutMs ?? 30_000).unref())
      })
      const relay = (stream: NodeJS.ReadableStream, isStdout: boolean) =>
        createInterface({ input: stream }).on('line', (line) => {
          if (isStdout && READY_LINE.test(line)) {
            state.state = 'running'
            state.lastBeat = Math.max(state.lastBeat ?? 0, Date.now())
            ready()
          }
          if (line.trim()) process.stderr.write(`${tag} ${line.replace(/^\s*\[mofang\] /, '').trim()}\n`)
        })
      relay(child.stdout!, true)
      relay(child.stderr!, false)
      child.once('error', (err) => ctx.log(`${part} process: ${err.message}`))
      child.once('exit', (code, signal) => {
        children.delete(part)
        ready()
        const ranMs = Date.now() - (state.startedAt ?? Date.now())
        state.lastExit = state.hung
          ? `no heartbeat for ${hangAfterMs} ms: killed`
          : signal
            ? `signal ${signal}`
            : `exit code ${code}`
        if (stopping) return void (state.state = 'stopped')
        state.restarts++
        state.state = 'restarting'
        const failures = ranMs >= healthyAfterMs ? 0 : (failuresInARow.get(part) ?? 0)
        failuresInARow.set(part, failures + 1)
        const delay = Math.min(maxRestartDelayMs, restartDelayMs * 2 ** Math.min(16, failures))
        ctx.log(
          `${part} process ended (${state.lastExit}) after ${Math.round(ranMs / 1000)} s; starting it again in ${delay} ms`,
        )
        const timer = setTimeout(() => {
          timers.delete(timer)
          if (!stopping) void launch(part)
        }, delay)
        timers.add(timer)
      })
      return readyOrNot
    }
    await Promise.all(opts.parts.map(launch))
    if (hangAfterMs > 0) {
      const watch = setInterval(
        () => {
          const now = Date.now()
          for (const [part, child] of children) {
            const state = states.get(part)!
            if (state.state !== 'running' || state.hung || now - (state.lastBeat ?? now) < hangAfterMs) continue
            state.hung = true
            ctx.log(`${part} process (pid ${child.pid}) sent no heartbeat for ${hangAfterMs} ms: killing it`)
            child.kill('SIGKILL')
          }
        },
        Math.min(HEARTBEAT_EVERY_MS, Math.max(10, hangAfterMs / 4)),
      ).unref()
      timers.add(watch)
    }
    ctx.log(`parts in processes of their own: ${opts.parts.map((p) => `${p} (pid ${states.get(p)!.pid})`).join(', ')}`)

    return {
      name: 'part_processes',
      async health() {
        const now = Date.now()
        const detail = Object.fromEntries(
          [...states].map(([part, s]) => [
            part,
            {
              state: s.state,
              pid: s.pid,
              restarts: s.restarts,
              ...(s.state === 'running' && s.startedAt && { up_s: Math.round((now - s.startedAt) / 1000) }),
              ...(s.lastExit && { last_exit: s.lastExit }),
            },
          ]),
        )
        return { ok: [...states.values()].every((s) => s.state === 'running'), detail }
      },
      async stop() {
        stopping = true
        timers.forEach(clearTimeout)
        // Past its own drain timeout a child is killed: what it had not acknowledged is redelivered to the next one.
        const graceMs = ctx.config.drainTimeoutSeconds * 1000
        await Promise.all(
          [...children].map(
            ([part, child]) =>
              new Promise<void>((done) => {
                const kill = setTimeout(() => {
                  ctx.log(`${part} process did not stop within ${graceMs} ms: killed`)
                  child.kill('SIGKILL')
                }, graceMs)
                child.once('exit', () => {
                  clearTimeout(kill)
                  done()
                })
                child.kill('SIGTERM')
              }),
          ),
        )
      },
    }
  }
}
