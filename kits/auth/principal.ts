/**
 * Who is calling: a wall display with a read-only display token (`?token=` or `Authorization: Bearer`), or a
 * user signed in with a password (scrypt hash) holding an HMAC-signed session cookie.
 */
import type { IncomingMessage } from 'node:http'
import { bearerToken } from '../http/index.js'
import type { Role } from './roles.js'
import { parseCookies, SESSION_COOKIE, type SessionSigner } from './session.js'

export interface UserAccount {
  /** `scrypt$N$r$p$salt$hash` as written by hashPassword(). */
  passwordHash: string
  tenant: string
  roles: Role[]
}

/** The accounts people sign in with. */
export interface Accounts {
  /** Display token → tenant. Read-only access for wall screens. */
  displayTokens: Map<string, string>
  /** User name → account. */
  users: Map<string, UserAccount>
}

export type Principal =
  | { kind: 'display'; tenant: string; roles: ['display'] }
  | { kind: 'user'; tenant: string; user: string; roles: Role[] }

export type AuthResult = { ok: true; principal: Principal } | { ok: false; reason: string }

/** Display token first (explicit), then the user's session cookie. */
export function authenticate(req: IncomingMessage, url: URL, auth: Accounts, signer: SessionSigner): AuthResult {
  const token = bearerToken(req) ?? url.searchParams.get('token') ?? undefined
  if (token) {
    const tenant = auth.displayTokens.get(token)
    return tenant
      ? { ok: true, principal: { kind: 'display', tenant, roles: ['display'] } }
      : { ok: false, reason: 'unknown display token' }
  }
  const session = parseCookies(req.headers.cookie).get(SESSION_COOKIE)
  if (!session) return { ok: false, reason: 'sign in or pass a display token (?token= or Authorization: Bearer)' }
  const checked = signer.verify(session)
  if (!checked.ok) return checked
  const account = auth.users.get(checked.claims.u)
  // A removed account or one moved to another tenant loses its sessions at once; changed roles apply at once.
  if (!account || account.tenant !== checked.claims.t) return { ok: false, reason: 'account no longer exists' }
  return { ok: true, principal: { kind: 'user', tenant: account.tenant, user: checked.claims.u, roles: account.roles } }
}
