/**
 * `mofang qa backfill`: scores stored chats and tickets that have no QA result. Through the running server
 * when one owns the chDB directory (chDB allows one owner process), else directly on this machine's data.
 */
import { BadInputError, loadConfig } from '../core/index.js';
import { Progress, readLiveLock } from '../kits/cli/index.js';
/** YYYY-MM-DD (UTC midnight), an ISO time, or ms since the epoch. */
export function parseTime(value, flag) {
    const ms = /^\d{10,}$/.test(value) ? Number(value) : Date.parse(value);
    if (!Number.isFinite(ms))
        throw new BadInputError(`--${flag}: expected YYYY-MM-DD, an ISO time or ms since the epoch, got "${value}"`);
    return ms;
}
export async function runBackfill(opts) {
    const since = parseTime(opts.since, 'since');
    const until = opts.until === undefined ? undefined : parseTime(opts.until, 'until');
    const config = loadConfig();
    const lock = config.clickhouseUrl ? undefined : readLiveLock(config.dataDir);
    if (lock) {
        const query = opts.tenant ? `?tenant=${encodeURIComponent(opts.tenant)}` : '';
        const res = await fetch(`${lock.url}/api/qa/backfill${query}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${lock.adminToken}`, 'content-type': 'application/json' },
            body: JSON.stringify({ since, until, limit: opts.limit }),
        });
        const body = (await res.json());
        if (!res.ok)
            throw new BadInputError(`server answered ${res.status}: ${body.reason ?? ''}`);
        return { scored: body.scored ?? 0, skipped: body.skipped ?? 0 };
    }
    const { withWarehouse } = await import('../warehouse/index.js');
    const { createQaPool } = await import('./pool.js');
    const { backfill, createQaScorer } = await import('./scorer.js');
    const pool = createQaPool({ size: opts.workers });
    let progress;
    let reported = 0;
    try {
        return await withWarehouse(config, (wh) => backfill(wh, createQaScorer({ warehouse: wh, pool }), {
            since,
            until,
            tenant: opts.tenant,
            limit: opts.limit,
            onProgress(done, total) {
                progress ??= new Progress({ total, label: 'qa backfill', unit: 'interactions' });
                progress.tick(done - reported);
                reported = done;
            },
        }));
    }
    finally {
        progress?.finish();
        await pool.close();
    }
}
//# sourceMappingURL=backfill-command.js.map