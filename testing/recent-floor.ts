/**
 * The last forty minutes of a simulated floor, posted through ingest at 120× (20 s): every event lies in the past, so
 * "today" holds them all. Run in `lateMorningZone`'s offset, so the floor is busy and staffed at any hour the test
 * runs.
 */
import { startSimulator } from '../simulator/run.js'
import { TEST_KEY, TEST_TENANT } from './env.js'

export async function simulateRecentFloor(url: string, opts: { seed: number; utcOffsetMinutes: number }) {
  const sim = startSimulator({
    url,
    apiKey: TEST_KEY,
    tenant: TEST_TENANT,
    seed: opts.seed,
    utcOffsetMinutes: opts.utcOffsetMinutes,
    start: Date.now() - 40 * 60_000,
    durationMs: 40 * 60_000,
    speed: 120,
    ratePerHour: 900,
    statusEveryMs: 0,
    log: () => {},
  })
  return sim.done
}
