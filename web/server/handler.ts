/**
 * The wallboard's HTTP routes as one node:http handler the main server calls
 * first: it answers (and resolves true) for the wallboard API and the app's
 * static files, and resolves false for anything else (e.g. /v1/events).
 *
 *   GET  /api/snapshot          the tenant's live snapshot (JSON)
 *   GET  /api/history?date=     stored 15-minute intervals of a past day
 *   GET  /api/live              Server-Sent Events: `snapshot` messages
 *   GET  /api/me                who is reading (display or supervisor)
 *   POST /api/login             { username, password } → session cookie
 *   POST /api/logout            clears the session cookie
 *   GET  /*                     the built app (SPA fallback to index.html)
 */
import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import type { HistoryInterval, Snapshot } from '../../live-metrics/types.js'
import {
  authenticate,
  SESSION_COOKIE,
  SessionSigner,
  verifyPassword,
  type Principal,
  type WallboardAuth,
} from './auth.js'
import { LiveHub } from './live.js'
import { serveStatic } from './static.js'
import { BodyTooLarge, readBody, sendJson } from '../../kits/http/index.js'

export interface WallboardHandlerOptions {
  /** The tenant's current snapshot (e.g. `engine.snapshot(tenant, Date.now())`). */
  getSnapshot(tenant: string): Snapshot
  /** Calls `onChange` whenever the tenant's metrics may have changed; returns the unsubscribe function. */
  subscribe(tenant: string, onChange: () => void): () => void
  /** Interval rows of a past (or the current) local day, `date` as YYYY-MM-DD. */
  getHistory(tenant: string, date: string): Promise<HistoryInterval[]>
  auth: WallboardAuth
  /** Folder of the built app (dist/web-app); omit to serve the API only. */
  staticDir?: string
  /** HMAC key for session cookies (≥ 32 bytes recommended); default: random per process, so sessions end at restart. */
  sessionSecret?: string | Buffer
  /** Session lifetime, ms; default 12 h (a shift). */
  sessionTtlMs?: number
  /** Mark the cookie `Secure` (serve over HTTPS); default false. */
  secureCookies?: boolean
  /** Longest gap between SSE messages, ms; default 1000. */
  heartbeatMs?: number
  /** Shortest gap between change-driven SSE messages, ms; default 250. */
  minPushMs?: number
  /** Reconnect delay suggested to EventSource, ms; default 2000. */
  retryMs?: number
  /** Paths under these prefixes are never served as app pages (resolve false when no API route matches); default ['/v1/', '/api/']. */
  reservedPrefixes?: string[]
  /** Failed sign-ins per user name before a 15-minute lock-out; default 10. */
  maxLoginFailures?: number
  onError?(err: unknown): void
}

export type WallboardHandler = ((req: IncomingMessage, res: ServerResponse) => Promise<boolean>) & {
  /** Ends the open SSE streams (call before server.close()). */
  close(): void
  /** Open SSE connections. */
  readonly liveConnections: number
}

const COMMON_HEADERS = {
  // Display tokens travel in URLs: never leak them to other sites.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
}
const LOCKOUT_MS = 15 * 60_000
const MAX_LOGIN_BODY = 4096
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** JSON answer with `no-store` (snapshots and principals must never be cached); true for the handler's "answered". */
function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): true {
  sendJson(res, status, body, { 'cache-control': 'no-store', ...headers })
  return true
}

