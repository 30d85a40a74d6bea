/**
 * Stage 1 of the roster, choosing every agent's shifts, as an integer program over weekly tours, in the sparse
 * arrays HiGHS takes. (Stage 2, breaks.ts, then places the breaks.)
 *
 * Agents with the same skills, allowed shifts per day (templates and availability), hours, days off and cost are
 * one agent type τ with m_τ members; they are interchangeable, so the program counts tours per type instead of
 * choosing one per agent (which would give the solver m_τ! equivalent solutions to wade through).
 *
 *   λ[τ,j]         integer: agents of type τ working tour j (a week: a shift or a day off per day, valid for τ)
 *   n[c,d,s]       agents of skill class c on shift s on day d (continuous; integral through the link rows)
 *   z[c,t,k]       continuous: agents of a multi-skilled class counted toward skill k in interval t
 *   u[k,t], v[k,t] continuous: under- and over-staffing of skill k in interval t
 *
 * minimise Σ tour cost·λ + Σ costU_k·u + Σ costV_k·v, subject to
 *   convexity   Σ_j λ[τ,j] = m_τ                                        (every agent gets a tour, maybe all off)
 *   link        n[c,d,s] − Σ_{τ∈c} Σ_j [tour j works s on d]·λ[τ,j] = 0
 *   on duty     D[c,t] = Σ_{(d,s)} duty(s, t)·n[c,d,s]      duty: 1 on shift, less each break spread over its window
 *   coverage    Σ_{single-skill c} D[c,t] + Σ_c z[c,t,k] + u − v = req[k,t];   Σ_k z[c,t,k] = D[c,t]
 *
 * With multi-skilled agents and the same over-staffing cost on every skill, the coverage rows are Hall's conditions
 * instead of the split z (addHallCoverage): exact for up to 3 skills, a relaxation beyond, and much quicker to solve.
 *
 * The tours are not enumerated (a type has millions): column generation prices them from the LP duals with an
 * exact dynamic program over the days (tours.ts), which is where every per-agent rule lives (one shift a day, days
 * off, consecutive days off, weekly hours, rest). The aggregate n keeps the coverage rows small.
 */
import type { Problem, ShiftType } from './problem.js'
import type { Tour, TourRules } from './tours.js'

export interface AgentType {
  cls: number
  agents: number[]
  rules: TourRules
  costPerHour: number
}

export interface ModelData {
  numCols: number
  numRows: number
  colCost: Float64Array
  colLower: Float64Array
  colUpper: Float64Array
  rowLower: Float64Array
  rowUpper: Float64Array
  matrix: {
    format: 'csr'
    numRows: number
    numCols: number
    starts: Int32Array
    indices: Int32Array
    values: Float64Array
  }
}

export interface Master {
  /** The model without tour columns (they are added by column generation). */
  data: ModelData
  /** Convexity row per type. */
  convRow: number[]
  /** Link row per `c/d/s`. */
  linkRow: Map<string, number>
  /** n column per `c/d/s`. */
  nCol: Map<string, number>
}

const INF = Infinity
/** Cost per agent-interval of a shortfall when coverage is hard: large enough to rule it out whenever possible. */
export const HARD_PENALTY = 1e4

/** Agents grouped into interchangeable types. */
export function agentTypes(p: Problem): AgentType[] {
  const byKey = new Map<string, AgentType>()
  for (const a of p.agents) {
    const rules: TourRules = {
      allowed: a.allowed,
      minMinutes: a.minMinutes,
      maxMinutes: a.maxMinutes,
      daysOff: a.daysOff,
      consecutive: a.consecutive,
      restMinutes: p.restMinutes,
    }
    const key = JSON.stringify([
      a.cls,
      a.costPerHour,
      rules.allowed,
      a.minMinutes,
      a.maxMinutes,
      a.daysOff,
      a.consecutive,
    ])
    const t = byKey.get(key)
    if (t) t.agents.push(a.index)
    else byKey.set(key, { cls: a.cls, agents: [a.index], rules, costPerHour: a.costPerHour })
  }
  return [...byKey.values()]
}

/** Cost of a shift for an agent type (template, per-shift and per-hour costs). */
export function shiftCost(p: Problem, type: AgentType, s: number): number {
  const sh = p.shifts[s]
  return sh.cost + (type.costPerHour * sh.paidMinutes) / 60
}

