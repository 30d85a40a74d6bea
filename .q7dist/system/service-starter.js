/**
 * Starts the system's services without letting one failure stop the rest: each start is tried
 * once in order; a service whose start fails (NATS slow or restarting, a KV read that timed out)
 * is retried in the background with backoff until it runs or the system stops, and until then
 * /healthz shows it as starting, with the attempts and the last error, instead of the process exiting.
 */
import { retryWithBackoff, } from '../core/index.js';
/** Resolves once every service has had its first attempt; failed ones keep retrying in the background. */
export async function startServices(factories, ctx, hooks) {
    for (const [index, factory] of factories.entries()) {
        const label = factory.serviceName ?? `service ${index + 1}`;
        try {
            hooks.started(await factory(ctx));
        }
        catch (err) {
            hooks.log(`${label}: start failed (${err.message}); retrying in the background`);
            const pending = { attempts: 1, error: err.message };
            const checkName = `${label} (starting)`;
            hooks.addCheck({ name: checkName, check: async () => ({ ok: false, detail: { starting: true, ...pending } }) });
            void retryWithBackoff(() => factory(ctx), {
                what: `${label} start`,
                log: hooks.log,
                initialDelayMs: 500,
                stopped: hooks.stopped,
                onFailure: (attempt, e) => Object.assign(pending, { attempts: attempt + 1, error: e.message }),
            }).then((service) => {
                hooks.removeCheck(checkName);
                if (hooks.stopped())
                    return void service.stop();
                hooks.log(`${service.name}: started after ${pending.attempts} attempts`);
                hooks.started(service);
            }, (e) => hooks.log(`${label}: not started (${e.message})`));
        }
    }
}
//# sourceMappingURL=service-starter.js.map