import { bearerToken } from '../http/index.js';
import { parseCookies, SESSION_COOKIE } from './session.js';
/** Display token first (explicit), then the user's session cookie. */
export function authenticate(req, url, auth, signer) {
    const token = bearerToken(req) ?? url.searchParams.get('token') ?? undefined;
    if (token) {
        const tenant = auth.displayTokens.get(token);
        return tenant
            ? { ok: true, principal: { kind: 'display', tenant, roles: ['display'] } }
            : { ok: false, reason: 'unknown display token' };
    }
    const session = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (!session)
        return { ok: false, reason: 'sign in or pass a display token (?token= or Authorization: Bearer)' };
    const checked = signer.verify(session);
    if (!checked.ok)
        return checked;
    const account = auth.users.get(checked.claims.u);
    // A removed account or one moved to another tenant loses its sessions at once; changed roles apply at once.
    if (!account || account.tenant !== checked.claims.t)
        return { ok: false, reason: 'account no longer exists' };
    return { ok: true, principal: { kind: 'user', tenant: account.tenant, user: checked.claims.u, roles: account.roles } };
}
//# sourceMappingURL=principal.js.map