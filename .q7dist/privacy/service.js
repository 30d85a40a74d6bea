import { auditRoutes } from './audit-api.js';
import { customerRoutes } from './customer-api.js';
import { sweepRecordings } from './recordings.js';
import { applyStreamRetention } from './stream-retention.js';
export function privacyService(opts = {}) {
    return async (ctx) => {
        const { config, jsm, topology, warehouse, log } = ctx;
        for (const change of await applyStreamRetention(jsm, topology, config))
            log(`privacy: retention: ${change}`);
        const dir = config.recordingsDir;
        const days = config.retentionRecordingsDays;
        let lastSweep;
        let sweeping;
        const sweep = () => (sweeping ??= (async () => {
            try {
                const result = await sweepRecordings(dir, days);
                lastSweep = { ...result, at: Date.now() };
                if (result.deleted)
                    log(`privacy: deleted ${result.deleted} recordings older than ${days} days from ${dir}`);
            }
            catch (err) {
                lastSweep = { error: err.message, at: Date.now() };
                log(`privacy: recordings sweep of ${dir} failed: ${err.message}`);
            }
            finally {
                sweeping = undefined;
            }
        })());
        const timer = dir && days ? setInterval(() => void sweep(), opts.sweepEveryMs ?? 3_600_000) : undefined;
        if (timer)
            void sweep();
        const customers = customerRoutes({
            ...ctx,
            recordingsDir: dir,
            cluster: config.clickhouseCluster,
        });
        const audit = auditRoutes({ warehouse, config });
        return {
            name: 'privacy',
            handlers: [customers, audit],
            health: async () => ({
                ok: !(lastSweep && 'error' in lastSweep),
                detail: { recordings_dir: dir ?? null, recordings_days: days ?? null, last_sweep: lastSweep ?? null },
            }),
            async stop() {
                clearInterval(timer);
                await sweeping;
            },
        };
    };
}
//# sourceMappingURL=service.js.map