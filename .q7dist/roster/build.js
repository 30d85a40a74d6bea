/**
 * `buildRoster`: checks the input, rules out the simple impossibilities, chooses every agent's shifts (stage 1,
 * column generation and an integer program over weekly tours), places the breaks (stage 2, one small integer
 * program per day), then reads the roster back with requirement vs scheduled per interval and skill.
 */
import { placeBreaks } from './breaks.js';
import { agentConflicts, precheck, shortfallConflicts } from './diagnose.js';
import { RosterInfeasibleError } from './errors.js';
import { addCoverage, agentTypes, Builder, shiftCost } from './model.js';
import { buildProblem } from './problem.js';
import { highsRuntime, solveMaster } from './solver.js';
const round = (v, digits = 4) => Math.round(v * 10 ** digits) / 10 ** digits;
/** Share of the time limit for stage 1 (shifts); the rest places breaks. */
const SHIFT_SHARE = 0.8;
/**
 * A week's roster (or whatever horizon `input.days` gives) minimising weighted under- and over-staffing plus shift
 * costs. Throws `RosterInputError` (a `BadInputError`) for malformed input, naming the field, and
 * `RosterInfeasibleError` when the rules admit no roster, naming the constraint that binds.
 * Asynchronous only because the solver's WebAssembly loads asynchronously; each solve blocks the thread.
 */
export async function buildRoster(input, opts = {}) {
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    const progress = opts.onProgress ?? (() => { });
    const timeLimit = opts.timeLimitSeconds ?? 25;
    const gap = opts.gap ?? 0.005;
    const p = buildProblem(input);
    progress({ phase: 'model', seconds: 0, message: 'checking the rules' });
    const quick = precheck(p);
    if (quick.length)
        throw new RosterInfeasibleError(quick);
    const perAgent = agentConflicts(p);
    if (perAgent.length)
        throw new RosterInfeasibleError(perAgent);
    const types = agentTypes(p);
    progress({
        phase: 'model',
        seconds: elapsed(),
        message: `${p.agents.length} agents in ${types.length} types, ${p.shifts.length} shift types`,
    });
    const shifts = await solveMaster(p, types, {
        timeLimitSeconds: timeLimit * SHIFT_SHARE,
        gap,
        seed: opts.seed,
        onProgress: (s) => progress(s),
    });
    const { agents, groups, shiftCostTotal } = assignTours(p, types, shifts);
    const breaksStarted = elapsed();
    const { placement, gap: breakGap } = await placeBreaks(p, groups, {
        seconds: timeLimit - elapsed(),
        gap,
        onDay: (d) => progress({ phase: 'breaks', seconds: elapsed(), message: `placing breaks, day ${d + 1} of ${p.D}` }),
    });
    const breakSeconds = elapsed() - breaksStarted;
    // Breaks into the agents' shifts, and who is on duty when.
    const onDuty = p.classes.map(() => new Float64Array(p.T));
    for (const [key, members] of groups) {
        const [c, d, s] = key.split('/').map(Number);
        const sh = p.shifts[s];
        for (const ai of members) {
            const shift = agents[ai].shifts.find((x) => x.day === d);
            const busy = new Uint8Array(sh.len).fill(1);
            placement.get(`${ai}/${d}`).forEach((pos, i) => {
                const slot = sh.breaks[i];
                busy.fill(0, pos, pos + slot.len);
                shift.breaks.push({
                    name: slot.name,
                    start: sh.start + pos * p.I,
                    end: sh.start + (pos + slot.len) * p.I,
                    paid: slot.paid,
                });
            });
            const t0 = d * p.P + sh.st;
            for (let j = 0; j < sh.len && t0 + j < p.T; j++)
                onDuty[c][t0 + j] += busy[j];
        }
    }
    const { coverage, totals } = await coverageOf(p, onDuty, agents, shiftCostTotal);
    if (p.hard) {
        const short = shortfallConflicts(p, (k, t) => coverage[k * p.T + t].under);
        if (short.length)
            throw new RosterInfeasibleError(short);
    }
    progress({ phase: 'done', seconds: elapsed(), incumbent: totals.total, bound: shifts.bound, gap: shifts.gap });
    return {
        status: shifts.status,
        gap: round(shifts.gap, 6),
        objective: round(shifts.objective),
        bound: round(shifts.bound),
        breakGap: breakGap === null ? null : round(breakGap, 6),
        solveSeconds: round(elapsed(), 3),
        model: {
            agentTypes: types.length,
            tours: shifts.tours.length,
            iterations: shifts.iterations,
            columns: shifts.columns,
            integers: shifts.integers,
            rows: shifts.rows,
            nonzeros: shifts.nonzeros,
            shiftSeconds: round(shifts.seconds, 3),
            breakSeconds: round(breakSeconds, 3),
        },
        intervalMinutes: p.I,
        days: p.D,
        firstWeekday: p.firstWeekday,
        ...(p.startDate ? { startDate: p.startDate } : {}),
        skills: p.skills,
        agents,
        coverage,
        totals,
        warnings: p.warnings,
    };
}
/** Each type's tours go to its agents in order: their shifts (breaks come later), and who works what, grouped. */
function assignTours(p, types, result) {
    const agents = p.agents.map((a) => ({
        id: a.id,
        ...(a.name !== undefined ? { name: a.name } : {}),
        skills: a.skills,
        paidHours: 0,
        shifts: [],
    }));
    const groups = new Map();
    let shiftCostTotal = 0;
    const next = types.map(() => 0);
    for (const { col, type, tour } of result.tours) {
        const count = Math.round(result.values[col]);
        for (let i = 0; i < count; i++) {
            const ai = types[type].agents[next[type]++];
            if (ai === undefined)
                break; // never with a consistent solution
            tour.shifts.forEach((s, d) => {
                if (s < 0)
                    return;
                const key = `${types[type].cls}/${d}/${s}`;
                groups.set(key, [...(groups.get(key) ?? []), ai]);
                const sh = p.shifts[s];
                shiftCostTotal += shiftCost(p, types[type], s);
                agents[ai].paidHours += sh.paidMinutes / 60;
                agents[ai].shifts.push({
                    day: d,
                    start: sh.start,
                    end: sh.start + sh.length,
                    template: sh.template,
                    paidHours: sh.paidMinutes / 60,
                    breaks: [],
                });
            });
        }
    }
    for (const a of agents)
        a.paidHours = round(a.paidHours);
    return { agents, groups, shiftCostTotal };
}
/**
 * Requirement vs scheduled per skill and interval (skill-major: row k·T + t). Single-skill agents count toward
 * their skill; multi-skilled ones are split among their skills by a small LP minimising the staffing costs.
 */
