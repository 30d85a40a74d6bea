import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { createServer, type Server } from 'node:http'
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { createWallboardHandler, type WallboardHandler } from './handler.js'
import { hashPassword } from '../../kits/auth/index.js'
import { createLiveMetrics } from '../../live-metrics/engine.js'
import type { Snapshot } from '../../core/contracts/index.js'

const CHEAP = { N: 1024, r: 8, p: 1 } // fast hashes for tests; production uses the default cost

let server: Server
let handler: WallboardHandler
let base: string
let dir: string
const engine = createLiveMetrics({ timeZone: 'UTC' })
const listeners = new Map<string, Set<() => void>>()
const historyCalls: string[] = []

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wallboard-static-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>wall</title>')
  writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)')
  handler = createWallboardHandler({
    getSnapshot: (tenant) => engine.snapshot(tenant, Date.now()),
    subscribe: (tenant, fn) => {
      const set = listeners.get(tenant) ?? new Set()
      set.add(fn)
      listeners.set(tenant, set)
      return () => set.delete(fn)
    },
    getHistory: async (tenant, date) => {
      historyCalls.push(`${tenant} ${date}`)
      if (date === '2020-01-01') throw new Error('warehouse down')
      return [{ t: Date.parse(date), offered: 3, answered: 2, abandoned: 1, sl_pct: 50 }]
    },
    auth: {
      displayTokens: new Map([['wall-token-acme', 'acme']]),
      users: new Map([
        ['lin', { passwordHash: await hashPassword('s3cret!', CHEAP), tenant: 'acme', roles: ['supervisor'] }],
      ]),
    },
    staticDir: dir,
    sessionSecret: 'test-secret-test-secret-test-secret',
    heartbeatMs: 300,
    minPushMs: 50,
    maxLoginFailures: 3,
    log: () => {},
    onError: () => {},
  })
  server = createServer(async (req, res) => {
    if (!(await handler(req, res))) {
      res.writeHead(404)
      res.end('not mine')
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  handler.close()
  await new Promise((r) => server.close(r))
  rmSync(dir, { recursive: true, force: true })
})

const login = (username: string, password: string) =>
  fetch(`${base}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })

describe('access', () => {
  it('refuses every API route without credentials, with a JSON reason', async () => {
    for (const path of ['/api/snapshot', '/api/history?date=2025-01-06', '/api/live', '/api/me']) {
      const res = await fetch(base + path)
      expect(res.status, path).toBe(401)
      expect(await res.json()).toMatchObject({ error: 'unauthorized', reason: expect.stringContaining('token') })
    }
    const bad = await fetch(`${base}/api/snapshot?token=nope`)
    expect(await bad.json()).toEqual({ error: 'unauthorized', reason: 'unknown display token' })
  })

  it('lets a display token read its own tenant (query or bearer)', async () => {
    const q = await fetch(`${base}/api/snapshot?token=wall-token-acme`)
    expect(q.status).toBe(200)
    expect(q.headers.get('cache-control')).toBe('no-store')
    expect(q.headers.get('referrer-policy')).toBe('no-referrer')
    const snap = (await q.json()) as Snapshot
    expect(snap.tenant).toBe('acme')
    const b = await fetch(`${base}/api/me`, { headers: { authorization: 'Bearer wall-token-acme' } })
    expect(await b.json()).toEqual({ kind: 'display', tenant: 'acme', roles: ['display'] })
  })

  it('signs a supervisor in with a signed session cookie, and out again', async () => {
    expect((await login('lin', 'wrong')).status).toBe(401)
    expect((await login('nobody', 'x')).status).toBe(401)
    const res = await login('lin', 's3cret!')
    expect(res.status).toBe(200)
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^mofang_wb=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/)
    const cookie = setCookie.split(';')[0]
    const me = await fetch(`${base}/api/me`, { headers: { cookie } })
    expect(await me.json()).toEqual({ kind: 'user', tenant: 'acme', user: 'lin', roles: ['supervisor'] })
    const [body, mac] = cookie.slice('mofang_wb='.length).split('.')
    const forged = Buffer.from(JSON.stringify({ u: 'lin', t: 'other', r: ['admin'], exp: Date.now() + 1e6 })).toString(
      'base64url',
    )
    const bad = await fetch(`${base}/api/me`, { headers: { cookie: `mofang_wb=${forged}.${mac}` } })
    expect(await bad.json()).toEqual({ error: 'unauthorized', reason: 'session signature is invalid' })
    expect(body.length).toBeGreaterThan(10)
    const out = await fetch(`${base}/api/logout`, { method: 'POST', headers: { cookie } })
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0')
    // Signed out means over: the old cookie no longer works (it used to, for its 12 h).
    expect((await fetch(`${base}/api/me`, { headers: { cookie } })).status).toBe(401)
  })

  it('accepts only JSON sign-ins and locks a user out after repeated failures', async () => {
    const form = await fetch(`${base}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=lin&password=x',
    })
    expect(form.status).toBe(415)
    for (let i = 0; i < 3; i++) await login('mallory', 'guess')
    expect((await login('mallory', 'guess')).status).toBe(429)
  })
})

