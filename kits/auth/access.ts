/**
 * Who may read what, from the settings, in one place for every service with a UI:
 * the wallboard (display tokens and supervisors), the QA review desk, the planner
 * and the routing API (signed-in supervisors with a role).
 *
 * Accounts: MOFANG_DISPLAY_TOKENS and MOFANG_SUPERVISORS; without either, a dev
 * display token and a dev supervisor are made once and kept in the data directory.
 * Sessions are signed with MOFANG_SESSION_SECRET, or with a secret kept in the data
 * directory, so every service (and a restarted server) accepts the same cookie; signing
 * out ends them in every service at once (one SessionGenerations per data directory,
 * kept in it, so a restart does not bring a signed-out cookie back).
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { type Config, ConfigError } from '../../core/index.js'
import { HttpError } from '../http/index.js'
import { hashPassword } from './passwords.js'
import { SessionGenerations, SessionSigner } from './session.js'
import { authenticate, type Accounts, type SupervisorAccount } from './principal.js'

/** Every supervisor account gets these roles; a role gates the matching page and API. */
export const SUPERVISOR_ROLES = ['supervisor', 'qa', 'planner']

export interface DevAccess {
  displayToken: string
  supervisor: string
  password: string
}

export type AccessSettings = Pick<Config, 'dataDir' | 'displayTokens' | 'supervisors' | 'sessionSecret'>

const isDev = (config: AccessSettings) => !config.displayTokens && !config.supervisors

/**
 * Creates (once) or reads a file of dev secrets in the data directory (mode 0600), so they stay stable across
 * restarts: the one place such secrets are kept (the dev API key, the dev wall credentials, the session secret).
 */
export function keptInDataDir<T>(dataDir: string, name: string, make: () => T): T {
  const dir = resolve(dataDir)
  const path = join(dir, name)
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as T
  mkdirSync(dir, { recursive: true })
  const value = make()
  writeFileSync(path, JSON.stringify(value, null, 2), { mode: 0o600 })
  return value
}

const DEV_API_KEY_FILE = 'dev-api-key.json'

/** The dev API key of tenant "demo" (used when no API keys are configured), created once per data directory. */
export const devApiKey = (dataDir: string): string =>
  keptInDataDir(dataDir, DEV_API_KEY_FILE, () => ({ key: `mf_dev_${randomBytes(16).toString('hex')}` })).key

/** The dev API key a local `mofang start` keeps, if there is one (for clients such as `mofang simulate`). */
export function existingDevApiKey(dataDir: string): { key?: string; path: string } {
  const path = join(resolve(dataDir), DEV_API_KEY_FILE)
  return { key: existsSync(path) ? devApiKey(dataDir) : undefined, path }
}

/** The dev credentials, stable across restarts so wall URLs keep working; undefined when accounts are configured. */
export function devAccess(config: AccessSettings): DevAccess | undefined {
  if (!isDev(config)) return undefined
  return keptInDataDir(config.dataDir, 'dev-wallboard.json', () => ({
    displayToken: `wall_${randomBytes(12).toString('hex')}`,
    supervisor: 'admin',
    password: randomBytes(6).toString('hex'),
  }))
}

export function sessionSecret(config: AccessSettings): string {
  return (
    config.sessionSecret ??
    keptInDataDir(config.dataDir, 'session-secret.json', () => ({ secret: randomBytes(32).toString('hex') })).secret
  )
}

const generations = new Map<string, SessionGenerations>()

/**
 * The session generations of a data directory (<data>/session-generations.json): one per process, shared by
 * every service that signs or checks sessions, so a sign-out on the wallboard ends the session on the QA, planner
 * and routing APIs too.
 */
export function sessionGenerations(dataDir: string): SessionGenerations {
  const dir = resolve(dataDir)
  let found = generations.get(dir)
  if (!found) generations.set(dir, (found = new SessionGenerations(join(dir, 'session-generations.json'))))
  return found
}

