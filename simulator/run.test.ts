import { describe, it, expect, afterEach } from 'vitest'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { IncomingEvent } from '../core/events.js'
import { startSimulator, type LiveOptions } from './run.js'
import { generate } from './generate.js'

const START = Date.parse('2024-05-06T10:00:00+08:00')
const MINUTE = 60_000

/** A stand-in for the ingest API: `reply` decides each request's answer; accepted events are kept in order. */
async function fakeIngest(
  reply: (n: number, batch: IncomingEvent[]) => { status: number; body?: unknown } | undefined = () => undefined,
) {
  const accepted: IncomingEvent[] = []
  const batches: number[] = []
  const auth: string[] = []
  let n = 0
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as IncomingEvent[]
      batches.push(batch.length)
      auth.push(String(req.headers.authorization))
      const answer = reply(n++, batch) ?? { status: 202 }
      if (answer.status === 202) accepted.push(...batch)
      res.writeHead(answer.status, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify(
          answer.body ?? (answer.status === 202 ? { accepted: batch.length, duplicates: 0 } : { error: 'broker down' }),
        ),
      )
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  servers.push(server)
  return { url, accepted, batches, auth }
}
const servers: ReturnType<typeof createServer>[] = []
afterEach(() => servers.splice(0).forEach((s) => s.close()))

const base = (url: string): LiveOptions => ({
  url,
  apiKey: 'test-key-0123456789',
  seed: 11,
  start: START,
  agents: 30,
  rate: 900,
  speed: 3600,
  tickMs: 20,
  statusEveryMs: 0,
  log: () => {},
})

/** What the live run must have posted: the first N events of the same simulation. */
function expectPrefixOfGenerate(posted: IncomingEvent[], opts: { start: number; durationMs?: number }) {
  const reference = generate({
    seed: 11,
    start: opts.start,
    agents: 30,
    ratePerHour: 900,
    durationMs: opts.durationMs ?? 6 * 60 * MINUTE,
  })
  expect(posted.length).toBeGreaterThan(100)
  expect(posted.map((e) => e.event_id)).toEqual(reference.slice(0, posted.length).map((e) => e.event_id))
  expect(new Set(posted.map((e) => e.event_id)).size).toBe(posted.length)
}

describe('startSimulator', () => {
  it('posts due events in batches with the API key, and stop() flushes everything generated', async () => {
    const api = await fakeIngest()
    const sim = startSimulator({ ...base(api.url), maxBatch: 200 })
    await new Promise((r) => setTimeout(r, 600))
    const final = await sim.stop()
    expect(final.pending).toBe(0)
    expect(final.accepted).toBe(final.generated)
    expect(api.accepted.length).toBe(final.generated)
    expect(api.batches.length).toBeGreaterThan(1)
    expect(Math.max(...api.batches)).toBeLessThanOrEqual(200)
    expect(new Set(api.auth)).toEqual(new Set(['Bearer test-key-0123456789']))
    // Event time is simulated time: ~0.6 s at ×3600 is well past half an hour.
    expect(api.accepted.at(-1)!.ts - START).toBeGreaterThan(20 * MINUTE)
    expectPrefixOfGenerate(api.accepted, { start: START })
    expect(await sim.done).toEqual(final)
  })

  it('keeps events through 503s and retries until the API takes them: none lost, none duplicated', async () => {
    const api = await fakeIngest((n) => (n < 4 ? { status: 503 } : undefined))
    const sim = startSimulator(base(api.url))
    await new Promise((r) => setTimeout(r, 1_000))
    const final = await sim.stop()
    expect(final.retries).toBeGreaterThanOrEqual(4)
    expect(final.pending).toBe(0)
    expect(api.accepted.length).toBe(final.generated)
    expectPrefixOfGenerate(api.accepted, { start: START })
  })

  it('back-fills history first, then runs until durationMs and ends by itself', async () => {
    const api = await fakeIngest()
    const sim = startSimulator({ ...base(api.url), backfillMs: 2 * 60 * MINUTE, durationMs: 20 * MINUTE, speed: 6000 })
    const final = await sim.done
    expect(final.pending).toBe(0)
    expectPrefixOfGenerate(api.accepted, { start: START - 2 * 60 * MINUTE, durationMs: 140 * MINUTE })
    expect(api.accepted[0].ts).toBeLessThan(START - 110 * MINUTE)
    // Arrivals stopped at the end; the run ended once contacts finished and agents logged out.
    expect(
      api.accepted.filter(
        (e) => (e.type === 'voice.offered' || e.type === 'chat.started') && e.ts > START + 20 * MINUTE,
      ),
    ).toEqual([])
    expect(api.accepted.at(-1)!.ts).toBeGreaterThan(START + 20 * MINUTE)
    expect(final.sim.agentsLoggedIn).toBe(0)
  })

  it('logs rejected events loudly as a simulator bug and resends the rest', async () => {
    const lines: string[] = []
    const api = await fakeIngest((n) =>
      n === 0
        ? {
            status: 400,
            body: { error: 'invalid events', errors: [{ index: 0, field: 'payload.x', reason: 'unknown field' }] },
          }
        : undefined,
    )
    const sim = startSimulator({ ...base(api.url), log: (l) => lines.push(l) })
    await new Promise((r) => setTimeout(r, 400))
    const final = await sim.stop()
    expect(final.rejected).toBe(1)
    expect(api.accepted.length).toBe(final.generated - 1)
    expect(lines.join('\n')).toMatch(/BUG: ingest rejected 1 event.*\n.*event #0 \(.+\): payload\.x: unknown field/)
  })

  it('fails clearly on a wrong API key', async () => {
    const api = await fakeIngest(() => ({ status: 401, body: { error: 'unauthorized' } }))
    const sim = startSimulator(base(api.url))
    await expect(sim.done).rejects.toThrow(/refused the API key/)
  })
})
