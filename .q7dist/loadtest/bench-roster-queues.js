/**
 * The planner's per-queue roster: a week for N agents (default 60) over five queues, with the simulated centre's
 * skill mix (about 18 skill sets) and the planner's rules, solved with the time limits given (default 10, 20 and 30 s,
 * the planner's is 20). Prints the roster's cost with every queue counted exactly, seconds and column-generation
 * rounds. Run with `npx tsx loadtest/bench-roster-queues.ts [-- --agents N] [-- --limits 10,20,30]`.
 */
import { buildRoster, syntheticQueueWeek } from '../roster/index.js';
import { helpOnRequest } from './bench-util.js';
helpOnRequest('Usage: npx tsx loadtest/bench-roster-queues.ts [--agents N] [--limits 10,20,30]\n\n' +
    "Builds a week's roster per queue (five queues, mixed skills) at each time limit; prints cost, seconds, rounds.");
const argOf = (name) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
};
const agents = Number(argOf('agents') ?? 60);
const limits = (argOf('limits') ?? '10,20,30').split(',').map(Number);
const input = syntheticQueueWeek({ agents });
const sets = new Set(input.agents.map((a) => [...(a.skills ?? [])].sort().join('+'))).size;
console.log(`${agents} agents in ${sets} skill sets, five queues, one week:`);
for (const limit of limits) {
    const started = performance.now();
    const r = await buildRoster(input, { timeLimitSeconds: limit });
    const t = r.totals;
    console.log(`  limit ${limit} s: ${((performance.now() - started) / 1000).toFixed(1)} s, ${r.model.iterations} rounds, ` +
        `${r.model.agentTypes} agent types; under ${t.understaffedHours} h, over ${t.overstaffedHours} h, cost ${t.total}`);
}
//# sourceMappingURL=bench-roster-queues.js.map