/** `tenant:token,…` → token → tenant. */
function displayTokens(raw: string | undefined): Map<string, string> {
  const tokens = new Map<string, string>()
  for (const pair of (raw ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [tenant, token] = pair.split(':')
    if (!tenant || !token || token.length < 16)
      throw new ConfigError(
        'MOFANG_DISPLAY_TOKENS',
        `expected tenant:token with a token of 16+ characters, got "${pair}"`,
      )
    tokens.set(token, tenant)
  }
  return tokens
}

/** `user:tenant:scrypt-hash,…` (hash from `mofang wallboard hash-password`). */
function supervisors(raw: string | undefined): Map<string, SupervisorAccount> {
  const accounts = new Map<string, SupervisorAccount>()
  for (const entry of (raw ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [user, tenant, ...hash] = entry.split(':')
    if (!user || !tenant || hash.length === 0)
      throw new ConfigError('MOFANG_SUPERVISORS', `expected user:tenant:hash, got "${entry}"`)
    accounts.set(user, { passwordHash: hash.join(':'), tenant, roles: SUPERVISOR_ROLES })
  }
  return accounts
}

/** The accounts people sign in with, from the settings (the dev password hashed here). */
export async function signInAccounts(config: AccessSettings): Promise<Accounts> {
  const dev = devAccess(config)
  if (!dev) return { displayTokens: displayTokens(config.displayTokens), supervisors: supervisors(config.supervisors) }
  return {
    displayTokens: new Map([[dev.displayToken, 'demo']]),
    supervisors: new Map([
      [dev.supervisor, { passwordHash: await hashPassword(dev.password), tenant: 'demo', roles: SUPERVISOR_ROLES }],
    ]),
  }
}

export type Gate =
  { ok: true; tenant: string; user: string; roles: string[] } | { ok: false; status: 401 | 403; reason: string }

/** A gate that let the caller in. */
export type Admitted = Extract<Gate, { ok: true }>

/**
 * A check for API routes that need a signed-in supervisor with `role`. Only the
 * session cookie counts: a display token (bearer or ?token=) is refused, since
 * wall screens may not review QA, plan or read routing reasons.
 */
export function supervisorGate(config: AccessSettings, role: string): (req: IncomingMessage, url: URL) => Gate {
  const dev = devAccess(config)
  const accounts = dev
    ? new Map<string, SupervisorAccount>([
        [dev.supervisor, { passwordHash: '', tenant: 'demo', roles: SUPERVISOR_ROLES }],
      ])
    : supervisors(config.supervisors)
  const auth: Accounts = { displayTokens: new Map(), supervisors: accounts }
  const signer = new SessionSigner(Buffer.from(sessionSecret(config)), sessionGenerations(config.dataDir))
  return (req, url) => {
    if (/^Bearer\s/i.test(req.headers.authorization ?? '') || url.searchParams.has('token')) {
      return {
        ok: false,
        status: 403,
        reason: `a display token cannot use this: sign in as a supervisor with the ${role} role`,
      }
    }
    const who = authenticate(req, url, auth, signer)
    if (!who.ok) return { ok: false, status: 401, reason: who.reason }
    if (who.principal.kind !== 'supervisor' || !who.principal.roles.includes(role))
      return { ok: false, status: 403, reason: `the ${role} role is required` }
    return { ok: true, tenant: who.principal.tenant, user: who.principal.user, roles: who.principal.roles }
  }
}

/**
 * The caller a gate let in; a refusal is thrown as HttpError 401 `unauthorized` or 403 `forbidden` with the
 * gate's reason (a route table's guard: `guard: (req, url) => admitted(gate(req, url))`).
 */
export function admitted(gate: Gate): Admitted {
  if (gate.ok) return gate
  throw new HttpError(gate.status, gate.status === 401 ? 'unauthorized' : 'forbidden', gate.reason)
}
