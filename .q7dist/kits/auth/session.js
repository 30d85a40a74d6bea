/**
 * Signed session cookies: an HMAC-signed, expiring claim of who signed in, read back from the Cookie header, and
 * revocable: each claim carries the user's session generation, and signing out moves the generation on, which
 * ends every session of that user signed before (SessionGenerations).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
/** The session cookie's name, the same for every service of a process. */
export const SESSION_COOKIE = 'mofang_wb';
/**
 * Each user's session generation: a session signed at an older one is over. `revoke(user)` (sign-out) ends every
 * session of that user signed so far, in every browser. With a file (in the data directory) the generations
 * survive a restart, so a signed-out cookie stays dead; one entry per user who ever signed out.
 */
export class SessionGenerations {
    file;
    generations = new Map();
    constructor(file) {
        this.file = file;
        if (!file || !existsSync(file))
            return;
        let saved;
        try {
            saved = JSON.parse(readFileSync(file, 'utf8'));
        }
        catch (err) {
            throw new Error(`${file}: not readable as JSON (${err.message})`, { cause: err });
        }
        for (const [user, g] of Object.entries((saved ?? {})))
            if (typeof g === 'number' && Number.isInteger(g))
                this.generations.set(user, g);
    }
    of(user) {
        return this.generations.get(user) ?? 0;
    }
    /** Ends every session of `user` signed so far. */
    revoke(user) {
        this.generations.set(user, this.of(user) + 1);
        if (!this.file)
            return;
        const tmp = `${this.file}.tmp`;
        writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.generations)), { mode: 0o600 });
        renameSync(tmp, this.file);
    }
}
/** Signs and verifies session cookies; with `generations`, signs the user's current one and refuses older ones. */
export class SessionSigner {
    secret;
    generations;
    constructor(secret, generations) {
        this.secret = secret;
        this.generations = generations;
    }
    sign(claims) {
        const signed = this.generations && claims.g === undefined ? { ...claims, g: this.generations.of(claims.u) } : claims;
        const body = Buffer.from(JSON.stringify(signed)).toString('base64url');
        return `${body}.${this.mac(body)}`;
    }
    verify(value, now = Date.now()) {
        const dot = value.lastIndexOf('.');
        const body = value.slice(0, dot);
        const mac = Buffer.from(value.slice(dot + 1));
        const expected = Buffer.from(this.mac(body));
        if (dot < 1 || mac.length !== expected.length || !timingSafeEqual(mac, expected))
            return { ok: false, reason: 'session signature is invalid' };
        const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
        if (claims.exp <= now)
            return { ok: false, reason: 'session expired: sign in again' };
        if (this.generations && (claims.g ?? 0) !== this.generations.of(claims.u))
            return { ok: false, reason: 'session ended (signed out): sign in again' };
        return { ok: true, claims };
    }
    mac(body) {
        return createHmac('sha256', this.secret).update(body).digest('base64url');
    }
}
/**
 * The Cookie header as name → value. A pair whose value does not percent-decode (e.g. `other=%zz`, set by
 * another app on the same host) is skipped as if absent: the browser sends every cookie of the host, so one
 * foreign malformed cookie must not fail every request (it used to answer 500 "URI malformed").
 */
export function parseCookies(header) {
    const out = new Map();
    for (const part of (header ?? '').split(';')) {
        const eq = part.indexOf('=');
        if (eq <= 0)
            continue;
        const raw = part.slice(eq + 1).trim();
        try {
            out.set(part.slice(0, eq).trim(), decodeURIComponent(raw));
        }
        catch {
            // malformed percent-encoding: treated as absent
        }
    }
    return out;
}
//# sourceMappingURL=session.js.map