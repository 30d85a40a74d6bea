/** Resolves on the first SIGINT/SIGTERM; a second one exits at once. */
export function untilSignal(onFirst) {
    return new Promise((resolve) => {
        let seen = false;
        const handler = (signal) => {
            if (seen)
                process.exit(130);
            seen = true;
            onFirst?.(signal);
            resolve(signal);
        };
        process.on('SIGINT', handler);
        process.on('SIGTERM', handler);
    });
}
//# sourceMappingURL=signals.js.map