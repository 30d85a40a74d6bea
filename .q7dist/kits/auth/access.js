/**
 * Who may read what, from the settings, in one place for every service with a UI:
 * the wallboard (display tokens and signed-in users), the QA review desk, the planner,
 * reports and the routing API (signed-in users whose roles a route admits).
 *
 * Accounts: MOFANG_DISPLAY_TOKENS and MOFANG_USERS (each user with their roles); without
 * either, a dev display token and a dev user holding every role are made once and kept in
 * the data directory. Sessions are signed with MOFANG_SESSION_SECRET, or with a secret kept in
 * the data directory, so every service (and a restarted server) accepts the same cookie; signing
 * out ends them in every service at once (one SessionGenerations per data directory, kept in
 * it, so a restart does not bring a signed-out cookie back).
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ConfigError } from '../../core/index.js';
import { HttpError } from '../http/index.js';
import { hashPassword } from './passwords.js';
import { SessionGenerations, SessionSigner } from './session.js';
import { authenticate } from './principal.js';
import { isRole, ROLES } from './roles.js';
const isDev = (config) => !config.displayTokens && !config.users;
/**
 * Creates (once) or reads a file of dev secrets in the data directory (mode 0600), so they stay stable across
 * restarts: the one place such secrets are kept (the dev API key, the dev wall credentials, the session secret).
 */
export function keptInDataDir(dataDir, name, make) {
    const dir = resolve(dataDir);
    const path = join(dir, name);
    if (existsSync(path))
        return JSON.parse(readFileSync(path, 'utf8'));
    mkdirSync(dir, { recursive: true });
    const value = make();
    writeFileSync(path, JSON.stringify(value, null, 2), { mode: 0o600 });
    return value;
}
const DEV_API_KEY_FILE = 'dev-api-key.json';
/** The dev API key of tenant "demo" (used when no API keys are configured), created once per data directory. */
export const devApiKey = (dataDir) => keptInDataDir(dataDir, DEV_API_KEY_FILE, () => ({ key: `mf_dev_${randomBytes(16).toString('hex')}` })).key;
/** The dev API key a local `mofang start` keeps, if there is one (for clients such as `mofang simulate`). */
export function existingDevApiKey(dataDir) {
    const path = join(resolve(dataDir), DEV_API_KEY_FILE);
    return { key: existsSync(path) ? devApiKey(dataDir) : undefined, path };
}
/** The dev credentials, stable across restarts so wall URLs keep working; undefined when accounts are configured. */
export function devAccess(config) {
    if (!isDev(config))
        return undefined;
    return keptInDataDir(config.dataDir, 'dev-wallboard.json', () => ({
        displayToken: `wall_${randomBytes(12).toString('hex')}`,
        supervisor: 'admin',
        password: randomBytes(6).toString('hex'),
    }));
}
export function sessionSecret(config) {
    return (config.sessionSecret ??
        keptInDataDir(config.dataDir, 'session-secret.json', () => ({ secret: randomBytes(32).toString('hex') })).secret);
}
const generations = new Map();
/**
 * The session generations of a data directory (<data>/session-generations.json): one per process, shared by
 * every service that signs or checks sessions, so a sign-out on the wallboard ends the session on the QA, planner
 * and routing APIs too.
 */
export function sessionGenerations(dataDir) {
    const dir = resolve(dataDir);
    let found = generations.get(dir);
    if (!found)
        generations.set(dir, (found = new SessionGenerations(join(dir, 'session-generations.json'))));
    return found;
}
/** `tenant:token,…` → token → tenant. */
function displayTokens(raw) {
    const tokens = new Map();
    for (const pair of (raw ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [tenant, token] = pair.split(':');
        if (!tenant || !token || token.length < 16)
            throw new ConfigError('MOFANG_DISPLAY_TOKENS', `expected tenant:token with a token of 16+ characters, got "${pair}"`);
        tokens.set(token, tenant);
    }
    return tokens;
}
/** `user:tenant:role+role:scrypt-hash,…` (hash from `mofang wallboard hash-password`). */
function users(raw) {
    const accounts = new Map();
    for (const entry of (raw ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [user, tenant, roleList, ...hash] = entry.split(':');
        if (!user || !tenant || !roleList || hash.length === 0)
            throw new ConfigError('MOFANG_USERS', `expected user:tenant:roles:hash, got "${entry.slice(0, 60)}"`);
        const roles = roleList.split('+');
        const unknown = roles.find((r) => !isRole(r));
        if (unknown !== undefined)
            throw new ConfigError('MOFANG_USERS', `user ${user}: unknown role "${unknown}" (roles: ${ROLES.join(', ')})`);
        accounts.set(user, { passwordHash: hash.join(':'), tenant, roles: roles });
    }
    return accounts;
}
/** The dev user holds every role but a wall's: one account shows every page of the demo. */
const DEV_ROLES = ROLES.filter((r) => r !== 'display');
/** The accounts people sign in with, from the settings (the dev password hashed here). */
export async function signInAccounts(config) {
    const dev = devAccess(config);
    if (!dev)
        return { displayTokens: displayTokens(config.displayTokens), users: users(config.users) };
    return {
        displayTokens: new Map([[dev.displayToken, 'demo']]),
        users: new Map([
            [dev.supervisor, { passwordHash: await hashPassword(dev.password), tenant: 'demo', roles: DEV_ROLES }],
        ]),
    };
}
export function roleGate(config) {
    const dev = devAccess(config);
    const auth = dev
        ? {
            displayTokens: new Map([[dev.displayToken, 'demo']]),
            users: new Map([[dev.supervisor, { passwordHash: '', tenant: 'demo', roles: DEV_ROLES }]]),
        }
        : { displayTokens: displayTokens(config.displayTokens), users: users(config.users) };
    const signer = new SessionSigner(Buffer.from(sessionSecret(config)), sessionGenerations(config.dataDir));
    return (req, url, needs) => admit(authenticate(req, url, auth, signer), needs);
}
/** The principal when it holds one of `needs`, else the 401/403 HttpError. */
export function admit(who, needs) {
    if (!who.ok)
        throw new HttpError(401, 'unauthorized', who.reason);
    if (!who.principal.roles.some((r) => needs.includes(r)))
        throw new HttpError(403, 'forbidden', who.principal.kind === 'display'
            ? `a display token cannot use this: sign in with one of these roles: ${needs.join(', ')}`
            : `one of these roles is required: ${needs.join(', ')}`);
    return who.principal;
}
/**
 * The options that make a route table check roles: every route must declare `needs` (the roles it admits), and
 * the gate checks them before the handler runs.
 */
export function byRole(gate) {
    return { needsRequired: true, guard: (req, url, _route, needs) => gate(req, url, needs ?? []) };
}
//# sourceMappingURL=access.js.map