/**
 * A local nats-server with JetStream, started and stopped by Mofang when NATS_URL
 * is unset (and by tests). Guards against orphans: a watchdog shell stops the
 * server if this process dies without stopping it (SIGKILL, crash).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { MofangError } from '../core/errors.js'

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
}

export interface LocalNats {
  url: string
  port: number
  pid: number
  /** Stops the server with SIGINT (it flushes JetStream) and waits for its exit. */
  stop(): Promise<void>
  /** Kills the server with SIGKILL, for failure tests. */
  kill(): void
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
  const script = `while kill -0 ${parentPid} 2>/dev/null; do sleep 1; done; kill -INT ${childPid} 2>/dev/null`
  const dog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' })
  dog.unref()
}

export async function startLocalNats(opts: LocalNatsOptions): Promise<LocalNats> {
  const host = opts.host ?? '127.0.0.1'
  const port = opts.port || (await freePort(host))
  mkdirSync(opts.storeDir, { recursive: true })
  let child: ChildProcess
  try {
    child = spawn('nats-server', ['-js', '-sd', opts.storeDir, '-a', host, '-p', String(port)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    })
  } catch (err) {
    throw new MofangError('NATS_SERVER_MISSING', 'could not start nats-server', { cause: err })
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new MofangError('NATS_SERVER_MISSING', `nats-server did not become ready within ${opts.startTimeoutMs ?? 10_000} ms`)), opts.startTimeoutMs ?? 10_000)
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
      const hint = err.code === 'ENOENT' ? 'nats-server is not installed (apt-get install nats-server), or set NATS_URL' : err.message
      reject(new MofangError('NATS_SERVER_MISSING', hint, { cause: err }))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new MofangError('NATS_SERVER_MISSING', `nats-server exited with code ${code} before it was ready: ${recent.join(' | ') || buffered}`))
    })
  })
  startWatchdog(process.pid, child.pid!)
  return {
    url: `nats://${host}:${port}`,
    port,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGINT')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    },
    kill() {
      child.kill('SIGKILL')
    },
  }
}
