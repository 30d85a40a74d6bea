/**
 * How many agents a load needs: Erlang C by default, Erlang A when customers'
 * patience is known, and for chats their multi-slot generalisation (chat.ts) when
 * agents hold several at once; then shrinkage turns agents on the phones into
 * agents scheduled. Also the per-interval plan for a forecast (the planner's input).
 */
import { erlangAMeasures, erlangCMeasures, erlangs } from './erlang.js';
import { chatHandleTime, chatMeasures, checkConcurrency, DEFAULT_SLOWDOWN } from './chat.js';
function measures(n, load, target) {
    const k = target.concurrency ?? 1;
    if (k !== 1)
        return chatMeasures(n, load, target.threshold, { concurrency: k, slowdown: target.slowdown }, target.patience);
    return target.patience !== undefined
        ? erlangAMeasures(n, load, target.threshold, target.patience)
        : erlangCMeasures(n, load, target.threshold);
}
function meets(m, target) {
    return m.serviceLevel >= target.serviceLevel && m.occupancy <= (target.maxOccupancy ?? 1) + 1e-12;
}
/**
 * The fewest agents meeting the target. Service level rises with agents, so a
 * doubling search then bisection needs O(log n) evaluations of O(n) each.
 */
export function requiredAgents(load, target) {
    const k = target.concurrency ?? 1;
    if (k !== 1)
        checkConcurrency({ concurrency: k, slowdown: target.slowdown });
    const a = erlangs(load);
    if (a === 0)
        return { agents: 0, serviceLevel: 1, asa: 0, probWait: 0, occupancy: 0, abandonment: 0 };
    // Agents' worth of work: a full agent finishes k chats per (slowed-down) handle time.
    const w = k === 1 ? a : (a * chatHandleTime(1, k, target.slowdown ?? DEFAULT_SLOWDOWN)) / k;
    let hi = Math.max(1, Math.ceil(w + 2 * Math.sqrt(w)));
    while (!meets(measures(hi, load, target), target)) {
        if (hi > 1e6)
            throw new RangeError(`no staffing up to ${hi} agents meets the target`);
        hi *= 2;
    }
    let lo = 0; // invariant: lo fails (or is 0), hi meets
    while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (meets(measures(mid, load, target), target))
            hi = mid;
        else
            lo = mid;
    }
    return measures(hi, load, target);
}
/** Share of paid time not on the phones, 0..1 exclusive. */
export function staff(load, target, shrinkage = 0) {
    const m = requiredAgents(load, target);
    return {
        ...m,
        erlangs: erlangs(load),
        model: target.patience !== undefined ? 'erlang_a' : 'erlang_c',
        concurrency: target.concurrency ?? 1,
        required: m.agents,
        // Tolerance so 14 / 0.7 = 20.000000000000004 stays 20; max(0, …) turns −0 into 0.
        scheduled: Math.max(0, Math.ceil(m.agents / (1 - shrinkage) - 1e-9)),
    };
}
/** Required and scheduled agents per forecast interval. */
export function staffingPlan(rows, opts) {
    const seconds = opts.intervalMinutes * 60;
    return rows.map((row) => ({
        row,
        staffing: staff({ lambda: Math.max(0, row.forecast) / seconds, aht: opts.aht }, opts.target, opts.shrinkage),
    }));
}
//# sourceMappingURL=staffing.js.map