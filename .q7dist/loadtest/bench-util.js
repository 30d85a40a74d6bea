const TYPES = [
    ['voice', 'voice.offered', {}],
    ['voice', 'voice.queued', {}],
    ['voice', 'voice.answered', {}],
    ['voice', 'voice.ended', { ended_by: 'customer' }],
    ['wechat', 'chat.started', {}],
    ['wechat', 'chat.message', { role: 'customer', text: '您好，我的笔记本蓝屏了，错误代码 0x0000007B，怎么办？' }],
    ['wechat', 'chat.message', { role: 'agent', text: '王先生您好，请您先尝试进入安全模式，我来帮您处理。' }],
    ['webchat', 'chat.message', { role: 'customer', text: 'Hi, my ThinkPad X1 Carbon will not boot after the update.' }],
    ['voice', 'agent.ready', {}],
    ['voice', 'survey.nps', { score: 9 }],
];
/**
 * `n` valid events without event_id (the server assigns them): interactions of 10
 * events each, from 20,000 customers who keep coming back (as real ones do).
 */
export function syntheticEvents(tenant, n, seed) {
    const now = Date.now();
    return Array.from({ length: n }, (_, i) => {
        const k = seed * n + i;
        const [channel, type, payload] = TYPES[k % TYPES.length];
        const customer = Math.floor(k / 10) % 20_000;
        return {
            tenant,
            ts: now,
            channel,
            type,
            interaction_id: `bench-${Math.floor(k / 10)}`,
            customer: channel === 'voice'
                ? { phone: `1390000${String(customer).padStart(4, '0')}` }
                : { wechat_openid: `o${customer}` },
            agent_id: `agent-${k % 500}`,
            queue: ['repair', 'presales', 'aftersales'][k % 3],
            payload,
        };
    });
}
/**
 * Open-loop load: calls `send(tick)` every `everyMs` for `durationMs` whether or not earlier calls
 * have finished (up to `maxInFlight` at once), so a slow answer shows up as latency instead of
 * lowering the offered rate. Resolves when every call has settled; counts the ticks sent late.
 */
export async function openLoop(opts) {
    const inFlight = new Set();
    const start = Date.now();
    let lateTicks = 0;
    for (let tick = 0; tick * opts.everyMs < opts.durationMs; tick++) {
        const due = start + tick * opts.everyMs;
        if (Date.now() < due)
            await new Promise((r) => setTimeout(r, due - Date.now()));
        else
            lateTicks++;
        while (inFlight.size >= opts.maxInFlight)
            await Promise.race(inFlight);
        const call = opts.send(tick);
        inFlight.add(call);
        void call.finally(() => inFlight.delete(call));
    }
    await Promise.all(inFlight);
    return { lateTicks };
}
/** The p-th percentile (0..1) of sorted numbers, nearest rank. */
export function percentile(sorted, p) {
    if (sorted.length === 0)
        return NaN;
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
/** Every command answers --help: benchmarks print their usage and exit before doing any work. */
export function helpOnRequest(usage) {
    if (process.argv.includes('--help') || process.argv.includes('-h')) {
        console.log(usage);
        process.exit(0);
    }
}
//# sourceMappingURL=bench-util.js.map