async function coverageOf(p, onDuty, agents, shiftCostTotal) {
    const { T, P, I } = p;
    const scheduled = p.skills.map(() => new Float64Array(T));
    for (const [c, cls] of p.classes.entries())
        if (cls.skills.length === 1)
            for (let t = 0; t < T; t++)
                scheduled[cls.skills[0]][t] += onDuty[c][t];
    if (p.classes.some((cls) => cls.skills.length > 1)) {
        const b = new Builder();
        const terms = p.classes.map(() => Array.from({ length: T }, () => new Map()));
        const cov = addCoverage(b, p, terms, onDuty, Array.from({ length: T }, (_, t) => t));
        const highs = await highsRuntime();
        const model = highs.createModel(b.data());
        try {
            model.options.set({ output_flag: false });
            model.run();
            const values = model.getSolution().colValue;
            for (const [key, col] of cov.z) {
                const [, t, k] = key.split('/').map(Number);
                scheduled[k][t] += values[col];
            }
        }
        finally {
            model.dispose();
        }
    }
    const coverage = [];
    const totals = {
        shifts: agents.reduce((s, a) => s + a.shifts.length, 0),
        paidHours: round(agents.reduce((s, a) => s + a.paidHours, 0)),
        requiredHours: 0,
        understaffedHours: 0,
        overstaffedHours: 0,
        understaffedCost: 0,
        overstaffedCost: 0,
        shiftCost: round(shiftCostTotal),
        total: 0,
    };
    for (const [k, skill] of p.skills.entries()) {
        for (let t = 0; t < T; t++) {
            const sched = round(scheduled[k][t], 3);
            const required = p.req[k][t];
            const under = round(Math.max(0, required - sched), 3);
            const over = round(Math.max(0, sched - required), 3);
            coverage.push({ day: Math.floor(t / P), minute: (t % P) * I, skill, required, scheduled: sched, under, over });
            totals.requiredHours += (required * I) / 60;
            totals.understaffedHours += (under * I) / 60;
            totals.overstaffedHours += (over * I) / 60;
            totals.understaffedCost += under * p.underCost[k];
            totals.overstaffedCost += over * p.overCost[k];
        }
    }
    for (const key of [
        'requiredHours',
        'understaffedHours',
        'overstaffedHours',
        'understaffedCost',
        'overstaffedCost',
    ])
        totals[key] = round(totals[key]);
    totals.total = round(totals.understaffedCost + totals.overstaffedCost + totals.shiftCost);
    return { coverage, totals };
}
//# sourceMappingURL=build.js.map