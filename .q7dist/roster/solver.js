/**
 * Solving the tour model with HiGHS (compiled to WebAssembly, the `highs` package): column generation on the LP
 * relaxation (prices from the duals, tours from the dynamic program), then the integer program over the tours
 * found, from a rounded start, with the time limit and MIP gap asked for. The gap reported is measured against
 * a lower bound valid for all tours (the Lagrangian bound of column generation), not only those generated.
 * The WebAssembly runtime is loaded once per process (about 0.1 s); every model is disposed after use.
 */
import highsModule from 'highs';
import { buildMaster, shiftCost, tourColumn } from './model.js';
import { bestTours } from './tours.js';
const exported = highsModule;
const loadHighs = typeof exported === 'function' ? exported : exported.default;
let runtime;
/** The shared HiGHS runtime (loaded on first use). */
export function highsRuntime() {
    return (runtime ??= loadHighs());
}
/** Tours priced per type and round: several distinct cheap ones speed up convergence. */
const TOURS_PER_TYPE = 12;
/** Share of the time for column generation; the integer solve gets the rest. */
const COLUMN_SHARE = 0.55;
/** One master LP in HiGHS, with the tours added so far, and the pricing of new ones from its duals. */
class MasterLp {
    highs;
    p;
    types;
    master;
    model;
    tours = [];
    seen;
    numCols;
    solves = 0;
    constructor(highs, p, types, master, seed) {
        this.highs = highs;
        this.p = p;
        this.types = types;
        this.master = master;
        this.model = highs.createModel(master.data);
        this.model.options.set({ output_flag: false, random_seed: seed });
        this.seen = types.map(() => new Set());
        this.numCols = master.data.numCols;
    }
    add(list) {
        const cost = [];
        const starts = [0];
        const indices = [];
        const values = [];
        for (const { type, tour } of list) {
            const key = tour.shifts.join(',');
            if (this.seen[type].has(key))
                continue;
            this.seen[type].add(key);
            const column = tourColumn(this.p, this.master, this.types, type, tour);
            cost.push(column.cost);
            indices.push(...column.rows);
            values.push(...column.vals);
            starts.push(indices.length);
            this.tours.push({ col: this.numCols++, type, tour });
        }
        if (cost.length === 0)
            return 0;
        this.model.addCols({
            cost: Float64Array.from(cost),
            lower: new Float64Array(cost.length),
            upper: new Float64Array(cost.length).fill(Infinity),
            matrix: {
                format: 'csc',
                numRows: this.master.data.numRows,
                numCols: cost.length,
                starts: Int32Array.from(starts),
                indices: Int32Array.from(indices),
                values: Float64Array.from(values),
            },
        });
        return cost.length;
    }
    /**
     * Solves the LP and prices tours from its duals: the LP value, its solution, the tours with negative reduced
     * cost, and the Lagrangian bound (LP value + Σ_τ m_τ · most negative reduced cost), a lower bound on every
     * roster of this model whatever tours it has. Null when the LP did not solve.
     */
    solveAndPrice() {
        // Dual simplex for the first solve; then primal: added columns keep the basis primal feasible, so each
        // re-solve starts where the last one ended.
        this.model.options.set({ simplex_strategy: this.solves++ === 0 ? 1 : 4 });
        this.model.run();
        if (this.model.getModelStatus() !== this.highs.constants.modelStatus.optimal)
            return null;
        const sol = this.model.getSolution();
        const value = this.model.getObjectiveValue();
        const y = sol.rowDual;
        const found = [];
        let bound = value;
        this.types.forEach((t, ti) => {
            const priced = bestTours(this.p.shifts, this.p.I, t.rules, (d, s) => shiftCost(this.p, t, s) + y[this.master.linkRow.get(`${t.cls}/${d}/${s}`)], TOURS_PER_TYPE);
            const mu = y[this.master.convRow[ti]];
            if (priced.length)
                bound += t.agents.length * Math.min(0, priced[0].cost - mu);
            for (const x of priced)
                if (x.cost - mu < -1e-6)
                    found.push({ type: ti, tour: x.tour });
        });
        return { value, values: sol.colValue, reduced: sol.colDual, found, bound };
    }
}
export async function solveMaster(p, types, opts = {}) {
    const highs = await highsRuntime();
    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    const timeLimit = opts.timeLimitSeconds ?? 25;
    const gapTarget = opts.gap ?? 0.005;
    const report = opts.onProgress ?? (() => { });
    const master = buildMaster(p, types);
    const lp = new MasterLp(highs, p, types, master, opts.seed ?? 0);
    try {
        // Column generation from each type's cheapest weeks, until no tour prices out, the LP is within a quarter of
        // the gap of the bound, or COLUMN_SHARE of the time is spent.
        lp.add(types.flatMap((t, ti) => bestTours(p.shifts, p.I, t.rules, (_d, s) => shiftCost(p, t, s), TOURS_PER_TYPE).map((x) => ({
            type: ti,
            tour: x.tour,
        }))));
        let bound = -Infinity;
        let iterations = 0;
        let last = null;
        for (;;) {
            const r = lp.solveAndPrice();
            if (!r)
                break;
            last = r;
            iterations++;
            bound = Math.max(bound, r.bound);
            report({
                phase: 'columns',
                seconds: elapsed(),
                bound,
                message: `column generation round ${iterations}: ${lp.tours.length} tours, LP ${r.value.toFixed(2)}`,
            });
            const closeEnough = r.value - bound <= (gapTarget / 4) * Math.max(1, Math.abs(r.value));
            if (r.found.length === 0 || closeEnough || elapsed() > timeLimit * COLUMN_SHARE)
                break;
            if (lp.add(r.found) === 0)
                break;
        }
        if (!last)
            throw new Error(`HiGHS could not solve the roster LP (model status ${lp.model.getModelStatus()})`);
        // The integer program over the tours the LP uses (the others only slow the search down), from a rounded start.
        const model = lp.model;
        const tours = lp.tours;
        const integerCols = tours.map((t) => t.col); // added in column order, so increasing
        model.changeColsIntegrality({ kind: 'set', indices: integerCols }, Int32Array.from(integerCols, () => 1));
        const unused = tours.filter((t) => last.values[t.col] < 1e-6).map((t) => t.col);
        if (unused.length)
            model.changeColsBounds({ kind: 'set', indices: unused }, new Float64Array(unused.length), new Float64Array(unused.length));
        const start = roundedStart(types, master, tours, last.values);
        model.setSolution(start);
        model.zeroAllClocks();
        model.options.set({
            time_limit: Math.max(1, timeLimit - elapsed()),
            mip_rel_gap: gapTarget,
            simplex_strategy: 1,
            mip_heuristic_effort: 0.3,
        });
        const mipStarted = elapsed();
        let lastReport = 0;
        model.run({
            [highs.constants.callbackType.mipInterrupt](event) {
                const now = elapsed();
                if (now - lastReport < 0.2)
                    return;
                lastReport = now;
                const incumbent = event.data.mip_primal_bound;
                report({
                    phase: 'solve',
                    seconds: now,
                    incumbent: Number.isFinite(incumbent) ? incumbent : undefined,
                    bound,
                    gap: Number.isFinite(incumbent) && incumbent > 0 ? Math.max(0, (incumbent - bound) / incumbent) : undefined,
                    message: `integer solve ${(now - mipStarted).toFixed(1)} s`,
                });
            },
        });
        const feasible = Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible;
        let objective;
        let values;
        if (feasible) {
            objective = model.getObjectiveValue();
            values = model.getSolution().colValue;
        }
        else {
            // No incumbent within the time (HiGHS normally takes the start as one): keep the rounded start's tours;
            // its cost is unknown here (the roster's totals give the actual cost).
            values = new Float64Array(model.getDimensions().numCols);
            start.indices.forEach((col, i) => (values[col] = start.values[i]));
            objective = Infinity;
        }
        bound = Math.min(bound, objective);
        const gap = !Number.isFinite(objective) ? 1 : objective > 1e-9 ? Math.max(0, (objective - bound) / objective) : 0;
        const dims = model.getDimensions();
        return {
            status: gap <= gapTarget + 1e-9 ? 'optimal' : 'feasible',
            master,
            values,
            tours,
            objective,
            bound,
            gap,
            seconds: elapsed(),
            iterations,
            columns: dims.numCols,
            rows: dims.numRows,
            integers: integerCols.length - unused.length,
            nonzeros: dims.numNonzeros,
        };
    }
    finally {
        lp.model.dispose();
    }
}
/**
 * An integer start: each type's LP tour counts rounded down, the remainder to the largest fractions.
 * HiGHS completes the continuous rest (z, slack).
 */
