/**
 * The planner API signs people in exactly as the wallboard does (same session
 * cookie, same accounts): supervisors from MOFANG_SUPERVISORS, or the dev
 * supervisor the wallboard service keeps in <data>/dev-wallboard.json.
 * Only the parts `authenticate` reads are rebuilt here (tenant and roles per
 * user, the session secret); passwords stay with the wallboard's sign-in.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Config } from '../core/config.js'
import { authenticate, SessionSigner, type SupervisorAccount, type WallboardAuth } from '../wallboard/server/auth.js'

const ROLES = ['supervisor', 'qa', 'planner']

export type PlannerAccess = { ok: true; tenant: string; user: string } | { ok: false; status: 401 | 403; reason: string }

export function plannerAuth(config: Pick<Config, 'dataDir' | 'supervisors' | 'sessionSecret' | 'displayTokens'>): (req: IncomingMessage, url: URL) => PlannerAccess {
  const supervisors = new Map<string, SupervisorAccount>()
  let secret = config.sessionSecret
  const devPath = join(resolve(config.dataDir), 'dev-wallboard.json')
  if (!config.supervisors && !config.displayTokens && existsSync(devPath)) {
    const dev = JSON.parse(readFileSync(devPath, 'utf8')) as { supervisor: string; sessionSecret: string }
    supervisors.set(dev.supervisor, { passwordHash: '', tenant: 'demo', roles: ROLES })
    secret ??= dev.sessionSecret
  }
  for (const entry of (config.supervisors ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [user, tenant] = entry.split(':')
    if (user && tenant) supervisors.set(user, { passwordHash: '', tenant, roles: ROLES })
  }
  const auth: WallboardAuth = { displayTokens: new Map(), supervisors }
  const signer = new SessionSigner(secret ? Buffer.from(secret) : randomBytes(32))
  return (req, url) => {
    if (/^Bearer\s/i.test(req.headers.authorization ?? '') || url.searchParams.has('token')) {
      return { ok: false, status: 403, reason: 'the planner needs a signed-in planner, not a display token' }
    }
    const who = authenticate(req, url, auth, signer)
    if (!who.ok) return { ok: false, status: 401, reason: who.reason }
    if (who.principal.kind !== 'supervisor' || !who.principal.roles.includes('planner')) return { ok: false, status: 403, reason: 'the planner role is required' }
    return { ok: true, tenant: who.principal.tenant, user: who.principal.user }
  }
}
