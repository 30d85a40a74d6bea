/**
 * The routing API sits behind the wallboard's supervisor sign-in (wallboard/server/auth.ts):
 * the same session cookie, checked with the same secret. Display tokens are refused: wall
 * screens may not read routing reasons or reload configuration.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { IncomingMessage } from 'node:http'
import type { Config } from '../core/config.js'
import { authenticate, SessionSigner, type SupervisorAccount } from '../wallboard/server/auth.js'

export type Access = { ok: true; tenant: string; user: string } | { ok: false; status: 401 | 403; reason: string }

/**
 * Accounts from MOFANG_SUPERVISORS (`user:tenant:hash`; only user and tenant matter to check a session), or the dev
 * supervisor the wallboard keeps in `<data>/dev-wallboard.json`. The secret is MOFANG_SESSION_SECRET or the dev one.
 */
export function supervisorAccess(config: Config): (req: IncomingMessage, url: URL) => Access {
  const supervisors = new Map<string, SupervisorAccount>()
  let secret = config.sessionSecret
  for (const entry of (config.supervisors ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [user, tenant, ...hash] = entry.split(':')
    if (user && tenant) supervisors.set(user, { passwordHash: hash.join(':'), tenant, roles: ['supervisor', 'qa', 'planner'] })
  }
  const devPath = join(resolve(config.dataDir), 'dev-wallboard.json')
  if (!config.supervisors && !config.displayTokens && existsSync(devPath)) {
    const dev = JSON.parse(readFileSync(devPath, 'utf8')) as { supervisor: string; sessionSecret: string }
    supervisors.set(dev.supervisor, { passwordHash: '', tenant: 'demo', roles: ['supervisor', 'qa', 'planner'] })
    secret ??= dev.sessionSecret
  }
  const signer = secret ? new SessionSigner(Buffer.from(secret)) : undefined
  return (req, url) => {
    if (!signer) return { ok: false, status: 401, reason: 'supervisor sessions need MOFANG_SESSION_SECRET (shared with the wallboard)' }
    // Only the cookie counts: a bearer or ?token= is a display token, which authenticate() would accept.
    const { authorization: _bearer, ...headers } = req.headers
    url.searchParams.delete('token')
    const who = authenticate({ headers } as IncomingMessage, url, { displayTokens: new Map(), supervisors }, signer)
    if (!who.ok) return { ok: false, status: 401, reason: who.reason }
    if (who.principal.kind !== 'supervisor' || !who.principal.roles.includes('supervisor')) return { ok: false, status: 403, reason: 'supervisors only' }
    return { ok: true, tenant: who.principal.tenant, user: who.principal.user }
  }
}
