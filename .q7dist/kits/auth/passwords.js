/**
 * Password hashes (scrypt) for the supervisor accounts: written by `mofang wallboard hash-password`, checked at sign-
 * in.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
const scrypt = (password, salt, keylen, opts) => new Promise((resolve, reject) => scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));
/** N=2^14, r=8, p=1: 16 MiB and ~130 ms per check on a 2-core server, so guessing is costly and sign-in still quick. */
const DEFAULT_COST = { N: 16384, r: 8, p: 1 };
/** `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password, cost = DEFAULT_COST) {
    const salt = randomBytes(16);
    const key = await scrypt(password, salt, 32, { ...cost, maxmem: 128 * cost.N * cost.r * 2 });
    return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}
export async function verifyPassword(password, stored) {
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    if (scheme !== 'scrypt' || !hash)
        return false;
    const cost = { N: Number(n), r: Number(r), p: Number(p) };
    const expected = Buffer.from(hash, 'base64url');
    const key = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
        ...cost,
        maxmem: 128 * cost.N * cost.r * 2,
    });
    return timingSafeEqual(key, expected);
}
//# sourceMappingURL=passwords.js.map