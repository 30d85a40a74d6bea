/**
 * The report delivery service: checks the schedules every `tickMs` (30 s) and sends what is due (delivery.ts), with
 * the record of sends in a NATS KV bucket (ledger.ts). Its /healthz component shows the last success, the last
 * failure with its reason, the sends waiting for a retry and the next attempt. A failing SMTP server is reported
 * there but keeps the component ok: mail is not what the load balancer probes for, and the rest of the system runs
 * on.
 */
import { openKvBucket } from '../../bus/index.js'
import type { Service, ServiceContext, ServiceFactory } from '../../core/index.js'
import { createDelivery, type BackoffOptions, type Delivery, type RenderReport } from './delivery.js'
import { kvLedger } from './ledger.js'
import type { Schedule } from './schedules.js'
import { senderDomain, smtpSender, type SmtpOptions } from './smtp.js'

export interface ReportDeliveryOptions {
  schedules: Schedule[]
  smtp: SmtpOptions
  /** Renders a report file (PDF, XLSX): the reports part's exporter. */
  render: RenderReport
  /** Time between checks of the schedules, ms. Default 30 000. */
  tickMs?: number
  /** Backoff of failed sends. Default 1 min doubling to 30 min. */
  retry?: BackoffOptions
  /** Sends due longer ago than this are neither caught up nor retried, ms. Default 7 days. */
  maxAgeMs?: number
  /** KV bucket of the delivery record. Default `<topology prefix>_report_deliveries` (`cx_report_deliveries`). */
  bucket?: string
  /** The clock. Default Date.now. */
  now?: () => number
}

export type ReportDeliveryService = Service & {
  /** Checks the schedules now; resolves when this check's sends are recorded. */
  check(): Promise<void>
}

export function reportDeliveryService(opts: ReportDeliveryOptions): ServiceFactory {
  return async (ctx: ServiceContext): Promise<ReportDeliveryService> => {
    const now = opts.now ?? Date.now
    const kv = await openKvBucket(ctx.js, opts.bucket ?? `${ctx.topology.prefix}_report_deliveries`, {
      history: 1,
      replicas: ctx.config.natsReplicas,
    })
    const sender = smtpSender(opts.smtp)
    const delivery: Delivery = createDelivery({
      schedules: opts.schedules,
      ledger: kvLedger(kv),
      render: opts.render,
      send: sender.send,
      messageIdDomain: senderDomain(opts.smtp.from),
      retry: opts.retry,
      maxAgeMs: opts.maxAgeMs,
      log: ctx.log,
    })
    // Checks run one after another: a slow send delays the next check instead of overlapping it.
    let running: Promise<void> = Promise.resolve()
    let stopped = false
    const check = () => (running = running.then(() => (stopped ? undefined : delivery.tick(now()))))
    const timer = setInterval(check, opts.tickMs ?? 30_000)
    timer.unref()
    void check()
    ctx.log(`report delivery: ${opts.schedules.length} schedule(s), sending through ${new URL(opts.smtp.url).host}`)

    return {
      name: 'report_delivery',
      check,
      health: async () => ({ ok: true, detail: { ...delivery.health(now()) } }),
      async stop() {
        stopped = true
        clearInterval(timer)
        // A send in progress is finished and recorded, so a restart does not repeat it.
        await running
        sender.close()
      },
    }
  }
}
