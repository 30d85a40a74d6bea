/**
 * What stands between a sign-in request and the password check (scrypt, on the libuv thread pool that file reads
 * share), in the order a request meets it:
 *
 *  1. `throttle(address)`, before the body is read: a token bucket per client address (`burst` attempts at once,
 *     refilled at `perMinute`); an empty bucket answers 429 `rate_limited` with Retry-After, nothing hashed.
 *  2. `attempt(user, address, check)`: a user name or an address with too many failures in the lock-out window
 *     answers 429 `locked`. Otherwise the attempt is counted as a failure of both BEFORE the password is checked
 *     (a reservation), so a concurrent burst cannot slip past the count while the hashes run; a right password
 *     clears the user's count and gives the address its reservation back.
 *  3. At most `maxChecking` password checks run at once and `maxWaiting` wait for a turn; past that the attempt
 *     answers 503 `busy` (Retry-After: 1), so a flood from many addresses cannot take the whole thread pool.
 *
 * Both tables are bounded (`maxEntries` each): expired entries go first, then the least recently used, but never a
 * real account's count, so a flood of made-up user names cannot evict a lock-out.
 */
import { availableParallelism } from 'node:os';
export const DEFAULT_SIGN_IN_LIMITS = {
    maxUserFailures: 10,
    maxAddressFailures: 30,
    lockoutMs: 15 * 60_000,
    burst: 10,
    perMinute: 30,
    maxChecking: Math.max(1, Math.min(Math.floor(availableParallelism() / 2), (Number(process.env.UV_THREADPOOL_SIZE) || 4) - 2)),
    maxWaiting: 16,
    maxEntries: 10_000,
};
/** A user name or address as it may appear in a log line: quoted, escaped, at most 64 characters. */
export const loggable = (s) => JSON.stringify(s.length > 64 ? `${s.slice(0, 64)}…` : s);
const minutes = (ms) => Math.max(1, Math.ceil(ms / 60_000));
export class SignInGuard {
    limits;
    counts = { ok: 0, wrong: 0, rate_limited: 0, locked: 0, busy: 0 };
    buckets = new Map();
    users = new Map();
    addresses = new Map();
    checking = 0;
    waiting = [];
    lastBusyLog = -Infinity;
    now;
    log;
    isAccount;
    constructor(limits = {}, opts = {}) {
        this.limits = { ...DEFAULT_SIGN_IN_LIMITS, ...limits };
        this.now = opts.now ?? Date.now;
        this.log = opts.log ?? (() => { });
        this.isAccount = opts.isAccount ?? (() => false);
    }
    /** Step 1, before the body is read: takes one attempt from the address's bucket, or refuses. */
    throttle(address) {
        const { burst, perMinute, maxEntries } = this.limits;
        const now = this.now();
        const perMs = perMinute / 60_000;
        // Taken out and put back at the end: the map's order is least recently used first.
        let bucket = this.buckets.get(address);
        if (bucket)
            this.buckets.delete(address);
        else
            bucket = { tokens: burst, at: now, refusing: false };
        if (now > bucket.at)
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perMs);
        bucket.at = now;
        this.buckets.set(address, bucket);
        for (const [key] of this.buckets) {
            if (this.buckets.size <= maxEntries)
                break;
            this.buckets.delete(key);
        }
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            bucket.refusing = false;
            return undefined;
        }
        this.counts.rate_limited++;
        if (!bucket.refusing)
            this.log(`sign-in: rate limiting ${address} (over ${burst} at once, ${perMinute}/min)`);
        bucket.refusing = true;
        const retryAfterS = perMs > 0 ? Math.ceil((1 - bucket.tokens) / perMs / 1000) : 60;
        return {
            status: 429,
            code: 'rate_limited',
            reason: `too many sign-in attempts from your address; try again in ${retryAfterS} s`,
            retryAfterS,
        };
    }
    /**
     * Steps 2 and 3: refuses a locked user name or address, else counts the attempt as a failure of both, waits for
     * a check slot and runs `check` (the password check: true when right). 'ok' and 'wrong' are its answers.
     */
    async attempt(user, address, check) {
        const { maxUserFailures, maxAddressFailures, maxChecking, maxWaiting } = this.limits;
        const now = this.now();
        const userTally = this.tally(this.users, user, now);
        const addressTally = this.tally(this.addresses, address, now);
        const locked = this.lockedFor(userTally, maxUserFailures, now, 'for this user') ??
            this.lockedFor(addressTally, maxAddressFailures, now, 'from your address');
        if (locked) {
            this.counts.locked++;
            return locked;
        }
        if (this.checking >= maxChecking && this.waiting.length >= maxWaiting) {
            this.counts.busy++;
            if (now - this.lastBusyLog >= 10_000) {
                this.lastBusyLog = now;
                this.log(`sign-in: busy, ${this.checking} password checks running and ${this.waiting.length} waiting`);
            }
            return { status: 503, code: 'busy', reason: 'too many sign-ins at once; try again in a moment', retryAfterS: 1 };
        }
        // Counted before the check: the next attempt, even one arriving while this check runs, sees it.
        this.fail(this.users, user, userTally, maxUserFailures, now);
        this.fail(this.addresses, address, addressTally, maxAddressFailures, now);
        await this.acquire();
        let ok;
        try {
            ok = await check();
        }
        catch {
            ok = false; // a check that fails counts as a wrong password
        }
        finally {
            this.release();
        }
        if (!ok) {
            this.counts.wrong++;
            this.logLock(userTally, maxUserFailures, `user ${loggable(user)}`);
            this.logLock(addressTally, maxAddressFailures, `address ${address}`);
            return 'wrong';
        }
        this.counts.ok++;
        if (this.users.get(user) === userTally)
            this.users.delete(user);
        addressTally.failures = Math.max(0, addressTally.failures - 1);
        if (addressTally.failures < maxAddressFailures)
            addressTally.lockedUntil = undefined;
        return 'ok';
    }
    /** Entries held (for tests and /healthz). */
    sizes() {
        return {
            addresses: this.addresses.size,
            users: this.users.size,
            buckets: this.buckets.size,
            checking: this.checking,
            waiting: this.waiting.length,
        };
    }
    /** The live tally of `key`, or a fresh one (not yet in the table) if it expired or is new. */
    tally(table, key, now) {
        const found = table.get(key);
        if (found && !this.expired(found, now))
            return found;
        if (found)
            table.delete(key);
        return { failures: 0, since: now };
    }
    expired(t, now) {
        return (t.lockedUntil ?? t.since + this.limits.lockoutMs) <= now;
    }
    /** Counts a failure of `key`, adding its tally to the table (kept within maxEntries) if it is not there. */
    fail(table, key, t, max, now) {
        t.failures++;
        if (t.failures === max)
            t.lockedUntil = now + this.limits.lockoutMs;
        if (table.get(key) === t)
            return;
        // Oldest first: drop what expired, then (when still full) the oldest count that is no real account's.
        for (const [k, old] of table) {
            if (!this.expired(old, now))
                break;
            table.delete(k);
        }
        const accounts = table === this.users;
        if (table.size >= this.limits.maxEntries)
            for (const [k] of table) {
                if (accounts && this.isAccount(k))
                    continue;
                table.delete(k);
                break;
            }
        // An account's count is kept even at the cap (there are only so many accounts).
        if (table.size < this.limits.maxEntries || (accounts && this.isAccount(key)))
            table.set(key, t);
    }
    lockedFor(t, max, now, whom) {
        if (t.failures < max)
            return undefined;
        const left = (t.lockedUntil ?? now + this.limits.lockoutMs) - now;
        return {
            status: 429,
            code: 'locked',
            reason: `too many failed sign-ins ${whom}; try again in ${minutes(left)} minutes`,
            retryAfterS: Math.ceil(left / 1000),
        };
    }
    logLock(t, max, what) {
        if (t.failures < max || t.logged)
            return;
        t.logged = true;
        this.log(`sign-in: ${what} locked for ${minutes(this.limits.lockoutMs)} minutes after ${max} failed sign-ins`);
    }
    /** A password check slot: taken at once when one is free, else handed over by release() in arrival order. */
    async acquire() {
        if (this.checking < this.limits.maxChecking) {
            this.checking++;
            return;
        }
        await new Promise((r) => this.waiting.push(r));
    }
    release() {
        const next = this.waiting.shift();
        if (next)
            next();
        else
            this.checking--;
    }
}
//# sourceMappingURL=sign-in-guard.js.map