function roundedStart(types, master, tours, lp) {
    const indices = [];
    const values = [];
    const nValue = new Map();
    types.forEach((t, ti) => {
        const own = tours.filter((x) => x.type === ti);
        const counts = own.map((x) => Math.floor((lp[x.col] ?? 0) + 1e-9));
        let left = t.agents.length - counts.reduce((s, c) => s + c, 0);
        const order = own
            .map((x, i) => i)
            .sort((a, b) => (lp[own[b].col] ?? 0) - counts[b] - ((lp[own[a].col] ?? 0) - counts[a]));
        for (let i = 0; left > 0 && order.length > 0; i = (i + 1) % order.length, left--)
            counts[order[i]]++;
        own.forEach((x, i) => {
            indices.push(x.col);
            values.push(counts[i]);
            x.tour.shifts.forEach((s, d) => {
                if (s < 0 || counts[i] === 0)
                    return;
                const key = `${t.cls}/${d}/${s}`;
                nValue.set(key, (nValue.get(key) ?? 0) + counts[i]);
            });
        });
    });
    for (const [key, nCol] of master.nCol) {
        indices.push(nCol);
        values.push(nValue.get(key) ?? 0);
    }
    return { indices: Int32Array.from(indices), values: Float64Array.from(values) };
}
//# sourceMappingURL=solver.js.map