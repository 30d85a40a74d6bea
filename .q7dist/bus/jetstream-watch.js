export function watchJetStream(opts) {
    const threshold = opts.failuresBeforeRestart ?? 3;
    let failures = 0;
    let restarts = 0;
    let lastError;
    let busy = false;
    const check = async () => {
        if (busy || !opts.connected())
            return;
        busy = true;
        try {
            await opts.jsm.getAccountInfo();
            failures = 0;
            lastError = undefined;
        }
        catch (err) {
            failures++;
            lastError = err.message;
            if (failures >= threshold && opts.mayRestart()) {
                opts.log?.(`JetStream has not answered ${failures} checks (${lastError}): restarting the managed nats-server`);
                await opts.restart();
                restarts++;
                failures = 0;
            }
        }
        finally {
            busy = false;
        }
    };
    const timer = setInterval(() => void check().catch((err) => opts.log?.(`JetStream watch: ${err.message}`)), opts.everyMs ?? 5_000);
    timer.unref();
    return { state: () => ({ failures, lastError, restarts }), stop: () => clearInterval(timer) };
}
//# sourceMappingURL=jetstream-watch.js.map