export function createWallboardHandler(opts: WallboardHandlerOptions): WallboardHandler {
  const signer = new SessionSigner(opts.sessionSecret ? Buffer.from(opts.sessionSecret) : randomBytes(32))
  const sessionTtlMs = opts.sessionTtlMs ?? 12 * 3600_000
  const reserved = opts.reservedPrefixes ?? ['/v1/', '/api/']
  const staticDir = opts.staticDir ? resolve(opts.staticDir) : undefined
  const maxFailures = opts.maxLoginFailures ?? 10
  const failures = new Map<string, { count: number; since: number }>()
  const onError = opts.onError ?? ((err: unknown) => console.error('[wallboard]', err))
  const hub = new LiveHub({
    getSnapshot: opts.getSnapshot,
    subscribe: opts.subscribe,
    heartbeatMs: opts.heartbeatMs ?? 1000,
    minPushMs: opts.minPushMs ?? 250,
    retryMs: opts.retryMs ?? 2000,
    onError,
  })

  const cookie = (value: string, maxAgeS: number) =>
    `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${opts.secureCookies ? '; Secure' : ''}`

  async function login(req: IncomingMessage, res: ServerResponse): Promise<true> {
    // Only JSON: a cross-site HTML form cannot send it, which keeps sign-in CSRF out.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return json(res, 415, { error: 'unsupported_media_type', reason: 'send JSON: { "username": …, "password": … }' })
    let body: { username?: unknown; password?: unknown }
    try {
      body = JSON.parse((await readBody(req, MAX_LOGIN_BODY)).toString('utf8')) as typeof body
    } catch (err) {
      if (err instanceof BodyTooLarge)
        return json(res, 413, { error: 'too_large', reason: `body over ${MAX_LOGIN_BODY} bytes` })
      return json(res, 400, { error: 'bad_request', reason: 'body is not JSON' })
    }
    if (typeof body.username !== 'string' || typeof body.password !== 'string')
      return json(res, 400, { error: 'bad_request', reason: 'username and password are required strings' })
    const now = Date.now()
    const f = failures.get(body.username)
    if (f && now - f.since > LOCKOUT_MS) failures.delete(body.username)
    else if (f && f.count >= maxFailures)
      return json(res, 429, { error: 'locked', reason: 'too many failed sign-ins; try again in 15 minutes' })
    const account = opts.auth.supervisors.get(body.username)
    // Check a password even for unknown users, so the answer time does not tell which users exist.
    const ok = await verifyPassword(body.password, account?.passwordHash ?? DUMMY_HASH).catch(() => false)
    if (!account || !ok) {
      const entry = failures.get(body.username) ?? { count: 0, since: now }
      entry.count++
      failures.set(body.username, entry)
      return json(res, 401, { error: 'unauthorized', reason: 'wrong user name or password' })
    }
    failures.delete(body.username)
    const value = signer.sign({ u: body.username, t: account.tenant, r: account.roles, exp: now + sessionTtlMs })
    return json(
      res,
      200,
      { user: body.username, tenant: account.tenant, roles: account.roles },
      { 'set-cookie': cookie(value, Math.floor(sessionTtlMs / 1000)) },
    )
  }

  async function api(
    route: string,
    url: URL,
    req: IncomingMessage,
    res: ServerResponse,
    principal: Principal,
  ): Promise<boolean> {
    const tenant = principal.tenant
    switch (route) {
      case 'GET /api/snapshot':
        return json(res, 200, opts.getSnapshot(tenant))
      case 'GET /api/me':
        return json(res, 200, principal)
      case 'GET /api/live':
        hub.open(tenant, req, res)
        return true
      case 'GET /api/history': {
        const date = url.searchParams.get('date') ?? ''
        if (!DATE.test(date) || Number.isNaN(Date.parse(date)))
          return json(res, 400, { error: 'bad_request', reason: 'date must be YYYY-MM-DD' })
        try {
          return json(res, 200, { date, intervals: await opts.getHistory(tenant, date) })
        } catch (err) {
          onError(err)
          return json(res, 503, { error: 'history_unavailable', reason: 'the warehouse did not answer; try again' })
        }
      }
    }
    return false
  }

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://wallboard.invalid')
    const route = `${req.method} ${url.pathname}`
    for (const [k, v] of Object.entries(COMMON_HEADERS)) res.setHeader(k, v)
    if (route === 'POST /api/login') return login(req, res)
    if (route === 'POST /api/logout') return json(res, 200, { ok: true }, { 'set-cookie': cookie('', 0) })
    if (API_ROUTES.has(route)) {
      const who = authenticate(req, url, opts.auth, signer)
      if (!who.ok) return json(res, 401, { error: 'unauthorized', reason: who.reason })
      return api(route, url, req, res, who.principal)
    }
    if (!staticDir || reserved.some((p) => url.pathname.startsWith(p))) return false
    return serveStatic(staticDir, url.pathname, req, res)
  }
  return Object.defineProperties(handler, {
    close: { value: () => hub.closeAll() },
    liveConnections: { get: () => hub.connections },
  }) as WallboardHandler
}

const API_ROUTES = new Set(['GET /api/snapshot', 'GET /api/me', 'GET /api/live', 'GET /api/history'])

/** A valid hash of a random password, checked against when the user name is unknown. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
