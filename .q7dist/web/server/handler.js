/**
 * The wallboard's HTTP routes as one node:http handler the main server calls
 * first: it answers (and resolves true) for the wallboard API and the app's
 * static files, and resolves false for anything else (e.g. /v1/events).
 *
 *   GET  /api/snapshot          the tenant's live snapshot (JSON)
 *   GET  /api/history?date=     stored 15-minute intervals of a past day
 *   GET  /api/live              Server-Sent Events: `snapshot` messages
 *   GET  /api/me                who is reading (a display, or a user and their roles)
 *   POST /api/login             { username, password } → session cookie
 *   POST /api/logout            ends the session (every session of that user) and clears the cookie
 *   …    /api/walls[/:id]       saved walls (wall-routes.ts), when a wall store is given
 *   …    /api/alarms[…]         threshold alarms: list, acknowledge, stream (alarms-routes.ts), when given
 *   GET  /*                     the built app (SPA fallback to index.html)
 *
 * Sign-in goes through kits/auth's SignInGuard: a rate limit per client address before the body is read, a
 * lock-out per user name and per address counted before the password is checked, and a bound on password checks
 * at once (scrypt shares the libuv thread pool with the static files). Failed sign-ins are logged with the user
 * name and the address, never the password.
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { admit, ANY_ROLE, authenticate, loggable, parseCookies, SESSION_COOKIE, SessionGenerations, SessionSigner, SignInGuard, verifyPassword, } from '../../kits/auth/index.js';
import { LiveHub } from './live.js';
import { wallRoutes } from './wall-routes.js';
import { alarmRoutes } from './alarms-routes.js';
import { serveStatic } from './static.js';
import { BadRequest, cameOverHttps, clientAddress, HttpError, readJsonObject, routes, } from '../../kits/http/index.js';
const COMMON_HEADERS = {
    // Display tokens travel in URLs: never leak them to other sites.
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
};
const MAX_LOGIN_BODY = 4096;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Snapshots and principals must never be cached. */
const NO_STORE = { 'cache-control': 'no-store' };
export function createWallboardHandler(opts) {
    const sessions = opts.sessions ?? new SessionGenerations();
    const signer = new SessionSigner(opts.sessionSecret ? Buffer.from(opts.sessionSecret) : randomBytes(32), sessions);
    const sessionTtlMs = opts.sessionTtlMs ?? 12 * 3600_000;
    const reserved = opts.reservedPrefixes ?? ['/v1/', '/api/'];
    const staticDir = opts.staticDir ? resolve(opts.staticDir) : undefined;
    const log = opts.log ?? ((msg) => console.error(`[wallboard] ${msg}`));
    const trusted = new Set(opts.trustedProxies ?? []);
    const guard = new SignInGuard({ ...opts.signInLimits, ...(opts.maxLoginFailures !== undefined && { maxUserFailures: opts.maxLoginFailures }) }, { isAccount: (user) => opts.auth.users.has(user), log });
    const onError = opts.onError ?? ((err) => console.error('[wallboard]', err));
    const alarms = opts.alarms && alarmRoutes(opts.alarms, opts);
    const hub = new LiveHub({
        getSnapshot: opts.getSnapshot,
        subscribe: opts.subscribe,
        heartbeatMs: opts.heartbeatMs ?? 1000,
        minPushMs: opts.minPushMs ?? 250,
        retryMs: opts.retryMs ?? 2000,
        onError,
    });
    const secure = (req) => opts.secureCookies === 'auto' ? cameOverHttps(req) : Boolean(opts.secureCookies);
    const cookie = (req, value, maxAgeS) => `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${secure(req) ? '; Secure' : ''}`;
    const refused = (r) => new HttpError(r.status, r.code, r.reason, undefined, { 'retry-after': `${r.retryAfterS}` });
    async function login(req, res) {
        const address = clientAddress(req, trusted);
        // Before anything else, the body included: a flood from one address is refused for the price of a map lookup.
        const throttled = guard.throttle(address);
        if (throttled)
            throw refused(throttled);
        // Only JSON: a cross-site HTML form cannot send it, which keeps sign-in CSRF out.
        const body = await readJsonObject(req, MAX_LOGIN_BODY, '{ "username": …, "password": … }');
        for (const field of ['username', 'password'])
            if (typeof body[field] !== 'string')
                throw new BadRequest(field, 'required, as a string');
        const username = body.username;
        const account = opts.auth.users.get(username);
        // Check a password even for unknown users, so the answer time does not tell which users exist.
        const outcome = await guard.attempt(username, address, async () => {
            const ok = await verifyPassword(body.password, account?.passwordHash ?? DUMMY_HASH).catch(() => false);
            return ok && account !== undefined;
        });
        if (outcome === 'wrong') {
            log(`sign-in failed: user ${loggable(username)} from ${address} (${account ? 'wrong password' : 'unknown user'})`);
            throw new HttpError(401, 'unauthorized', 'wrong user name or password');
        }
        if (outcome !== 'ok')
            throw refused(outcome);
        const { tenant, roles } = account;
        const value = signer.sign({ u: username, t: tenant, r: roles, exp: Date.now() + sessionTtlMs });
        res.setHeader('set-cookie', cookie(req, value, Math.floor(sessionTtlMs / 1000)));
        return { user: username, tenant, roles };
    }
    /** Ends the caller's session, and with it every other session of that user (they all share its generation). */
    function logout(req, res) {
        const value = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
        const checked = value ? signer.verify(value) : undefined;
        if (checked?.ok)
            sessions.revoke(checked.claims.u);
        res.setHeader('set-cookie', cookie(req, '', 0));
        return { ok: true };
    }
    const signIn = routes({
        'POST /api/login': ({ req, res }) => login(req, res),
        'POST /api/logout': ({ req, res }) => logout(req, res),
    }, { headers: NO_STORE });
    // The wall is the floor's own screen: every role may read it, wall displays included.
    const api = routes({
        'GET /api/snapshot': { needs: ANY_ROLE, handle: ({ who }) => opts.getSnapshot(who.tenant) },
        'GET /api/me': { needs: ANY_ROLE, handle: ({ who }) => who },
        'GET /api/live': { needs: ANY_ROLE, handle: ({ req, res, who }) => hub.open(who.tenant, req, res) },
        'GET /api/history': { needs: ANY_ROLE, handle: history },
        ...(opts.walls && wallRoutes(opts.walls)),
        ...alarms?.routes,
    }, {
        headers: NO_STORE,
        needsRequired: true,
        guard: (req, url, _route, needs) => admit(authenticate(req, url, opts.auth, signer), needs ?? []),
    });
    async function history({ url, who }) {
        const date = url.searchParams.get('date') ?? '';
        if (!DATE.test(date) || Number.isNaN(Date.parse(date)))
            throw new BadRequest('date', 'expected YYYY-MM-DD');
        try {
            return { date, intervals: await opts.getHistory(who.tenant, date) };
        }
        catch (err) {
            onError(err);
            throw new HttpError(503, 'unavailable', 'the warehouse did not answer; try again');
        }
    }
    const handler = async (req, res) => {
        for (const [k, v] of Object.entries(COMMON_HEADERS))
            res.setHeader(k, v);
        if ((await signIn(req, res)) || (await api(req, res)))
            return true;
        const url = new URL(req.url ?? '/', 'http://wallboard.invalid');
        if (!staticDir || reserved.some((p) => url.pathname.startsWith(p)))
            return false;
        return serveStatic(staticDir, url.pathname, req, res);
    };
    return Object.defineProperties(handler, {
        routes: { value: [...signIn.routes, ...api.routes] },
        close: { value: () => (hub.closeAll(), alarms?.close()) },
        liveConnections: { get: () => hub.connections },
        signIns: { get: () => ({ ...guard.counts }) },
    });
}
/** A valid hash of a random password, checked against when the user name is unknown. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
//# sourceMappingURL=handler.js.map