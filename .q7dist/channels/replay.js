export class ReplayWindow {
    windowMs;
    maxKeys;
    /** key → when it was first seen; a Map iterates in insertion order, so the oldest come first. */
    seenAt = new Map();
    constructor(opts = {}) {
        this.windowMs = opts.windowMs ?? 300_000;
        this.maxKeys = opts.maxKeys ?? 100_000;
    }
    seen(key, now) {
        if (this.has(key, now))
            return true;
        this.seenAt.set(key, now);
        return false;
    }
    /** Whether `key` was seen within the window, without recording it. */
    has(key, now) {
        this.forget(now);
        return this.seenAt.has(key);
    }
    forget(now) {
        for (const [key, at] of this.seenAt) {
            if (at > now - this.windowMs && this.seenAt.size <= this.maxKeys)
                break;
            this.seenAt.delete(key);
        }
    }
}
//# sourceMappingURL=replay.js.map