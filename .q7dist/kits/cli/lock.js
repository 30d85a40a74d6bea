/**
 * The lock file of a running Mofang: written by the server that owns a data directory (embedded chDB allows one
 * owner), read by commands such as `mofang sql` and `mofang qa backfill`, which then talk to that server over
 * HTTP with its admin token instead of opening the directory themselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
export const lockPath = (dataDir) => join(resolve(dataDir), 'mofang.lock.json');
export function readLiveLock(dataDir) {
    const path = lockPath(dataDir);
    if (!existsSync(path))
        return undefined;
    try {
        const lock = JSON.parse(readFileSync(path, 'utf8'));
        process.kill(lock.pid, 0);
        return lock;
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=lock.js.map