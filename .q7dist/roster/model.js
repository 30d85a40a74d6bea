const INF = Infinity;
/** Cost per agent-interval of a shortfall when coverage is hard: large enough to rule it out whenever possible. */
export const HARD_PENALTY = 1e4;
/** Agents grouped into interchangeable types. */
export function agentTypes(p) {
    const byKey = new Map();
    for (const a of p.agents) {
        const rules = {
            allowed: a.allowed,
            minMinutes: a.minMinutes,
            maxMinutes: a.maxMinutes,
            daysOff: a.daysOff,
            consecutive: a.consecutive,
            restMinutes: p.restMinutes,
        };
        const key = JSON.stringify([
            a.cls,
            a.costPerHour,
            rules.allowed,
            a.minMinutes,
            a.maxMinutes,
            a.daysOff,
            a.consecutive,
        ]);
        const t = byKey.get(key);
        if (t)
            t.agents.push(a.index);
        else
            byKey.set(key, { cls: a.cls, agents: [a.index], rules, costPerHour: a.costPerHour });
    }
    return [...byKey.values()];
}
/** Cost of a shift for an agent type (template, per-shift and per-hour costs). */
export function shiftCost(p, type, s) {
    const sh = p.shifts[s];
    return sh.cost + (type.costPerHour * sh.paidMinutes) / 60;
}
export class Builder {
    cost = [];
    lower = [];
    upper = [];
    rowLower = [];
    rowUpper = [];
    starts = [0];
    indices = [];
    values = [];
    col(cost, lo, hi) {
        this.cost.push(cost);
        this.lower.push(lo);
        this.upper.push(hi);
        return this.cost.length - 1;
    }
    row(lo, hi, cols, vals) {
        for (let i = 0; i < cols.length; i++) {
            this.indices.push(cols[i]);
            this.values.push(typeof vals === 'number' ? vals : vals[i]);
        }
        this.rowLower.push(lo);
        this.rowUpper.push(hi);
        this.starts.push(this.indices.length);
        return this.rowLower.length - 1;
    }
    data() {
        const numRows = this.rowLower.length;
        const numCols = this.cost.length;
        return {
            numCols,
            numRows,
            colCost: Float64Array.from(this.cost),
            colLower: Float64Array.from(this.lower),
            colUpper: Float64Array.from(this.upper),
            rowLower: Float64Array.from(this.rowLower),
            rowUpper: Float64Array.from(this.rowUpper),
            matrix: {
                format: 'csr',
                numRows,
                numCols,
                starts: Int32Array.from(this.starts),
                indices: Int32Array.from(this.indices),
                values: Float64Array.from(this.values),
            },
        };
    }
}
/** The model without tours (column generation adds them). */
export function buildMaster(p, types) {
    const { D, P, T, shifts } = p;
    const b = new Builder();
    const master = {
        data: undefined,
        convRow: types.map((t) => b.row(t.agents.length, t.agents.length, [], [])),
        linkRow: new Map(),
        nCol: new Map(),
    };
    // Per (class, day, shift) that some type of the class may work: n and its link row. Its agents count as on duty
    // over the shift less its breaks, each spread evenly over its window (stage 2 places them).
    const onDuty = p.classes.map(() => Array.from({ length: T }, () => new Map()));
    for (const [c, cls] of p.classes.entries()) {
        const classTypes = types.filter((t) => t.cls === c);
        for (let d = 0; d < D; d++) {
            const used = [...new Set(classTypes.flatMap((t) => t.rules.allowed[d]))].sort((x, y) => x - y);
            for (const s of used) {
                const key = `${c}/${d}/${s}`;
                const n = b.col(0, 0, cls.agents.length);
                master.nCol.set(key, n);
                master.linkRow.set(key, b.row(0, 0, [n], [1]));
                const profile = dutyProfile(shifts[s]);
                const t0 = d * P + shifts[s].st;
                profile.forEach((v, j) => {
                    if (t0 + j < T && v > 1e-12)
                        onDuty[c][t0 + j].set(n, v);
                });
            }
        }
    }
    // Multi-skilled agents: the Hall conditions are far quicker to solve than the split z (see addHallCoverage); sets of
    // skills are bit masks, hence the bound on their number.
    const hall = p.classes.some((c) => c.skills.length > 1) && new Set(p.overCost).size === 1 && p.skills.length <= 30;
    const coverage = hall ? addHallCoverage : addCoverage;
    coverage(b, p, onDuty, p.classes.map(() => new Float64Array(T)), Array.from({ length: T }, (_, t) => t));
    master.data = b.data();
    return master;
}
/**
 * Hall's conditions are written for every set of skills when there are at most this many (then they are exact), else
 * for each skill alone and all together. Sets of two as well made each LP solve about five times slower (5 queues).
 */
const HALL_EXACT_UP_TO = 3;
/** The sets of skills whose Hall rows are written, as bit masks. */
function hallSets(K) {
    const all = (1 << K) - 1;
    if (K <= HALL_EXACT_UP_TO)
        return Array.from({ length: all }, (_, i) => i + 1);
    return [...Array.from({ length: K }, (_, k) => 1 << k), all];
}
/**
 * Coverage rows for multi-skilled agents without the split z: by Hall's theorem, on-duty agents can cover
 * `req − u` (per skill) exactly when, for every set S of skills, the agents having a skill in S number at least
 * Σ_{k∈S} (req_k − u_k). Written for every S when there are at most 3 skills (then it is exact, like addCoverage), else
 * for each skill alone and for all skills together: a relaxation, whose rosters are then costed exactly (build.ts
 * counts coverage with the split). The surplus is one slack per interval (over-staffing costs the same on every skill,
 * or addCoverage is used). The split's z columns (class × interval × skill) made every LP solve of column generation
 * tens of times slower: 1–3 s a round for 60 agents with 18 skill sets over 5 queues, against 0.04 s for one queue.
 */
