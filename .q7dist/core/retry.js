export async function retryWithBackoff(fn, opts) {
    const started = Date.now();
    const deadline = opts.deadlineMs ?? Infinity;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn();
        }
        catch (err) {
            const wait = Math.min(opts.maxDelayMs ?? 10_000, (opts.initialDelayMs ?? 250) * 2 ** (attempt - 1));
            if (opts.stopped?.() || Date.now() - started + wait > deadline)
                throw err;
            opts.onFailure?.(attempt, err);
            opts.log?.(`${opts.what} failed (attempt ${attempt}: ${err.message}); retrying in ${wait} ms`);
            await new Promise((r) => setTimeout(r, wait));
        }
    }
}
//# sourceMappingURL=retry.js.map