/**
 * Stage 2: breaks. With every agent's shifts fixed, breaks go where they hurt coverage least.
 *
 * First a local search over all agents: each break, in turn, moves to the start in its window that lowers the
 * staffing cost most (under- and over-staffing at the planner's costs, multi-skilled agents counted toward the skill
 * that needs them most), until no move helps. Fast (tens of milliseconds for 200 agents) and usually close to the
 * best. Then, while time remains, one small integer program per day polishes it, started from the local search:
 *
 * Per (class, day, template, break) the variables are w[t], agents starting the break at time t. Shifts of one
 * template have break windows that are translates of each other, so the starts can be handed out exactly when, for
 * every t, the starts up to t cover the shifts whose window closes by t and the starts from t on cover the shifts
 * whose window opens at t or later (Bechtolds and Jacobs' forward and backward constraints), written as two chains
 * of running surpluses to stay sparse; the starts are then handed to the agents earliest deadline first.
 * Windows of consecutive breaks do not overlap (problem.ts splits them), so each break is placed independently and
 * every agent's breaks stay in order.
 */
import { addCoverage, Builder, HARD_PENALTY } from './model.js';
import { highsRuntime } from './solver.js';
export async function placeBreaks(p, groups, opts) {
    const { D, P, T, shifts } = p;
    const placement = new Map();
    for (const [key, members] of groups) {
        const [, d, s] = key.split('/').map(Number);
        for (const ai of members)
            placement.set(`${ai}/${d}`, shifts[s].breaks.map((slot) => slot.positions[0]));
    }
    localSearch(p, groups, placement);
    const deadline = performance.now() + opts.seconds * 1000;
    // On duty per class and interval, all breaks placed except day d's that have a choice (the program's w).
    const fixedFor = (d) => {
        const fixed = p.classes.map(() => new Float64Array(T));
        for (const [key, members] of groups) {
            const [c, day, s] = key.split('/').map(Number);
            const sh = shifts[s];
            const t0 = day * P + sh.st;
            for (const ai of members) {
                const duty = new Float64Array(sh.len).fill(1);
                placement.get(`${ai}/${day}`).forEach((pos, i) => {
                    if (day !== d || sh.breaks[i].positions.length === 1)
                        duty.fill(0, pos, pos + sh.breaks[i].len);
                });
                for (let j = 0; j < sh.len && t0 + j < T; j++)
                    fixed[c][t0 + j] += duty[j];
            }
        }
        return fixed;
    };
    const highs = await highsRuntime();
    let worstGap = 0;
    for (let d = 0; d < D; d++) {
        const today = [...groups.keys()].filter((key) => Number(key.split('/')[1]) === d);
        if (today.length === 0)
            continue;
        const secondsLeft = (deadline - performance.now()) / 1000;
        if (secondsLeft < 0.25) {
            worstGap = null; // not polished: the local search's placement stands, with no bound to measure it against
            continue;
        }
        opts.onDay?.(d);
        const fixed = fixedFor(d);
        const b = new Builder();
        const terms = p.classes.map(() => Array.from({ length: T }, () => new Map()));
        const touched = new Set();
        const breakGroups = [];
        const byTemplate = new Map();
        for (const key of today) {
            const [c, , s] = key.split('/').map(Number);
            const k = `${c}/${shifts[s].template}`;
            byTemplate.set(k, [...(byTemplate.get(k) ?? []), s]);
        }
        for (const [k, list] of byTemplate) {
            const c = Number(k.split('/')[0]);
            const count = (s) => groups.get(`${c}/${d}/${s}`).length;
            shifts[list[0]].breaks.forEach((slot, i) => {
                if (slot.positions.length === 1)
                    return;
                const first = slot.positions[0];
                const last = slot.positions[slot.positions.length - 1];
                const opens = list.map((s) => shifts[s].st + first);
                const closes = list.map((s) => shifts[s].st + last);
                const t0 = Math.min(...opens);
                const times = Array.from({ length: Math.max(...closes) - t0 + 1 }, (_, j) => t0 + j);
                const total = list.reduce((sum, s) => sum + count(s), 0);
                const cols = times.map(() => b.col(0, 0, total));
                times.forEach((t, j) => {
                    for (let q = 0; q < slot.len; q++) {
                        const abs = d * P + t + q;
                        if (abs >= T)
                            continue;
                        terms[c][abs].set(cols[j], -1);
                        touched.add(abs);
                    }
                });
                b.row(total, total, cols, 1);
                // F_j = Σ_{τ≤j} w − Σ_{windows closing by t_j} n ≥ 0;
                // G_j = Σ_{τ≥j} w − Σ_{windows opening at t_j or later} n ≥ 0.
                let prev = -1;
                for (let j = 0; j < times.length - 1; j++) {
                    const due = list.reduce((sum, s, q) => sum + (closes[q] === times[j] ? count(s) : 0), 0);
                    const f = b.col(0, 0, Infinity);
                    b.row(-due, -due, prev >= 0 ? [f, prev, cols[j]] : [f, cols[j]], prev >= 0 ? [1, -1, -1] : [1, -1]);
                    prev = f;
                }
                prev = -1;
                for (let j = times.length - 1; j > 0; j--) {
                    const due = list.reduce((sum, s, q) => sum + (opens[q] === times[j] ? count(s) : 0), 0);
                    const g = b.col(0, 0, Infinity);
                    b.row(-due, -due, prev >= 0 ? [g, prev, cols[j]] : [g, cols[j]], prev >= 0 ? [1, -1, -1] : [1, -1]);
                    prev = g;
                }
                breakGroups.push({ c, d, slot: i, shifts: list, times, cols });
            });
        }
        if (breakGroups.length) {
            addCoverage(b, p, terms, fixed, [...touched].sort((x, y) => x - y));
            const data = b.data();
            const integrality = new Int32Array(data.numCols);
            const start = { indices: [], values: [] };
            for (const g of breakGroups) {
                const startsAt = new Map();
                for (const s of g.shifts)
                    for (const ai of groups.get(`${g.c}/${d}/${s}`)) {
                        const t = shifts[s].st + placement.get(`${ai}/${d}`)[g.slot];
                        startsAt.set(t, (startsAt.get(t) ?? 0) + 1);
                    }
                g.cols.forEach((col, j) => {
                    integrality[col] = 1;
                    start.indices.push(col);
                    start.values.push(startsAt.get(g.times[j]) ?? 0);
                });
            }
            const model = highs.createModel({ ...data, integrality });
            try {
                model.options.set({
                    output_flag: false,
                    time_limit: Math.max(0.2, secondsLeft / (D - d)),
                    mip_rel_gap: opts.gap,
                });
                model.setSolution({ indices: Int32Array.from(start.indices), values: Float64Array.from(start.values) });
                model.run();
                if (Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible) {
                    const values = model.getSolution().colValue;
                    const gap = Number(model.info.get('mip_gap'));
                    if (worstGap !== null)
                        worstGap = Number.isFinite(gap) ? Math.max(worstGap, gap) : null;
                    for (const g of breakGroups)
                        handOut(p, groups, placement, g, values);
                }
            }
            finally {
                model.dispose();
            }
        }
    }
    return { placement, gap: worstGap };
}
/** Hands a group's chosen start times to its agents: earliest deadline first, each inside its own window. */
function handOut(p, groups, placement, g, values) {
    const units = g.shifts
        .flatMap((s) => {
        const { st, breaks } = p.shifts[s];
        const pos = breaks[g.slot].positions;
        return groups
            .get(`${g.c}/${g.d}/${s}`)
            .map((ai) => ({ ai, st, open: st + pos[0], close: st + pos[pos.length - 1] }));
    })
        .sort((a, b) => a.open - b.open || a.close - b.close);
    const supply = g.times.flatMap((t, k) => Array(Math.max(0, Math.round(values[g.cols[k]]))).fill(t));
    const pending = [];
    let next = 0;
    for (const t of supply) {
        while (next < units.length && units[next].open <= t)
            pending.push(units[next++]);
        let best = -1;
        for (let j = 0; j < pending.length; j++)
            if (pending[j].close >= t && (best < 0 || pending[j].close < pending[best].close))
                best = j;
        if (best < 0)
            continue; // never with a consistent solution: the agent keeps its earliest start
        const u = pending.splice(best, 1)[0];
        placement.get(`${u.ai}/${g.d}`)[g.slot] = t - u.st;
    }
}
/**
 * Moves breaks, one at a time, to the start in their window that lowers the staffing cost most, until no move
 * helps (or 50 passes). Multi-skilled agents count toward whichever of their skills needs them most.
 */