export class Builder {
  cost: number[] = []
  lower: number[] = []
  upper: number[] = []
  rowLower: number[] = []
  rowUpper: number[] = []
  starts: number[] = [0]
  indices: number[] = []
  values: number[] = []

  col(cost: number, lo: number, hi: number): number {
    this.cost.push(cost)
    this.lower.push(lo)
    this.upper.push(hi)
    return this.cost.length - 1
  }

  row(lo: number, hi: number, cols: number[], vals: number[] | number): number {
    for (let i = 0; i < cols.length; i++) {
      this.indices.push(cols[i])
      this.values.push(typeof vals === 'number' ? vals : vals[i])
    }
    this.rowLower.push(lo)
    this.rowUpper.push(hi)
    this.starts.push(this.indices.length)
    return this.rowLower.length - 1
  }

  data(): ModelData {
    const numRows = this.rowLower.length
    const numCols = this.cost.length
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
    }
  }
}

/** The model without tours (column generation adds them). */
export function buildMaster(p: Problem, types: AgentType[]): Master {
  const { D, P, T, shifts } = p
  const b = new Builder()
  const master: Master = {
    data: undefined as unknown as ModelData,
    convRow: types.map((t) => b.row(t.agents.length, t.agents.length, [], [])),
    linkRow: new Map(),
    nCol: new Map(),
  }

  // Per (class, day, shift) that some type of the class may work: n and its link row. Its agents count as on duty
  // over the shift less its breaks, each spread evenly over its window (stage 2 places them).
  const onDuty: Map<number, number>[][] = p.classes.map(() => Array.from({ length: T }, () => new Map()))
  for (const [c, cls] of p.classes.entries()) {
    const classTypes = types.filter((t) => t.cls === c)
    for (let d = 0; d < D; d++) {
      const used = [...new Set(classTypes.flatMap((t) => t.rules.allowed[d]))].sort((x, y) => x - y)
      for (const s of used) {
        const key = `${c}/${d}/${s}`
        const n = b.col(0, 0, cls.agents.length)
        master.nCol.set(key, n)
        master.linkRow.set(key, b.row(0, 0, [n], [1]))
        const profile = dutyProfile(shifts[s])
        const t0 = d * P + shifts[s].st
        profile.forEach((v, j) => {
          if (t0 + j < T && v > 1e-12) onDuty[c][t0 + j].set(n, v)
        })
      }
    }
  }
  // Multi-skilled agents: the Hall conditions are far quicker to solve than the split z (see addHallCoverage); sets of
  // skills are bit masks, hence the bound on their number.
  const hall = p.classes.some((c) => c.skills.length > 1) && new Set(p.overCost).size === 1 && p.skills.length <= 30
  const coverage = hall ? addHallCoverage : addCoverage
  coverage(
    b,
    p,
    onDuty,
    p.classes.map(() => new Float64Array(T)),
    Array.from({ length: T }, (_, t) => t),
  )
  master.data = b.data()
  return master
}

/**
 * Hall's conditions are written for every set of skills when there are at most this many (then they are exact), else
 * for each skill alone and all together. Sets of two as well made each LP solve about five times slower (5 queues).
 */
const HALL_EXACT_UP_TO = 3

