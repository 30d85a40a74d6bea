/**
 * Who may use the QA API: a supervisor signed in to the wallboard (same session cookie, checked with
 * wallboard/server/auth.ts `authenticate`) whose account has the `qa` role. Wall display tokens never may.
 *
 * The accounts and the session key come from the same places the wallboard service reads them:
 * MOFANG_SUPERVISORS + MOFANG_SESSION_SECRET, or the dev credentials it keeps in <data>/dev-wallboard.json
 * (read on first use, since the wallboard service may create that file after this service starts).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { IncomingMessage } from 'node:http'
import type { Config } from '../core/config.js'
import { authenticate, SessionSigner, type SupervisorAccount, type WallboardAuth } from '../wallboard/server/auth.js'

/** The roles the wallboard gives every supervisor account (wallboard/server/service.ts). */
const SUPERVISOR_ROLES = ['supervisor', 'qa', 'planner']

export type QaAccess = { ok: true; tenant: string; user: string; roles: string[] } | { ok: false; status: 401 | 403; reason: string }

export interface QaAuthSource {
  auth: WallboardAuth
  signer: SessionSigner
}

function fromConfig(config: Config): QaAuthSource | null {
  if (config.supervisors || config.displayTokens) {
    if (!config.sessionSecret) return null
    const supervisors = new Map<string, SupervisorAccount>()
    for (const entry of (config.supervisors ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
      const [user, tenant, ...hash] = entry.split(':')
      if (user && tenant) supervisors.set(user, { passwordHash: hash.join(':'), tenant, roles: SUPERVISOR_ROLES })
    }
    return { auth: { displayTokens: new Map(), supervisors }, signer: new SessionSigner(Buffer.from(config.sessionSecret)) }
  }
  const path = join(resolve(config.dataDir), 'dev-wallboard.json')
  if (!existsSync(path)) return null
  const dev = JSON.parse(readFileSync(path, 'utf8')) as { supervisor: string; sessionSecret: string }
  const secret = config.sessionSecret ?? dev.sessionSecret
  return {
    auth: { displayTokens: new Map(), supervisors: new Map([[dev.supervisor, { passwordHash: '', tenant: 'demo', roles: SUPERVISOR_ROLES }]]) },
    signer: new SessionSigner(Buffer.from(secret)),
  }
}

/** A request checker for the QA routes. */
export function qaAccess(config: Config): (req: IncomingMessage, url: URL) => QaAccess {
  let source: QaAuthSource | null = null
  return (req, url) => {
    source ??= fromConfig(config)
    if (!source) return { ok: false, status: 401, reason: 'QA review needs supervisor sign-in (set MOFANG_SESSION_SECRET with MOFANG_SUPERVISORS)' }
    const who = authenticate(req, url, source.auth, source.signer)
    if (!who.ok) return { ok: false, status: 401, reason: who.reason }
    if (who.principal.kind !== 'supervisor') return { ok: false, status: 403, reason: 'wall displays cannot use QA review' }
    if (!who.principal.roles.includes('qa')) return { ok: false, status: 403, reason: 'the qa role is required' }
    return { ok: true, tenant: who.principal.tenant, user: who.principal.user, roles: who.principal.roles }
  }
}