function localSearch(p, groups, placement) {
    const { T, P, shifts } = p;
    const under = p.skills.map((_, k) => (p.hard ? HARD_PENALTY : p.underCost[k]));
    const duty = p.classes.map(() => new Int32Array(T));
    const units = [];
    for (const [key, members] of groups) {
        const [c, d, s] = key.split('/').map(Number);
        const sh = shifts[s];
        const t0 = d * P + sh.st;
        for (const ai of members) {
            for (let j = 0; j < sh.len && t0 + j < T; j++)
                duty[c][t0 + j]++;
            const at = placement.get(`${ai}/${d}`);
            sh.breaks.forEach((slot, i) => {
                for (let q = 0; q < slot.len && t0 + at[i] + q < T; q++)
                    duty[c][t0 + at[i] + q]--;
                if (slot.positions.length > 1)
                    units.push({ key: `${ai}/${d}`, c, t0, slot: i, len: slot.len, positions: slot.positions });
            });
        }
    }
    const single = p.classes.map((cls) => (cls.skills.length === 1 ? cls.skills[0] : -1));
    const sched = new Float64Array(p.skills.length);
    const costAt = (t) => {
        sched.fill(0);
        for (let c = 0; c < single.length; c++)
            if (single[c] >= 0)
                sched[single[c]] += duty[c][t];
        for (let c = 0; c < single.length; c++) {
            if (single[c] >= 0)
                continue;
            const skills = p.classes[c].skills;
            for (let u = 0; u < duty[c][t]; u++) {
                let best = skills[0];
                let bestGain = -Infinity;
                for (const k of skills) {
                    const gain = sched[k] < p.req[k][t] - 1e-9 ? under[k] : -p.overCost[k];
                    if (gain > bestGain)
                        [best, bestGain] = [k, gain];
                }
                sched[best]++;
            }
        }
        let cost = 0;
        for (let k = 0; k < sched.length; k++) {
            const gap = p.req[k][t] - sched[k];
            cost += gap > 0 ? gap * under[k] : -gap * p.overCost[k];
        }
        return cost;
    };
    // Cost change of moving one break from offset a to offset b (applied, then undone unless `keep`).
    const move = (u, a, b, keep) => {
        const touched = new Set();
        for (let q = 0; q < u.len; q++) {
            if (u.t0 + a + q < T)
                touched.add(u.t0 + a + q);
            if (u.t0 + b + q < T)
                touched.add(u.t0 + b + q);
        }
        let before = 0;
        for (const t of touched)
            before += costAt(t);
        const shift = (from, sign) => {
            for (let q = 0; q < u.len && u.t0 + from + q < T; q++)
                duty[u.c][u.t0 + from + q] += sign;
        };
        shift(a, 1);
        shift(b, -1);
        let after = 0;
        for (const t of touched)
            after += costAt(t);
        if (!keep) {
            shift(b, 1);
            shift(a, -1);
        }
        return after - before;
    };
    for (let pass = 0; pass < 50; pass++) {
        let improved = false;
        for (const u of units) {
            const at = placement.get(u.key);
            let best = at[u.slot];
            let bestDelta = -1e-9;
            for (const b of u.positions) {
                if (b === at[u.slot])
                    continue;
                const delta = move(u, at[u.slot], b, false);
                if (delta < bestDelta)
                    [best, bestDelta] = [b, delta];
            }
            if (best !== at[u.slot]) {
                move(u, at[u.slot], best, true);
                at[u.slot] = best;
                improved = true;
            }
        }
        if (!improved)
            break;
    }
}
//# sourceMappingURL=breaks.js.map