export const DEFAULT_SL_VOICE = { percent: 80, seconds: 20 };
export const DEFAULT_SL_CHAT = { percent: 80, seconds: 60 };
const MINUTE = 60_000;
export function resolveOptions(o = {}) {
    const windows = o.windowsMinutes ?? [15, 30, 60];
    for (const w of windows)
        if (!Number.isInteger(w) || w < 1 || w > 1440)
            throw new RangeError(`windowsMinutes: ${w} is not a whole number of minutes in 1…1440`);
    const interval = o.intervalMinutes ?? 15;
    if (!Number.isInteger(interval) || interval < 1 || 1440 % interval !== 0)
        throw new RangeError(`intervalMinutes: ${interval} must be a whole number of minutes dividing 1440`);
    const timeZone = o.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    new Intl.DateTimeFormat('en-US', { timeZone }); // throws RangeError on an unknown zone
    const maxEvents = o.maxEventsPerInteraction ?? 2_000;
    if (!Number.isInteger(maxEvents) || maxEvents < 1)
        throw new RangeError(`maxEventsPerInteraction: ${maxEvents} is not a whole number ≥ 1`);
    return {
        shortAbandonMs: o.shortAbandonMs ?? 5000,
        serviceLevel: {
            voice: o.serviceLevel?.voice ?? DEFAULT_SL_VOICE,
            chat: o.serviceLevel?.chat ?? DEFAULT_SL_CHAT,
            channels: o.serviceLevel?.channels ?? {},
            queues: o.serviceLevel?.queues ?? {},
        },
        windowsMinutes: [...new Set(windows)].sort((a, b) => a - b),
        intervalMinutes: interval,
        timeZone,
        retentionMs: o.retentionMs ?? 6 * 60 * MINUTE,
        maxWaitMs: o.maxWaitMs ?? 4 * 60 * MINUTE,
        wrapLinkMs: o.wrapLinkMs ?? 10 * MINUTE,
        alertTtlMs: o.alertTtlMs ?? 30 * MINUTE,
        sentimentWindowMinutes: o.sentimentWindowMinutes ?? 15,
        maxEventsPerInteraction: maxEvents,
    };
}
/** The SL target of a contact: its queue's, else its channel's, else the voice/chat default. */
export function slTargetFor(opts, channel, queue) {
    const sl = opts.serviceLevel;
    return ((queue !== undefined ? sl.queues[queue] : undefined) ??
        sl.channels[channel] ??
        (channel === 'voice' ? sl.voice : sl.chat));
}
//# sourceMappingURL=options.js.map