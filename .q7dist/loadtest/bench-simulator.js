/**
 * Simulator generation speed: events per second for (a) `generate()` of one busy day into
 * an array and (b) streaming a week in one-hour chunks (the backfill path, nothing retained).
 * Usage: node dist/loadtest/bench-simulator.js [rounds=3]
 */
import { availableParallelism, loadavg } from 'node:os';
import { generate, Simulation } from '../simulator/index.js';
import { helpOnRequest } from './bench-util.js';
helpOnRequest('Usage: npm run bench:simulator -- [rounds=3]\n\nSimulator generation speed: one busy day into an array, and a week streamed in one-hour chunks (events/s).');
const rounds = Number(process.argv[2] ?? 3);
const start = Date.parse('2024-05-06T00:00:00+08:00'); // a Monday
const HOUR = 3_600_000;
function timeIt(label, fn) {
    const rates = [], cpuRates = [];
    let events = 0;
    for (let r = 0; r < rounds; r++) {
        const t0 = performance.now(), c0 = process.cpuUsage();
        events = fn();
        const cpu = process.cpuUsage(c0);
        rates.push(events / ((performance.now() - t0) / 1000));
        // Per CPU-second too: on a shared machine wall-clock rates mostly measure the neighbours.
        cpuRates.push(events / ((cpu.user + cpu.system) / 1e6));
    }
    const best = (xs) => Math.round(Math.max(...xs));
    const median = (xs) => Math.round([...xs].sort((a, b) => a - b)[xs.length >> 1]);
    console.log(`${label}: ${events} events, wall best ${best(rates)}/s median ${median(rates)}/s; per CPU-second best ${best(cpuRates)} median ${median(cpuRates)}`);
}
console.log(`cpus ${availableParallelism()}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`);
generate({ seed: 9, start, durationMs: 2 * HOUR }); // warm up the JIT
timeIt('generate() 1 day, 60 agents, 600/h', () => generate({ seed: 1, start, durationMs: 24 * HOUR }).length);
timeIt('stream 7 days in 1 h chunks', () => {
    const sim = new Simulation({ seed: 2, start });
    let n = 0;
    for (let t = start + HOUR; t <= start + 7 * 24 * HOUR; t += HOUR)
        n += sim.advanceTo(t).length;
    return n + sim.drain().length;
});
timeIt('stream 1 day at 6000/h with 600 agents', () => {
    const sim = new Simulation({ seed: 3, start, agents: 600, ratePerHour: 6000 });
    let n = 0;
    for (let t = start + HOUR; t <= start + 24 * HOUR; t += HOUR)
        n += sim.advanceTo(t).length;
    return n + sim.drain().length;
});
//# sourceMappingURL=bench-simulator.js.map