export function addHallCoverage(b, p, terms, constant, ts) {
    const K = p.skills.length;
    const all = (1 << K) - 1;
    const sets = hallSets(K);
    const masks = p.classes.map((cls) => cls.skills.reduce((m, k) => m | (1 << k), 0));
    for (const t of ts) {
        const present = p.classes.map((_, c) => terms[c][t].size > 0 || constant[c][t] !== 0);
        if (!present.some(Boolean))
            continue; // nothing to decide here
        const under = p.skills.map((_, k) => (p.req[k][t] > 0 ? b.col(p.hard ? HARD_PENALTY : p.underCost[k], 0, INF) : -1));
        const over = b.col(p.overCost[0], 0, INF);
        for (const S of sets) {
            const skills = p.skills.map((_, k) => k).filter((k) => S & (1 << k));
            let rhs = skills.reduce((sum, k) => sum + p.req[k][t], 0);
            if (rhs <= 0 && S !== all)
                continue; // holds whatever the agents do
            const cols = [];
            const vals = [];
            p.classes.forEach((_, c) => {
                if (!present[c] || !(masks[c] & S))
                    return;
                for (const [col, v] of terms[c][t]) {
                    cols.push(col);
                    vals.push(v);
                }
                rhs -= constant[c][t];
            });
            for (const k of skills)
                if (under[k] >= 0) {
                    cols.push(under[k]);
                    vals.push(1);
                }
            if (S === all) {
                cols.push(over);
                vals.push(-1);
                b.row(rhs, rhs, cols, vals);
            }
            else
                b.row(rhs, INF, cols, vals);
        }
    }
}
/** Share of each interval of a shift an agent is on duty, breaks spread evenly over their windows. */
export function dutyProfile(sh) {
    const duty = new Float64Array(sh.len).fill(1);
    for (const slot of sh.breaks)
        for (const pos of slot.positions)
            for (let j = 0; j < slot.len; j++)
                duty[pos + j] -= 1 / slot.positions.length;
    return duty;
}
/**
 * Coverage rows for the intervals `ts`: on duty per class and interval is Σ terms (column → coefficient) plus a
 * constant; single-skill classes count toward their skill, multi-skilled ones through z; u and v are the slack.
 */
export function addCoverage(b, p, terms, constant, ts) {
    const { T } = p;
    const out = { z: new Map(), under: [], over: [] };
    const K = p.skills.length;
    const covCols = p.skills.map(() => Array.from({ length: T }, () => []));
    const covVals = p.skills.map(() => Array.from({ length: T }, () => []));
    const covConst = p.skills.map(() => new Float64Array(T));
    for (const [c, cls] of p.classes.entries()) {
        for (const t of ts) {
            const m = terms[c][t];
            const k0 = constant[c][t];
            if (m.size === 0 && k0 === 0)
                continue;
            if (cls.skills.length === 1) {
                const k = cls.skills[0];
                for (const [col, v] of m) {
                    covCols[k][t].push(col);
                    covVals[k][t].push(v);
                }
                covConst[k][t] += k0;
                continue;
            }
            const zs = cls.skills.map((k) => {
                const z = b.col(0, 0, INF);
                out.z.set(`${c}/${t}/${k}`, z);
                covCols[k][t].push(z);
                covVals[k][t].push(1);
                return z;
            });
            b.row(-k0, -k0, [...m.keys(), ...zs], [...m.values(), ...zs.map(() => -1)]);
        }
    }
    for (let k = 0; k < K; k++) {
        const under = new Int32Array(T).fill(-1);
        const over = new Int32Array(T).fill(-1);
        for (const t of ts) {
            const r = p.req[k][t] - covConst[k][t];
            const cols = covCols[k][t];
            const vals = covVals[k][t];
            if (cols.length === 0)
                continue; // nothing to decide here
            if (p.req[k][t] > 0) {
                under[t] = b.col(p.hard ? HARD_PENALTY : p.underCost[k], 0, INF);
                cols.push(under[t]);
                vals.push(1);
            }
            over[t] = b.col(p.overCost[k], 0, INF);
            cols.push(over[t]);
            vals.push(-1);
            b.row(r, r, cols, vals);
        }
        out.under.push(under);
        out.over.push(over);
    }
    return out;
}
/** The column of one tour: its cost, and its entries in the convexity and link rows. */
export function tourColumn(p, master, types, ti, tour) {
    const type = types[ti];
    const rows = [master.convRow[ti]];
    const vals = [1];
    let cost = 0;
    tour.shifts.forEach((s, d) => {
        if (s < 0)
            return;
        cost += shiftCost(p, type, s);
        rows.push(master.linkRow.get(`${type.cls}/${d}/${s}`));
        vals.push(-1);
    });
    return { cost, rows, vals };
}
//# sourceMappingURL=model.js.map