/**
 * The nats-server restarted while the simulator runs: ingest answers 503 (never
 * 202) while JetStream is down, recovers by itself, and every event it accepted
 * is stored exactly once.
 */
import { afterAll, expect, it } from 'vitest'
import { startSystem, type RunningSystem } from '../system/system.js'
import { startSimulator } from '../simulator/run.js'
import {
  TEST_KEY,
  TEST_TENANT,
  eventually,
  postEvents,
  tempDir,
  testConfig,
  testNats,
  uniqueNamespace,
} from '../testing/env.js'
import type { LocalNats } from '../bus/nats-server.js'

const dir = tempDir('restart')
let nats: LocalNats
let sys: RunningSystem
afterAll(async () => {
  await sys?.stop()
  await nats?.stop()
  dir.remove()
})

const probe = () =>
  postEvents(
    sys.url,
    JSON.stringify([{ tenant: TEST_TENANT, ts: Date.now(), channel: 'voice', type: 'agent.ready', agent_id: 'probe' }]),
  )

it('answers 503 while JetStream is down and recovers by itself, losing nothing', async () => {
  nats = await testNats(dir.path)
  sys = await startSystem({
    config: testConfig(dir.path, { NATS_URL: nats.url }),
    namespace: uniqueNamespace(),
    log: () => {},
  })
  const sim = startSimulator({
    url: sys.url,
    apiKey: TEST_KEY,
    tenant: TEST_TENANT,
    seed: 7,
    speed: 300,
    agents: 20,
    rate: 3000,
    statusEveryMs: 0,
    log: () => {},
  })
  await eventually(async () => sim.stats().accepted > 200, { what: 'simulated traffic' })

  await nats.stop()
  const down = await probe()
  expect(down.status).toBe(503)
  expect(down.headers.get('retry-after')).toBe('1')
  expect(((await down.json()) as { error: string }).error).toMatch(/unavailable/)
  // The simulator's own posts are refused too, and it keeps them to send again (waited for: a restart before its next
  // post would leave it nothing to retry, which made this test fail now and then).
  await eventually(async () => sim.stats().retries > 0, { what: 'a simulator post refused while NATS is down' })

  nats = await testNats(dir.path, nats.port)
  await eventually(async () => (await probe()).status === 202, { what: 'ingest to recover', timeoutMs: 20_000 })
  const before = sim.stats().accepted
  await eventually(async () => sim.stats().accepted > before + 100, { what: 'simulated traffic after the restart' })

  const final = await sim.stop()
  expect(final.rejected).toBe(0)
  expect(final.retries).toBeGreaterThan(0)
  const stored = async () =>
    Number((await sys.warehouse.query<{ n: number }>(`SELECT count() AS n FROM events WHERE agent_id != 'probe'`))[0].n)
  await eventually(async () => (await stored()) === final.accepted, {
    what: `${final.accepted} simulated events in ClickHouse`,
  })
  const [dupes] = await sys.warehouse.query<{ n: number }>('SELECT count() - uniqExact(event_id) AS n FROM events')
  expect(Number(dupes.n)).toBe(0)
})
