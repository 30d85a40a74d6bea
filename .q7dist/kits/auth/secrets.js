/** Comparing a secret a client sent (a bearer token) with the expected one. */
import { timingSafeEqual } from 'node:crypto';
/** Whether `given` equals `expected`, in time that does not depend on where they differ. */
export function sameSecret(given, expected) {
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
}
//# sourceMappingURL=secrets.js.map