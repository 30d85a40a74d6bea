/**
 * Who may read the wallboard API: a wall display with a read-only display token
 * (`?token=` or `Authorization: Bearer`), or a supervisor signed in with a
 * password (scrypt hash) holding an HMAC-signed session cookie.
 */
import { createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

export interface SupervisorAccount {
  /** `scrypt$N$r$p$salt$hash` as written by hashPassword(). */
  passwordHash: string
  tenant: string
  roles: string[]
}

export interface WallboardAuth {
  /** Display token → tenant. Read-only access for wall screens. */
  displayTokens: Map<string, string>
  /** User name → account. */
  supervisors: Map<string, SupervisorAccount>
}

export type Principal =
  { kind: 'display'; tenant: string } | { kind: 'supervisor'; tenant: string; user: string; roles: string[] }

export type AuthResult = { ok: true; principal: Principal } | { ok: false; reason: string }

export const SESSION_COOKIE = 'mofang_wb'

const scrypt = (password: string, salt: Buffer, keylen: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  )

/** N=2^14, r=8, p=1: 16 MiB and ~130 ms per check on a 2-core server, so guessing is costly and sign-in still quick. */
const DEFAULT_COST = { N: 16384, r: 8, p: 1 }

export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, 32, { ...cost, maxmem: 128 * cost.N * cost.r * 2 })
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !hash) return false
  const cost = { N: Number(n), r: Number(r), p: Number(p) }
  const expected = Buffer.from(hash, 'base64url')
  const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    ...cost,
    maxmem: 128 * cost.N * cost.r * 2,
  })
  return timingSafeEqual(key, expected)
}

interface SessionClaims {
  u: string
  t: string
  r: string[]
  /** expiry, ms since the epoch */
  exp: number
}

export class SessionSigner {
  constructor(private readonly secret: Buffer) {}

  sign(claims: SessionClaims): string {
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
    return `${body}.${this.mac(body)}`
  }

  verify(value: string, now = Date.now()): { ok: true; claims: SessionClaims } | { ok: false; reason: string } {
    const dot = value.lastIndexOf('.')
    const body = value.slice(0, dot)
    const mac = Buffer.from(value.slice(dot + 1))
    const expected = Buffer.from(this.mac(body))
    if (dot < 1 || mac.length !== expected.length || !timingSafeEqual(mac, expected))
      return { ok: false, reason: 'session signature is invalid' }
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as SessionClaims
    if (claims.exp <= now) return { ok: false, reason: 'session expired: sign in again' }
    return { ok: true, claims }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url')
  }
}

/**
 * The Cookie header as name → value. A pair whose value does not percent-decode (e.g. `other=%zz`, set by
 * another app on the same host) is skipped as if absent: the browser sends every cookie of the host, so one
 * foreign malformed cookie must not fail every request (it used to answer 500 "URI malformed").
 */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>()
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const raw = part.slice(eq + 1).trim()
    try {
      out.set(part.slice(0, eq).trim(), decodeURIComponent(raw))
    } catch {
      // malformed percent-encoding: treated as absent
    }
  }
  return out
}

/** Display token first (explicit), then the supervisor's session cookie. */
export function authenticate(req: IncomingMessage, url: URL, auth: WallboardAuth, signer: SessionSigner): AuthResult {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
  const token = bearer ?? url.searchParams.get('token') ?? undefined
  if (token) {
    const tenant = auth.displayTokens.get(token)
    return tenant
      ? { ok: true, principal: { kind: 'display', tenant } }
      : { ok: false, reason: 'unknown display token' }
  }
  const session = parseCookies(req.headers.cookie).get(SESSION_COOKIE)
  if (!session) return { ok: false, reason: 'sign in or pass a display token (?token= or Authorization: Bearer)' }
  const checked = signer.verify(session)
  if (!checked.ok) return checked
  const account = auth.supervisors.get(checked.claims.u)
  // A removed account or one moved to another tenant loses its sessions at once.
  if (!account || account.tenant !== checked.claims.t) return { ok: false, reason: 'account no longer exists' }
  return {
    ok: true,
    principal: { kind: 'supervisor', tenant: account.tenant, user: checked.claims.u, roles: account.roles },
  }
}
