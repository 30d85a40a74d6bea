/**
 * Batch generation for tests, replays and `mofang simulate --dry-run`: a whole simulated
 * period at once, as a ts-sorted array.
 */
import { BadInputError } from '../core/index.js';
import { Simulation } from './engine.js';
import { HOUR } from './calendar.js';
/** Events plus the ground truth behind them. */
export function generateRun(opts = {}) {
    const durationMs = opts.durationMs ?? HOUR;
    if (!(durationMs >= 0 && Number.isFinite(durationMs)))
        throw new BadInputError(`durationMs must be ≥ 0, got ${durationMs}`);
    const sim = new Simulation(opts);
    const events = sim.advanceTo(sim.startedAt + durationMs);
    if (opts.drain ?? true)
        for (const e of sim.drain())
            events.push(e);
    return { events, truth: sim.truth(), stats: sim.stats() };
}
/** The events of a simulated period, ts-sorted. Deterministic when `start` and `seed` are given. */
export function generate(opts = {}) {
    return generateRun(opts).events;
}
//# sourceMappingURL=generate.js.map