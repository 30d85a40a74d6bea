/**
 * The report delivery service: checks the schedules every `tickMs` (30 s) and sends what is due (delivery.ts), with
 * the record of sends in a NATS KV bucket (ledger.ts). Its /healthz component shows the last success, the last
 * failure with its reason, the sends waiting for a retry and the next attempt. A failing SMTP server is reported
 * there but keeps the component ok: mail is not what the load balancer probes for, and the rest of the system runs
 * on.
 */
import { Kvm } from '@nats-io/kv';
import { createDelivery } from './delivery.js';
import { kvLedger } from './ledger.js';
import { senderDomain, smtpSender } from './smtp.js';
export function reportDeliveryService(opts) {
    return async (ctx) => {
        const now = opts.now ?? Date.now;
        const kv = await new Kvm(ctx.js).create(opts.bucket ?? `${ctx.topology.prefix}_report_deliveries`, {
            history: 1,
            replicas: ctx.config.natsReplicas,
        });
        const sender = smtpSender(opts.smtp);
        const delivery = createDelivery({
            schedules: opts.schedules,
            ledger: kvLedger(kv),
            render: opts.render,
            send: sender.send,
            messageIdDomain: senderDomain(opts.smtp.from),
            retry: opts.retry,
            maxAgeMs: opts.maxAgeMs,
            log: ctx.log,
        });
        // Checks run one after another: a slow send delays the next check instead of overlapping it.
        let running = Promise.resolve();
        let stopped = false;
        const check = () => (running = running.then(() => (stopped ? undefined : delivery.tick(now()))));
        const timer = setInterval(check, opts.tickMs ?? 30_000);
        timer.unref();
        void check();
        ctx.log(`report delivery: ${opts.schedules.length} schedule(s), sending through ${new URL(opts.smtp.url).host}`);
        return {
            name: 'report_delivery',
            check,
            health: async () => ({ ok: true, detail: { ...delivery.health(now()) } }),
            async stop() {
                stopped = true;
                clearInterval(timer);
                // A send in progress is finished and recorded, so a restart does not repeat it.
                await running;
                sender.close();
            },
        };
    };
}
//# sourceMappingURL=service.js.map