describe('history', () => {
  it('validates the date, passes the tenant and maps warehouse failures to 503', async () => {
    const t = 'token=wall-token-acme'
    expect((await fetch(`${base}/api/history?date=yesterday&${t}`)).status).toBe(400)
    const ok = await fetch(`${base}/api/history?date=2025-01-06&${t}`)
    expect(await ok.json()).toEqual({
      date: '2025-01-06',
      intervals: [{ t: Date.parse('2025-01-06'), offered: 3, answered: 2, abandoned: 1, sl_pct: 50 }],
    })
    expect(historyCalls).toContain('acme 2025-01-06')
    expect((await fetch(`${base}/api/history?date=2020-01-01&${t}`)).status).toBe(503)
  })
})

/** Reads SSE messages from a fetch body until `count` arrived. */
async function readEvents(res: Response, count: number, onFirst?: () => void) {
  const reader = res.body!.getReader()
  const decoder = new TextDecoder()
  let buf = ''
  const messages: { id?: string; event?: string; data?: string; retry?: string }[] = []
  while (messages.length < count) {
    const { value, done } = await reader.read()
    if (done) break
    buf += decoder.decode(value, { stream: true })
    let end
    while ((end = buf.indexOf('\n\n')) >= 0) {
      const block = buf.slice(0, end)
      buf = buf.slice(end + 2)
      const msg: Record<string, string> = {}
      for (const line of block.split('\n')) {
        const i = line.indexOf(': ')
        msg[line.slice(0, i)] = line.slice(i + 2)
      }
      messages.push(msg)
      if (messages.length === 2) onFirst?.()
    }
  }
  await reader.cancel()
  return messages
}

describe('live stream', () => {
  it('sends a retry hint, then snapshots with ids and as_of, on change and as heartbeat', async () => {
    const ac = new AbortController()
    const res = await fetch(`${base}/api/live?token=wall-token-acme`, {
      signal: ac.signal,
      headers: { 'last-event-id': '41' },
    })
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const started = Date.now()
    const messages = await readEvents(res, 4, () => {
      for (const fn of listeners.get('acme') ?? []) fn()
    })
    const elapsed = Date.now() - started
    expect(messages[0]).toEqual({ retry: '2000' })
    const snaps = messages.slice(1)
    expect(snaps.map((m) => m.event)).toEqual(['snapshot', 'snapshot', 'snapshot'])
    expect(snaps.map((m) => Number(m.id))).toEqual([42, 43, 44])
    for (const m of snaps) expect(JSON.parse(m.data!)).toMatchObject({ tenant: 'acme', as_of: expect.any(Number) })
    // Greeting + change push + one heartbeat: well under two heartbeats.
    expect(elapsed).toBeLessThan(1500)
    ac.abort()
    await new Promise((r) => setTimeout(r, 100))
    expect(handler.liveConnections).toBe(0)
    expect(listeners.get('acme')?.size).toBe(0)
  })
})

describe('static app', () => {
  it('serves hashed assets immutable, index.html revalidated, deep links via SPA fallback', async () => {
    const asset = await fetch(`${base}/assets/app-1a2b.js`)
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const deep = await fetch(`${base}/wall/overview`)
    expect(deep.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(deep.headers.get('cache-control')).toBe('no-cache')
    expect(await deep.text()).toContain('<title>wall</title>')
    const again = await fetch(`${base}/`, { headers: { 'if-none-match': deep.headers.get('etag')! } })
    expect(again.status).toBe(304)
  })

  it('leaves missing files, traversal attempts and other services to the caller', async () => {
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404)
    expect((await fetch(`${base}/..%2f..%2fetc%2fpasswd`)).status).toBe(404)
    expect(await (await fetch(`${base}/v1/events`)).text()).toBe('not mine')
    expect(await (await fetch(`${base}/api/other`)).text()).toBe('not mine')
  })
})
