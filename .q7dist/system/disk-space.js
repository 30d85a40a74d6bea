/**
 * Free space on the data directory (JetStream's files and chDB's parts), read at most once a second.
 * Ingest refuses with 507 below the floor instead of letting JetStream or ClickHouse hit a full disk.
 */
import { statfsSync } from 'node:fs';
export function diskSpace(dir, minFreeBytes, cacheMs = 1_000) {
    let readAt = -Infinity;
    let free = Infinity;
    const freeBytes = () => {
        const now = Date.now();
        if (now - readAt >= cacheMs) {
            readAt = now;
            try {
                const st = statfsSync(dir);
                free = st.bavail * st.bsize;
            }
            catch {
                free = Infinity; // cannot tell: do not refuse on a guess
            }
        }
        return free;
    };
    const mib = (n) => Math.floor(n / 2 ** 20);
    return {
        freeBytes,
        problem() {
            const f = freeBytes();
            return f < minFreeBytes
                ? `the data directory ${dir} has ${mib(f)} MiB free, under MOFANG_MIN_FREE_MB (${mib(minFreeBytes)})`
                : undefined;
        },
    };
}
//# sourceMappingURL=disk-space.js.map