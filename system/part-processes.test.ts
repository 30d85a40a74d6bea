import { afterEach, expect, it } from 'vitest'
import type { Service, ServiceContext } from '../core/index.js'
import { eventually } from '../testing/env.js'
import { partProcessesService } from './part-processes.js'

/**
 * A stand-in for `mofang run PART`: listens for SIGTERM (it drains and exits 0), says it runs, then, for the part
 * "crashy", exits with 3 after 100 ms.
 */
const FAKE_PART = `
const part = process.argv[process.argv.indexOf('run') + 1]
process.on('SIGTERM', () => { console.error('[mofang] SIGTERM: draining…'); process.exit(0) })
console.log('Mofang parts running: ' + part)
console.error('[mofang] ' + part + ' on ' + process.env.NATS_URL + ' as ' + process.env.MOFANG_PORT)
if (part === 'crashy') setTimeout(() => process.exit(3), 100)
// "hung" says it runs, then its event loop never turns again (no heartbeat, no exit, deaf to SIGTERM).
else if (part === 'hung') setTimeout(() => { for (;;); }, 50)
else setInterval(() => process.send('mofang:alive'), 50)
`

const logs: string[] = []
let running: Service | undefined
afterEach(async () => {
  await running?.stop()
  running = undefined
  logs.length = 0
})

const ctx = {
  natsServers: 'nats://127.0.0.1:4999',
  url: 'http://127.0.0.1:8999',
  adminToken: 'adm',
  warehouse: { kind: 'chdb' },
  config: { dataDir: '/tmp/mofang-part-processes-test', drainTimeoutSeconds: 5 },
  log: (m: string) => logs.push(m),
} as unknown as ServiceContext

const start = (parts: string[]) =>
  partProcessesService({
    parts,
    command: { file: process.execPath, args: ['-e', FAKE_PART, '--'] },
    restartDelayMs: 50,
    maxRestartDelayMs: 200,
    hangAfterMs: 600,
  })(ctx)

type Detail = Record<string, { state: string; pid: number; restarts: number; last_exit?: string }>
const detail = async (svc: Service) => (await svc.health!()).detail as Detail

it('starts each part in its own process on the parent NATS, and reports them running', async () => {
  running = await start(['live_metrics', 'ocr'])
  const health = await running.health!()
  expect(health.ok).toBe(true)
  const parts = health.detail as Detail
  expect(parts.live_metrics).toMatchObject({ state: 'running', restarts: 0 })
  expect(parts.ocr.pid).not.toBe(parts.live_metrics.pid)
})

it('restarts a part that keeps crashing with a growing delay, capped', async () => {
  running = await start(['crashy'])
  await eventually(async () => (await detail(running!)).crashy.restarts >= 4, { what: 'four restarts' })
  expect((await detail(running!)).crashy.last_exit).toBe('exit code 3')
  const delays = logs.flatMap((l) => /starting it again in (\d+) ms/.exec(l)?.[1] ?? []).map(Number)
  expect(delays.slice(0, 4)).toEqual([50, 100, 200, 200])
})

it('stops every part with SIGTERM and waits for it', async () => {
  const svc = await start(['live_metrics'])
  const { pid } = (await detail(svc)).live_metrics
  await svc.stop()
  expect(() => process.kill(pid, 0)).toThrow()
  expect((await detail(svc)).live_metrics).toMatchObject({ state: 'stopped', last_exit: 'exit code 0' })
})

it('kills a part whose heartbeats stop and starts it again; parts that beat are left alone', async () => {
  running = await start(['hung', 'live_metrics'])
  const first = (await detail(running)).hung.pid
  // Started again, with a new pid: the count goes up when the old one exits, the pid when the restart delay is over.
  await eventually(
    async () => {
      const { hung } = await detail(running!)
      return hung.restarts >= 1 && hung.pid !== first
    },
    { what: 'the hung part restarted' },
  )
  const parts = await detail(running)
  expect(parts.hung.last_exit).toBe('no heartbeat for 600 ms: killed')
  expect(parts.hung.pid).not.toBe(first)
  expect(() => process.kill(first, 0)).toThrow()
  expect(logs.some((l) => /hung process \(pid \d+\) sent no heartbeat for 600 ms/.test(l))).toBe(true)
  expect(parts.live_metrics.restarts).toBe(0)
})
