/**
 * Smoke test of `mofang start` (what `npm start` runs after its set-up): the
 * simulator's events reach ClickHouse within 30 s, and SIGINT stops everything,
 * the managed nats-server included.
 */
import { afterAll, expect, it } from 'vitest'
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { rootDir } from '../core/compiled.js'
import { readLiveLock } from '../kits/cli/index.js'
import { eventually, tempDir } from '../testing/env.js'

const dir = tempDir('start')
const children: ChildProcess[] = []
// A failed or timed-out run must not leave a Mofang (and its nats-server) running.
afterAll(() => {
  children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'))
  dir.remove()
})

const processesUsing = (path: string) => {
  try {
    return execFileSync('pgrep', ['-f', path]).toString().trim().split('\n').filter(Boolean)
  } catch {
    return [] // pgrep exits 1 when nothing matches
  }
}

function startCli(dataDir: string, args: string[]) {
  const child = spawn(process.execPath, [join(rootDir(), 'dist', 'cli', 'mofang.js'), 'start', ...args], {
    env: { ...process.env, MOFANG_DATA_DIR: dataDir, MOFANG_PORT: '0', MOFANG_API_KEYS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  const out = { stdout: '', stderr: '' }
  child.stdout!.on('data', (d: Buffer) => (out.stdout += d))
  child.stderr!.on('data', (d: Buffer) => (out.stderr += d))
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)))
  const url = eventually(async () => /Mofang is running:\s+(\S+)/.exec(out.stdout)?.[1], { what: 'the URL' })
  return { child, out, exited, url }
}

it('starts the whole system with the simulator and stops it all on SIGINT', async () => {
  const { child, out, exited, url: urlReady } = startCli(dir.path, ['--speed', '30'])
  const url = await urlReady
  expect(out.stdout).toMatch(/dev API key \(tenant "demo"\):\s+mf_dev_[0-9a-f]{32}/)
  const lock = readLiveLock(dir.path)!
  const started = Date.now()
  await eventually(
    async () => {
      const res = await fetch(`${url}/v1/sql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${lock.adminToken}` },
        body: 'SELECT count() AS n FROM events',
      })
      return Number(((await res.json()) as { rows: { n: number }[] }).rows[0].n) > 0
    },
    { timeoutMs: 30_000, what: 'simulated events in ClickHouse' },
  )
  expect(Date.now() - started).toBeLessThan(30_000)
  expect(processesUsing(join(dir.path, 'nats'))).not.toEqual([])

  child.kill('SIGINT')
  expect(await exited).toBe(0)
  expect(out.stderr).toMatch(/stopped \(SIGINT\)/)
  await eventually(async () => processesUsing(join(dir.path, 'nats')).length === 0, {
    timeoutMs: 5_000,
    what: 'no orphan nats-server',
  })
  expect(readLiveLock(dir.path)).toBeUndefined()
}, 120_000)

it('leaves no orphan nats-server when the process is SIGKILLed', async () => {
  const killed = tempDir('start-kill')
  const { child, exited, url } = startCli(killed.path, ['--no-simulator'])
  await url
  child.kill('SIGKILL')
  await exited
  await eventually(async () => processesUsing(join(killed.path, 'nats')).length === 0, {
    timeoutMs: 5_000,
    what: 'the watchdog to stop nats-server',
  })
  killed.remove()
})
