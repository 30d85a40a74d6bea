/**
 * A real `mofang start` in a child process, for end-to-end fault tests: spawned from dist/ (build first:
 * `node scripts/bootstrap.mjs build`), on a temp data directory, with two tenants' API keys. Helpers post
 * events, query the warehouse through /v1/sql with the lock file's admin token, read /healthz, find the
 * managed nats-server, and stop or kill the process. `cleanupMofangs()` (call it in afterAll) kills every
 * child and every nats-server under their data directories, even after a failed test, stopped ones included.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import { rootDir } from '../core/compiled.js'

export const TENANT_KEYS = {
  alpha: 'alpha-key-0123456789abcdef',
  beta: 'beta-key-0123456789abcdef',
} as const
export type Tenant = keyof typeof TENANT_KEYS

export interface MofangOptions {
  /** Label for the temp data directory. */
  label: string
  /** Data directory; default a new temp dir (removed by cleanupMofangs). */
  dataDir?: string
  /** NATS_URL: an external server instead of the managed one. */
  natsUrl?: string
  /** Extra environment. */
  env?: Record<string, string>
  /** Arguments after `start`. Default ['--no-simulator']. */
  args?: string[]
  /** ms to wait for the "Mofang is running" line. Default 60,000. */
  readyTimeoutMs?: number
}

export interface PostResult {
  /** HTTP status, or 0 for a network error or a client timeout. */
  status: number
  body?: {
    accepted?: number
    duplicates?: number
    /** The refusal's code and its sentence (the HTTP kit's error shape). */
    error?: string
    reason?: string
    errors?: { index: number; field: string; reason: string }[]
    failed_indexes?: number[]
    unconfirmed_indexes?: number[]
  }
  error?: string
  ms: number
}

export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
}

export interface MofangProcess {
  readonly dataDir: string
  readonly child: ChildProcess
  readonly out: { stdout: string; stderr: string }
  /** Resolves when the process exits. */
  readonly exited: Promise<Exit>
  /** Set once ready() resolved. */
  url: string
  adminToken: string
  /** Waits for the URL line and the lock file. Rejects if the process exits first. */
  ready(): Promise<void>
  post(tenant: Tenant, events: unknown[] | string, opts?: { timeoutMs?: number }): Promise<PostResult>
  sql<T = Record<string, unknown>>(query: string): Promise<T[]>
  health(): Promise<{ status: number; body: HealthBody }>
  /** Pid of the managed nats-server (the one whose store is under the data directory). */
  natsPid(): number | undefined
  /** Sends `signal` (default SIGTERM) and waits for the exit. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit & { ms: number }>
  kill(): void
  running(): boolean
  /** stdout and stderr, for failure messages. */
  logs(): string
}

export interface HealthBody {
  status: string
  components: Record<string, { ok: boolean; detail?: Record<string, unknown> }>
}

const children = new Set<ChildProcess>()
const dataDirs = new Set<string>()
const ownedDirs = new Set<string>()
const extraPids = new Set<number>()

// A crashed test runner must not leave Mofangs behind either.
process.once('exit', () => children.forEach((c) => c.exitCode === null && c.signalCode === null && c.kill('SIGKILL')))

export function newTempDir(label: string): string {
  const path = mkdtempSync(join(tmpdir(), `mofang-${label}-`))
  ownedDirs.add(path)
  return path
}

/** Pids of processes whose command line contains `pattern` (not this process). */
export function pgrep(pattern: string): number[] {
  try {
    return execFileSync('pgrep', ['-f', pattern])
      .toString()
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter((p) => p !== process.pid)
  } catch {
    return [] // pgrep exits 1 when nothing matches
  }
}

/** The state letter of a process (R, S, T = stopped, Z…), or undefined when it is gone. */
export function processState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]
  } catch {
    return undefined
  }
}

export function signal(pid: number, sig: NodeJS.Signals): boolean {
  try {
    process.kill(pid, sig)
    return true
  } catch {
    return false
  }
}

/** Kill this pid too in cleanupMofangs (an external nats-server the test started). */
export function killAtCleanup(pid: number): void {
  extraPids.add(pid)
}

