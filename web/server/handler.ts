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
import type { HistoryInterval, Snapshot } from '../../core/contracts/index.js'
import {
  authenticate,
  SESSION_COOKIE,
  SessionSigner,
  verifyPassword,
  type Accounts,
  type Principal,
} from '../../kits/auth/index.js'
import { LiveHub } from './live.js'
import { serveStatic } from './static.js'
import { BadRequest, HttpError, readJsonObject, routes } from '../../kits/http/index.js'

export interface WallboardHandlerOptions {
  /** The tenant's current snapshot (e.g. `engine.snapshot(tenant, Date.now())`). */
  getSnapshot(tenant: string): Snapshot
  /** Calls `onChange` whenever the tenant's metrics may have changed; returns the unsubscribe function. */
  subscribe(tenant: string, onChange: () => void): () => void
  /** Interval rows of a past (or the current) local day, `date` as YYYY-MM-DD. */
  getHistory(tenant: string, date: string): Promise<HistoryInterval[]>
  auth: Accounts
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
  /**
   * Paths under these prefixes are never served as app pages (resolve false when no API route matches); default
   * ['/v1/', '/api/'].
   */
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

/** Snapshots and principals must never be cached. */
const NO_STORE = { 'cache-control': 'no-store' }

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

  async function login(req: IncomingMessage, res: ServerResponse) {
    // Only JSON: a cross-site HTML form cannot send it, which keeps sign-in CSRF out.
    const body = await readJsonObject(req, MAX_LOGIN_BODY, '{ "username": …, "password": … }')
    for (const field of ['username', 'password'])
      if (typeof body[field] !== 'string') throw new BadRequest(field, 'required, as a string')
    const username = body.username as string
    const now = Date.now()
    const f = failures.get(username)
    if (f && now - f.since > LOCKOUT_MS) failures.delete(username)
    else if (f && f.count >= maxFailures)
      throw new HttpError(429, 'locked', 'too many failed sign-ins; try again in 15 minutes')
    const account = opts.auth.supervisors.get(username)
    // Check a password even for unknown users, so the answer time does not tell which users exist.
    const ok = await verifyPassword(body.password as string, account?.passwordHash ?? DUMMY_HASH).catch(() => false)
    if (!account || !ok) {
      const entry = failures.get(username) ?? { count: 0, since: now }
      entry.count++
      failures.set(username, entry)
      throw new HttpError(401, 'unauthorized', 'wrong user name or password')
    }
    failures.delete(username)
    const value = signer.sign({ u: username, t: account.tenant, r: account.roles, exp: now + sessionTtlMs })
    res.setHeader('set-cookie', cookie(value, Math.floor(sessionTtlMs / 1000)))
    return { user: username, tenant: account.tenant, roles: account.roles }
  }

  const signIn = routes(
    {
      'POST /api/login': ({ req, res }) => login(req, res),
      'POST /api/logout': ({ res }) => {
        res.setHeader('set-cookie', cookie('', 0))
        return { ok: true }
      },
    },
    { headers: NO_STORE },
  )

  const api = routes<Principal>(
    {
      'GET /api/snapshot': ({ who }) => opts.getSnapshot(who.tenant),
      'GET /api/me': ({ who }) => who,
      'GET /api/live': ({ req, res, who }) => hub.open(who.tenant, req, res),
      'GET /api/history': async ({ url, who }) => {
        const date = url.searchParams.get('date') ?? ''
        if (!DATE.test(date) || Number.isNaN(Date.parse(date))) throw new BadRequest('date', 'expected YYYY-MM-DD')
        try {
          return { date, intervals: await opts.getHistory(who.tenant, date) }
        } catch (err) {
          onError(err)
          throw new HttpError(503, 'unavailable', 'the warehouse did not answer; try again')
        }
      },
    },
    {
      headers: NO_STORE,
      guard: (req, url) => {
        const who = authenticate(req, url, opts.auth, signer)
        if (!who.ok) throw new HttpError(401, 'unauthorized', who.reason)
        return who.principal
      },
    },
  )

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    for (const [k, v] of Object.entries(COMMON_HEADERS)) res.setHeader(k, v)
    if ((await signIn(req, res)) || (await api(req, res))) return true
    const url = new URL(req.url ?? '/', 'http://wallboard.invalid')
    if (!staticDir || reserved.some((p) => url.pathname.startsWith(p))) return false
    return serveStatic(staticDir, url.pathname, req, res)
  }
  return Object.defineProperties(handler, {
    close: { value: () => hub.closeAll() },
    liveConnections: { get: () => hub.connections },
  }) as WallboardHandler
}

/** A valid hash of a random password, checked against when the user name is unknown. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'