/** The sets of skills whose Hall rows are written, as bit masks. */
function hallSets(K: number): number[] {
  const all = (1 << K) - 1
  if (K <= HALL_EXACT_UP_TO) return Array.from({ length: all }, (_, i) => i + 1)
  return [...Array.from({ length: K }, (_, k) => 1 << k), all]
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
export function addHallCoverage(
  b: Builder,
  p: Problem,
  terms: Map<number, number>[][],
  constant: Float64Array[],
  ts: number[],
): void {
  const K = p.skills.length
  const all = (1 << K) - 1
  const sets = hallSets(K)
  const masks = p.classes.map((cls) => cls.skills.reduce((m, k) => m | (1 << k), 0))
  for (const t of ts) {
    const present = p.classes.map((_, c) => terms[c][t].size > 0 || constant[c][t] !== 0)
    if (!present.some(Boolean)) continue // nothing to decide here
    const under = p.skills.map((_, k) => (p.req[k][t] > 0 ? b.col(p.hard ? HARD_PENALTY : p.underCost[k], 0, INF) : -1))
    const over = b.col(p.overCost[0], 0, INF)
    for (const S of sets) {
      const skills = p.skills.map((_, k) => k).filter((k) => S & (1 << k))
      let rhs = skills.reduce((sum, k) => sum + p.req[k][t], 0)
      if (rhs <= 0 && S !== all) continue // holds whatever the agents do
      const cols: number[] = []
      const vals: number[] = []
      p.classes.forEach((_, c) => {
        if (!present[c] || !(masks[c] & S)) return
        for (const [col, v] of terms[c][t]) {
          cols.push(col)
          vals.push(v)
        }
        rhs -= constant[c][t]
      })
      for (const k of skills)
        if (under[k] >= 0) {
          cols.push(under[k])
          vals.push(1)
        }
      if (S === all) {
        cols.push(over)
        vals.push(-1)
        b.row(rhs, rhs, cols, vals)
      } else b.row(rhs, INF, cols, vals)
    }
  }
}

/** Share of each interval of a shift an agent is on duty, breaks spread evenly over their windows. */
export function dutyProfile(sh: ShiftType): Float64Array {
  const duty = new Float64Array(sh.len).fill(1)
  for (const slot of sh.breaks)
    for (const pos of slot.positions) for (let j = 0; j < slot.len; j++) duty[pos + j] -= 1 / slot.positions.length
  return duty
}

/**
 * Coverage rows for the intervals `ts`: on duty per class and interval is Σ terms (column → coefficient) plus a
 * constant; single-skill classes count toward their skill, multi-skilled ones through z; u and v are the slack.
 */
export function addCoverage(
  b: Builder,
  p: Problem,
  terms: Map<number, number>[][],
  constant: Float64Array[],
  ts: number[],
): { z: Map<string, number>; under: Int32Array[]; over: Int32Array[] } {
  const { T } = p
  const out = { z: new Map<string, number>(), under: [] as Int32Array[], over: [] as Int32Array[] }
  const K = p.skills.length
  const covCols: number[][][] = p.skills.map(() => Array.from({ length: T }, () => []))
  const covVals: number[][][] = p.skills.map(() => Array.from({ length: T }, () => []))
  const covConst: Float64Array[] = p.skills.map(() => new Float64Array(T))
  for (const [c, cls] of p.classes.entries()) {
    for (const t of ts) {
      const m = terms[c][t]
      const k0 = constant[c][t]
      if (m.size === 0 && k0 === 0) continue
      if (cls.skills.length === 1) {
        const k = cls.skills[0]
        for (const [col, v] of m) {
          covCols[k][t].push(col)
          covVals[k][t].push(v)
        }
        covConst[k][t] += k0
        continue
      }
      const zs = cls.skills.map((k) => {
        const z = b.col(0, 0, INF)
        out.z.set(`${c}/${t}/${k}`, z)
        covCols[k][t].push(z)
        covVals[k][t].push(1)
        return z
      })
      b.row(-k0, -k0, [...m.keys(), ...zs], [...m.values(), ...zs.map(() => -1)])
    }
  }
  for (let k = 0; k < K; k++) {
    const under = new Int32Array(T).fill(-1)
    const over = new Int32Array(T).fill(-1)
    for (const t of ts) {
      const r = p.req[k][t] - covConst[k][t]
      const cols = covCols[k][t]
      const vals = covVals[k][t]
      if (cols.length === 0) continue // nothing to decide here
      if (p.req[k][t] > 0) {
        under[t] = b.col(p.hard ? HARD_PENALTY : p.underCost[k], 0, INF)
        cols.push(under[t])
        vals.push(1)
      }
      over[t] = b.col(p.overCost[k], 0, INF)
      cols.push(over[t])
      vals.push(-1)
      b.row(r, r, cols, vals)
    }
    out.under.push(under)
    out.over.push(over)
  }
  return out
}

/** The column of one tour: its cost, and its entries in the convexity and link rows. */
export function tourColumn(
  p: Problem,
  master: Master,
  types: AgentType[],
  ti: number,
  tour: Tour,
): { cost: number; rows: number[]; vals: number[] } {
  const type = types[ti]
  const rows = [master.convRow[ti]]
  const vals = [1]
  let cost = 0
  tour.shifts.forEach((s, d) => {
    if (s < 0) return
    cost += shiftCost(p, type, s)
    rows.push(master.linkRow.get(`${type.cls}/${d}/${s}`)!)
    vals.push(-1)
  })
  return { cost, rows, vals }
}