/** Kills every child and nats-server this harness knows of (SIGCONT first for stopped ones), then removes temp dirs. */
export async function cleanupMofangs(): Promise<void> {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  const pids = [...extraPids, ...[...dataDirs].flatMap((d) => pgrep(join(d, 'nats')))]
  for (const pid of pids) {
    signal(pid, 'SIGKILL')
    signal(pid, 'SIGCONT')
  }
  // Give the kernel a moment to reap them before their files go.
  await new Promise((r) => setTimeout(r, 300))
  for (const d of ownedDirs) rmSync(d, { recursive: true, force: true })
  children.clear()
  dataDirs.clear()
  ownedDirs.clear()
  extraPids.clear()
}

export function spawnMofang(opts: MofangOptions): MofangProcess {
  const dataDir = resolve(opts.dataDir ?? newTempDir(opts.label))
  dataDirs.add(dataDir)
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    MOFANG_DATA_DIR: dataDir,
    MOFANG_PORT: '0',
    MOFANG_API_KEYS: Object.entries(TENANT_KEYS)
      .map(([t, k]) => `${t}:${k}`)
      .join(','),
    ...(opts.natsUrl ? { NATS_URL: opts.natsUrl } : {}),
    ...opts.env,
  }
  if (!opts.natsUrl && !opts.env?.NATS_URL) delete env.NATS_URL
  const child = spawn(
    process.execPath,
    [join(rootDir(), 'dist', 'cli', 'mofang.js'), 'start', ...(opts.args ?? ['--no-simulator'])],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  children.add(child)
  const out = { stdout: '', stderr: '' }
  child.stdout!.on('data', (d: Buffer) => (out.stdout += d))
  child.stderr!.on('data', (d: Buffer) => (out.stderr += d))
  const exited = new Promise<Exit>((r) => child.once('exit', (code, sig) => r({ code, signal: sig })))
  const logs = () => `--- stdout ---\n${out.stdout}\n--- stderr ---\n${out.stderr}`

  const proc: MofangProcess = {
    dataDir,
    child,
    out,
    exited,
    url: '',
    adminToken: '',
    async ready() {
      const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000)
      let gone = false
      void exited.then(() => (gone = true))
      for (;;) {
        const url = /Mofang is running:\s+(\S+)/.exec(out.stdout)?.[1]
        if (url) {
          const lock = JSON.parse(readFileSync(join(dataDir, 'mofang.lock.json'), 'utf8')) as {
            url: string
            adminToken: string
          }
          proc.url = url
          proc.adminToken = lock.adminToken
          return
        }
        if (gone) throw new Error(`mofang exited before it was ready (${JSON.stringify(await exited)})\n${logs()}`)
        if (Date.now() > deadline)
          throw new Error(`mofang not ready within ${opts.readyTimeoutMs ?? 60_000} ms\n${logs()}`)
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    async post(tenant, events, { timeoutMs = 30_000 } = {}) {
      const started = Date.now()
      try {
        const res = await fetch(`${proc.url}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TENANT_KEYS[tenant]}`, 'content-type': 'application/json' },
          body: typeof events === 'string' ? events : JSON.stringify(events),
          signal: AbortSignal.timeout(timeoutMs),
        })
        const text = await res.text()
        let body: PostResult['body']
        try {
          body = JSON.parse(text)
        } catch {
          body = { error: text }
        }
        return { status: res.status, body, ms: Date.now() - started }
      } catch (err) {
        const e = err as Error & { cause?: Error }
        return {
          status: 0,
          error: `${e.name}: ${e.message}${e.cause ? ` (${e.cause.message})` : ''}`,
          ms: Date.now() - started,
        }
      }
    },
    async sql<T>(query: string) {
      const res = await fetch(`${proc.url}/v1/sql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${proc.adminToken}` },
        body: query,
        signal: AbortSignal.timeout(30_000),
      })
      const body = (await res.json()) as { rows?: T[]; error?: string; reason?: string }
      if (res.status !== 200) throw new Error(`/v1/sql ${res.status}: ${body.reason ?? body.error}`)
      return body.rows!
    },
    async health() {
      // The components' details need the admin token; without it /healthz tells only ok or degraded.
      const res = await fetch(`${proc.url}/healthz`, {
        headers: { authorization: `Bearer ${proc.adminToken}` },
        signal: AbortSignal.timeout(10_000),
      })
      return { status: res.status, body: (await res.json()) as HealthBody }
    },
    natsPid() {
      return pgrep(join(dataDir, 'nats'))[0]
    },
    async stop(sig = 'SIGTERM', timeoutMs = 60_000) {
      const started = Date.now()
      child.kill(sig)
      let timer: NodeJS.Timeout | undefined
      const exit = await Promise.race([
        exited,
        new Promise<never>(
          (_, fail) =>
            (timer = setTimeout(
              () => fail(new Error(`mofang did not exit within ${timeoutMs} ms of ${sig}\n${logs()}`)),
              timeoutMs,
            )),
        ),
      ])
      clearTimeout(timer)
      return { ...exit, ms: Date.now() - started }
    },
    kill() {
      if (proc.running()) child.kill('SIGKILL')
    },
    running: () => child.exitCode === null && child.signalCode === null,
    logs,
  }
  return proc
}

