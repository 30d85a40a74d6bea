/**
 * Cooperative long loops. Node runs timers, socket reads (NATS heartbeats and flow control: a client that
 * stops reading is cut off as a slow consumer) and HTTP requests only between synchronous stretches, so a
 * replay or bulk computation must hand the event loop back regularly.
 */
/**
 * Returns `maybeYield()`, to await after each unit of work: once `budgetMs` have passed since the last yield it
 * yields (setImmediate: pending I/O and timers run, not just microtasks); otherwise it resolves at once. A slice
 * then lasts the budget plus one unit, so keep units well under it (a few ms).
 */
export function createYielder(budgetMs = 50) {
    let sliceStart = performance.now();
    return async () => {
        if (performance.now() - sliceStart < budgetMs)
            return;
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
    };
}
//# sourceMappingURL=yield.js.map