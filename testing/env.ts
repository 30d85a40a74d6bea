/** Shared set-up for integration tests: temp dirs, a test config, a real nats-server. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { loadConfig, type Config } from '../core/config.js'
import { startLocalNats, type LocalNats } from '../bus/nats-server.js'

export const TEST_TENANT = 'acme'
/** The accepted future of event times when a simulator runs faster than the clock: the largest MOFANG_MAX_FUTURE_S. */
export const SIMULATED_FUTURE_S = 31_622_400
export const TEST_KEY = 'test-key-0123456789abcdef'

export function tempDir(label: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), `mofang-${label}-`))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** A unique namespace so streams and consumers never collide between tests. */
export function uniqueNamespace(): string {
  return `t${randomBytes(4).toString('hex')}`
}

/** A config on temp data with one API key, port 0 and the given overrides. */
export function testConfig(dataDir: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    MOFANG_DATA_DIR: dataDir,
    MOFANG_PORT: '0',
    MOFANG_API_KEYS: `${TEST_TENANT}:${TEST_KEY}`,
    MOFANG_SINK_FLUSH_MS: '50',
    // Tests run the simulator faster than the clock, so its events are ahead of the server's time.
    MOFANG_MAX_FUTURE_S: String(SIMULATED_FUTURE_S),
    ...env,
  })
}

export async function testNats(dir: string, port?: number): Promise<LocalNats> {
  return startLocalNats({ storeDir: join(dir, 'nats'), port })
}

/** Polls `fn` until it returns a truthy value or the deadline passes. */
export async function eventually<T>(
  fn: () => Promise<T>,
  { timeoutMs = 30_000, intervalMs = 100, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const v = await fn()
      if (v) return v
    } catch (err) {
      last = err
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`)
    await new Promise((r) => setTimeout(r, intervalMs))
  }
}

export function postEvents(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json', ...headers },
    body,
  })
}

/**
 * A whole-hour time zone in which `now` is late morning (11:00-12:00 local), with its UTC offset for the simulator:
 * a test that simulates the last minutes of the floor sees a busy, staffed centre at whatever hour it runs, and its
 * "today" never crosses local midnight.
 */
export function lateMorningZone(now = Date.now()): { timeZone: string; utcOffsetMinutes: number } {
  const utcHours = (now % 86_400_000) / 3_600_000
  const hours = ((((Math.round(11.5 - utcHours) + 12) % 24) + 24) % 24) - 12
  // Etc/GMT signs are inverted (POSIX): Etc/GMT+4 is UTC-4.
  const timeZone = hours === 0 ? 'UTC' : hours > 0 ? `Etc/GMT-${hours}` : `Etc/GMT+${-hours}`
  return { timeZone, utcOffsetMinutes: hours * 60 }
}