export async function startMofang(opts: MofangOptions): Promise<MofangProcess> {
  const proc = spawnMofang(opts)
  await proc.ready()
  return proc
}

// ---- events ----

let seq = 0
/** A unique run prefix, so ids never collide between runs or tests. */
export const runId = () => `r${randomBytes(3).toString('hex')}${(seq++).toString(36)}`

export function chatMessage(
  tenant: Tenant,
  ts: number,
  interactionId: string,
  opts: { eventId?: string; text?: string; role?: string } = {},
) {
  return {
    tenant,
    ts,
    channel: 'webchat',
    type: 'chat.message',
    interaction_id: interactionId,
    ...(opts.eventId ? { event_id: opts.eventId } : {}),
    payload: { role: opts.role ?? 'customer', text: opts.text ?? 'hello, my order has not arrived' },
  }
}

/** Polls `fn` until it returns a truthy value or the deadline passes; returns the last value either way. */
export async function waitFor<T>(
  fn: () => Promise<T>,
  timeoutMs: number,
  intervalMs = 250,
): Promise<{ ok: boolean; value: T | undefined; ms: number; error?: string }> {
  const started = Date.now()
  let value: T | undefined
  let error: string | undefined
  for (;;) {
    try {
      value = await fn()
      error = undefined
      if (value) return { ok: true, value, ms: Date.now() - started }
    } catch (err) {
      error = (err as Error).message
    }
    if (Date.now() - started > timeoutMs) return { ok: false, value, ms: Date.now() - started, error }
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

/** One row of the summary table the README shows. */
export function summaryRow(
  scenario: string,
  r: { sent: number; acknowledged: number; stored: number; duplicates: number; lost: number },
): string {
  const row = `SUMMARY | ${scenario} | ${r.sent} | ${r.acknowledged} | ${r.stored} | ${r.duplicates} | ${r.lost}`
  console.log(row)
  return row
}

/** Stored event ids of a tenant, with how many rows each has. */
export async function storedIds(m: MofangProcess, tenant: Tenant, where = '1'): Promise<Map<string, number>> {
  const rows = await m.sql<{ id: string; n: number }>(
    `SELECT event_id AS id, count() AS n FROM events WHERE tenant = '${tenant}' AND (${where}) GROUP BY event_id`,
  )
  return new Map(rows.map((r) => [r.id, Number(r.n)]))
}

export interface Tally {
  /** Rows stored for the ids in scope. */
  stored: number
  /** Distinct ids stored. */
  unique: number
  /** Rows beyond the first per id. */
  duplicates: number
  /** Acknowledged ids not stored. */
  lost: number
  /** A few of the lost ids, for the failure message. */
  lostSample: string[]
}

/** Counts a tenant's stored events whose id starts with `prefix` against the acknowledged ids. */
export async function tally(
  m: MofangProcess,
  tenant: Tenant,
  prefix: string,
  acknowledged: ReadonlySet<string>,
): Promise<Tally> {
  const ids = await storedIds(m, tenant, `startsWith(event_id, '${prefix}')`)
  let stored = 0
  for (const n of ids.values()) stored += n
  const lostIds = [...acknowledged].filter((id) => !ids.has(id))
  return {
    stored,
    unique: ids.size,
    duplicates: stored - ids.size,
    lost: lostIds.length,
    lostSample: lostIds.slice(0, 5),
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
