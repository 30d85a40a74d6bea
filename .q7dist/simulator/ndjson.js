/** Streams a generated period as NDJSON (one event per line), hour by hour, respecting back-pressure. */
import { once } from 'node:events';
import { Simulation } from './engine.js';
import { HOUR } from './calendar.js';
/** Writes the same events as `generate(opts)` (drained), without holding them all in memory. Returns the count. */
export async function writeNdjson(out, opts) {
    const sim = new Simulation(opts);
    const end = sim.startedAt + (opts.durationMs ?? HOUR);
    let count = 0;
    const write = async (events) => {
        if (events.length === 0)
            return;
        count += events.length;
        if (!out.write(events.map((e) => JSON.stringify(e)).join('\n') + '\n'))
            await once(out, 'drain');
    };
    for (let t = sim.startedAt; t < end;) {
        t = Math.min(t + HOUR, end);
        await write(sim.advanceTo(t));
    }
    if (opts.drain ?? true)
        await write(sim.drain());
    return count;
}
//# sourceMappingURL=ndjson.js.map