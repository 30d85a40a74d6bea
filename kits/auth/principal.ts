/**
 * Who is calling: a wall display with a read-only display token (`?token=` or `Authorization: Bearer`), or a
 * supervisor signed in with a password (scrypt hash) holding an HMAC-signed session cookie.
 */
import type { IncomingMessage } from 'node:http'
import { bearerToken } from '../http/index.js'
import { parseCookies, SESSION_COOKIE, type SessionSigner } from './session.js'

export interface SupervisorAccount {
  /** `scrypt$N$r$p$salt$hash` as written by hashPassword(). */
  passwordHash: string
  tenant: string
  roles: string[]
}

/** The accounts people sign in with. */
export interface Accounts {
  /** Display token → tenant. Read-only access for wall screens. */
  displayTokens: Map<string, string>
  /** User name → account. */
  supervisors: Map<string, SupervisorAccount>
}

export type Principal =
  { kind: 'display'; tenant: string } | { kind: 'supervisor'; tenant: string; user: string; roles: string[] }

export type AuthResult = { ok: true; principal: Principal } | { ok: false; reason: string }

/** Display token first (explicit), then the supervisor's session cookie. */
export function authenticate(req: IncomingMessage, url: URL, auth: Accounts, signer: SessionSigner): AuthResult {
  const token = bearerToken(req) ?? url.searchParams.get('token') ?? undefined
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
