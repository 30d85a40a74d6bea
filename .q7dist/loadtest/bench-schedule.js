/**
 * Shift scheduling speed and quality: a week's roster for 200 agents (15-minute intervals, two breaks and an unpaid
 * lunch per full shift, two consecutive days off, 11 h rest, 32–40 h, part-timers, unavailable days and evenings),
 * with two queues (voice, chat; single- and dual-skilled agents) and with one. Must finish within 30 s each.
 * Run with `npm run bench:schedule`.
 */
import { buildRoster, syntheticWeek } from '../roster/index.js';
import { helpOnRequest } from './bench-util.js';
helpOnRequest('Usage: npm run bench:schedule [-- --agents N] [-- --time-limit S]\n\n' +
    "Builds a week's roster for N agents (default 200) with two queues and with one; prints seconds, MIP gaps and costs.");
function arg(name, fallback) {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const agents = arg('agents', 200);
const timeLimit = arg('time-limit', 25);
const pct = (x) => (x === null ? 'n/a' : `${(100 * x).toFixed(2)}%`);
for (const skills of [true, false]) {
    const input = syntheticWeek({ agents, skills });
    const started = performance.now();
    const roster = await buildRoster(input, { timeLimitSeconds: timeLimit });
    const seconds = (performance.now() - started) / 1000;
    const t = roster.totals;
    const m = roster.model;
    console.log(`${agents} agents, one week, ${skills ? 'two queues (voice, chat)' : 'one queue'}:`);
    console.log(`  total ${seconds.toFixed(1)} s (shifts ${m.shiftSeconds.toFixed(1)} s, breaks ${m.breakSeconds.toFixed(1)} s); ` +
        `${m.agentTypes} agent types, ${m.tours} tours in ${m.iterations} column-generation rounds; ` +
        `MIP ${m.integers} integers, ${m.rows} rows`);
    console.log(`  shifts: ${roster.status}, gap ${pct(roster.gap)} (cost ${roster.objective}, bound ${roster.bound}); ` +
        `breaks: gap ${pct(roster.breakGap)}`);
    console.log(`  roster: ${t.shifts} shifts, ${t.paidHours} paid h for ${t.requiredHours} required agent-h; ` +
        `under ${t.understaffedHours} h, over ${t.overstaffedHours} h; cost ${t.total}` +
        (seconds > 30 ? '  ** over the 30 s limit **' : ''));
}
//# sourceMappingURL=bench-schedule.js.map