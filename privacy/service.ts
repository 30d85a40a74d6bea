/**
 * The privacy service: the data lifecycle of a running Mofang.
 *  - At start, the NATS side of retention (stream-retention.ts: dead letters, identity KV TTL); the warehouse TTLs
 *    are the migration runner's (warehouse/retention.ts).
 *  - Every hour (and at start), the recordings sweep: files under MOFANG_RECORDINGS_DIR older than
 *    MOFANG_RETENTION_RECORDINGS_DAYS are deleted.
 *  - HTTP: GET /api/admin/audit (audit-api.ts), and the admin channel of `mofang customer export|erase`
 *    (customer-api.ts).
 */
import { type Service, type ServiceContext, type ServiceFactory } from '../core/index.js'
import { auditRoutes } from './audit-api.js'
import { customerRoutes } from './customer-api.js'
import { sweepRecordings, type SweepResult } from './recordings.js'
import { applyStreamRetention } from './stream-retention.js'

export interface PrivacyServiceOptions {
  /** How often the recordings sweep runs, ms. Default one hour. */
  sweepEveryMs?: number
}

export function privacyService(opts: PrivacyServiceOptions = {}): ServiceFactory {
  return async (ctx: ServiceContext): Promise<Service> => {
    const { config, jsm, topology, warehouse, log } = ctx
    for (const change of await applyStreamRetention(jsm, topology, config)) log(`privacy: retention: ${change}`)

    const dir = config.recordingsDir
    const days = config.retentionRecordingsDays
    let lastSweep: (SweepResult & { at: number }) | { error: string; at: number } | undefined
    let sweeping: Promise<void> | undefined
    const sweep = () =>
      (sweeping ??= (async () => {
        try {
          const result = await sweepRecordings(dir!, days!)
          lastSweep = { ...result, at: Date.now() }
          if (result.deleted) log(`privacy: deleted ${result.deleted} recordings older than ${days} days from ${dir}`)
        } catch (err) {
          lastSweep = { error: (err as Error).message, at: Date.now() }
          log(`privacy: recordings sweep of ${dir} failed: ${(err as Error).message}`)
        } finally {
          sweeping = undefined
        }
      })())
    const timer = dir && days ? setInterval(() => void sweep(), opts.sweepEveryMs ?? 3_600_000) : undefined
    if (timer) void sweep()

    const customers = customerRoutes({
      ...ctx,
      recordingsDir: dir,
      cluster: config.clickhouseCluster,
    })
    const audit = auditRoutes({ warehouse, config })
    return {
      name: 'privacy',
      handlers: [customers, audit],
      health: async () => ({
        ok: !(lastSweep && 'error' in lastSweep),
        detail: { recordings_dir: dir ?? null, recordings_days: days ?? null, last_sweep: lastSweep ?? null },
      }),
      async stop() {
        clearInterval(timer)
        await sweeping
      },
    }
  }
}
