import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createEventsEndpoint } from './events-endpoint.js'
import { DedupWindow } from './dedup.js'
import { packEvents } from './publish.js'
import type { StoredEvent } from '../core/events.js'

// POST /v1/events validation over HTTP, with JetStream and the identity store stood in for.
describe('POST /v1/events: ts range and id characters', () => {
  let server: Server
  let url: string
  const published: StoredEvent[] = []
  const KEY = 'key-acme-0123456789'

  beforeAll(async () => {
    const endpoint = createEventsEndpoint({
      apiKeys: new Map([[KEY, 'acme']]),
      maxBodyBytes: 1 << 20,
      maxBatchEvents: 100,
      tsRange: { maxFutureMs: 300_000, maxPastMs: 1830 * 86_400_000 },
      dedup: new DedupWindow({ windowSeconds: 600 }),
      identity: { resolve: async () => {} },
      brokerUp: () => true,
      pack: (events) => packEvents(events, { prefix: 'cx' }),
      publish: async (messages) => {
        published.push(...messages.flatMap((m) => m.events))
        return { failed: [] }
      },
    })
    server = createServer((req, res) => void endpoint.handle(req, res))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/events`
  })
  afterAll(() => new Promise((r) => server.close(r)))

  const post = async (events: unknown[]) => {
    const headers = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(events) })
    return {
      status: res.status,
      body: (await res.json()) as { errors?: { index: number; field: string; reason: string }[] },
    }
  }
  const event = (extra: Record<string, unknown>) => ({
    tenant: 'acme',
    ts: Date.now(),
    channel: 'voice',
    type: 'voice.offered',
    interaction_id: 'c1',
    ...extra,
  })

  it('refuses ts in the year 2100, naming ts and the setting; nothing is published', async () => {
    const res = await post([event({}), event({ ts: Date.UTC(2099, 11, 31) })])
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([{ index: 1, field: 'ts', reason: expect.stringContaining('MOFANG_MAX_FUTURE_S') }])
    expect(published).toEqual([])
  })

  it('accepts an event from three years ago (historical import)', async () => {
    const res = await post([event({ ts: Date.now() - 3 * 365 * 86_400_000 })])
    expect(res.status).toBe(202)
    expect(published).toHaveLength(1)
  })

  it('refuses NUL and U+202E in event_id, naming event_id', async () => {
    const res = await post([event({ event_id: 'evt\u0000' }), event({ event_id: 'evt\u202e1' })])
    expect(res.status).toBe(400)
    expect(res.body.errors?.map((e) => [e.index, e.field])).toEqual([
      [0, 'event_id'],
      [1, 'event_id'],
    ])
    expect(res.body.errors?.[1].reason).toMatch(/U\+202E/)
  })
})
