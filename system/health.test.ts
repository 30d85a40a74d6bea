import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHttpServer } from '../kits/http/index.js'
import { healthHandler } from './health.js'

const ADMIN = 'admin-token-0123456789abcdef'
const METRICS = 'metrics-token-0123456789'

describe('/healthz and /metrics', () => {
  let server: Server
  let base: string
  let natsUp = true

  beforeAll(async () => {
    const checks = [
      { name: 'nats', check: async () => ({ ok: natsUp, detail: { url: 'nats://127.0.0.1:4222' } }) },
      { name: 'wallboard', check: async () => ({ ok: true, detail: { tenants: ['acme', 'beta'] } }) },
    ]
    const metrics = () => 'mofang_ingest_total{outcome="accepted"} 3'
    server = createHttpServer([healthHandler(checks, metrics, { adminToken: ADMIN, metricsToken: METRICS })])
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((r) => server.close(r)))

  const get = async (path: string, token?: string) => {
    const res = await fetch(base + path, { headers: token ? { authorization: `Bearer ${token}` } : {} })
    return { status: res.status, text: await res.text() }
  }

  it('tells anyone whether the process is healthy, and nothing else', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, text: '{"status":"ok"}' })
    natsUp = false
    expect(await get('/healthz')).toEqual({ status: 503, text: '{"status":"degraded"}' })
    natsUp = true
  })

  it('shows the components to the admin or metrics token, and refuses a wrong one', async () => {
    for (const token of [ADMIN, METRICS]) {
      const res = await get('/healthz', token)
      expect(res.status).toBe(200)
      expect(JSON.parse(res.text)).toEqual({
        status: 'ok',
        components: {
          nats: { ok: true, detail: { url: 'nats://127.0.0.1:4222' } },
          wallboard: { ok: true, detail: { tenants: ['acme', 'beta'] } },
        },
      })
    }
    const wrong = await get('/healthz', 'not-the-admin-token-000')
    expect(wrong.status).toBe(401)
    expect(wrong.text).not.toMatch(/acme|4222/)
  })

  it('serves /metrics only with a token', async () => {
    const open = await get('/metrics')
    expect(open.status).toBe(401)
    expect(JSON.parse(open.text)).toMatchObject({ error: 'unauthorized', reason: expect.stringContaining('token') })
    expect(open.text).not.toContain('mofang_ingest_total')
    expect((await get('/metrics', 'wrong-token-0123456789')).status).toBe(401)
    for (const token of [ADMIN, METRICS])
      expect(await get('/metrics', token)).toEqual({ status: 200, text: 'mofang_ingest_total{outcome="accepted"} 3\n' })
  })
})
