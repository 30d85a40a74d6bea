import { describe, it, expect } from 'vitest'
import { erlangAMeasures, erlangB, erlangC, erlangCMeasures } from './erlang.js'
import { Random } from '../sim/index.js'

/** Independent reference: Erlang B from log-space Poisson terms (log-sum-exp), no recursion. */
function erlangBLogSpace(n: number, a: number): number {
  const logTerms: number[] = []
  let logFact = 0
  for (let k = 0; k <= n; k++) {
    if (k > 0) logFact += Math.log(k)
    logTerms.push(k * Math.log(a) - logFact)
  }
  const max = Math.max(...logTerms)
  const sum = logTerms.reduce((s, x) => s + Math.exp(x - max), 0)
  return Math.exp(logTerms[n] - max) / sum
}

describe('Erlang C', () => {
  // The classic worked example (callcentrehelper.com, "Erlang C Formula – Made Simple With an
  // Easy Worked Example"): 100 calls in 30 min, AHT 180 s → 10 Erlangs; with 11 agents
  // P(wait) = 68.21%; 14 agents reach 80/20 with SL 88.84%, ASA 7.8 s, occupancy 71.4%.
  const load = { lambda: 100 / 1800, aht: 180 }
  it('reproduces the classic 100 calls / 30 min / 180 s example', () => {
    expect(erlangC(11, 10)).toBeCloseTo(0.6821, 4)
    const m14 = erlangCMeasures(14, load, 20)
    expect(m14.probWait).toBeCloseTo(0.1741, 4)
    expect(m14.serviceLevel).toBeCloseTo(0.8884, 4)
    expect(m14.asa).toBeCloseTo(7.84, 2)
    expect(m14.occupancy).toBeCloseTo(0.7143, 4)
    expect(erlangCMeasures(13, load, 20).serviceLevel).toBeLessThan(0.8)
  })

  it('matches Erlang C table values', () => {
    // Standard Erlang C tables: A = 2, n = 3 → 0.4444 (= 4/9 exactly); A = 5, n = 6 → 0.5875; A = 20, n = 25 → 0.2092
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12)
    expect(erlangC(6, 5)).toBeCloseTo(0.5875, 4)
    expect(erlangC(25, 20)).toBeCloseTo(0.2092, 3)
  })

  it('stays exact and finite for thousands of agents', () => {
    for (const [n, a] of [
      [1000, 950],
      [2500, 2400],
      [5000, 4900],
      [10_000, 9800],
    ]) {
      expect(erlangB(n, a)).toBeCloseTo(erlangBLogSpace(n, a), 12)
      const c = erlangCMeasures(n, { lambda: a / 300, aht: 300 }, 20)
      for (const v of Object.values(c)) expect(Number.isFinite(v)).toBe(true)
      expect(c.probWait).toBeGreaterThan(0)
      expect(c.probWait).toBeLessThan(1)
    }
    expect(erlangB(5000, 10)).toBe(0) // underflows to 0, never NaN
    expect(erlangCMeasures(5000, { lambda: 10 / 300, aht: 300 }, 20).serviceLevel).toBe(1)
  })

  it('reports an unstable queue instead of NaN', () => {
    expect(erlangCMeasures(10, load, 20)).toMatchObject({ serviceLevel: 0, probWait: 1, asa: Infinity })
  })
})

describe('Erlang A', () => {
  const load = { lambda: 100 / 1800, aht: 180 }

  it('converges to Erlang C as patience grows', () => {
    for (const n of [11, 14, 20]) {
      const c = erlangCMeasures(n, load, 20)
      const a = erlangAMeasures(n, load, 20, 1e9)
      expect(a.probWait).toBeCloseTo(c.probWait, 5)
      expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 5)
      expect(a.asa).toBeCloseTo(c.asa, 2)
      expect(a.abandonment).toBeLessThan(1e-5)
    }
  })

  it('with patience = AHT the number in system is Poisson(A) (the M/M/∞ identity)', () => {
    const a = 10
    const n = 12
    const m = erlangAMeasures(n, load, 20, 180)
    let pmf = Math.exp(-a)
    let below = 0
    let excess = 0
    for (let k = 0; k < 200; k++) {
      if (k < n) below += pmf
      else excess += (k - n) * pmf
      pmf *= a / (k + 1)
    }
    expect(m.probWait).toBeCloseTo(1 - below, 10)
    expect(m.abandonment).toBeCloseTo(excess / a, 10) // P(ab) = θ·E[queue]/λ = E[(N−n)+]/A
  })

  it('abandons less and answers faster with more agents; works overloaded and at 1,000+ agents', () => {
    const few = erlangAMeasures(9, load, 20, 120) // fewer agents than Erlangs: still stable
    const more = erlangAMeasures(14, load, 20, 120)
    expect(few.abandonment).toBeGreaterThan(more.abandonment)
    expect(few.serviceLevel).toBeLessThan(more.serviceLevel)
    const big = erlangAMeasures(1900, { lambda: 2000 / 180, aht: 180 }, 20, 60)
    for (const v of Object.values(big)) expect(Number.isFinite(v)).toBe(true)
    expect(big.abandonment).toBeGreaterThan(0.04) // 100 Erlangs short: ≈ 5% must abandon
    expect(big.abandonment).toBeLessThan(0.06)
  })

  it('agrees with a seeded simulation of M/M/n+M', () => {
    const n = 12
    const patience = 120
    const sim = simulate(n, load.lambda, load.aht, patience, 20, 1_000_000)
    const m = erlangAMeasures(n, load, 20, patience)
    expect(m.abandonment).toBeCloseTo(sim.abandonment, 2)
    expect(m.serviceLevel).toBeCloseTo(sim.serviceLevel, 2)
    expect(m.asa).toBeGreaterThan(sim.asa * 0.93)
    expect(m.asa).toBeLessThan(sim.asa * 1.07)
  })
})

/** FCFS multi-server queue with exponential patience, event by event. */
function simulate(n: number, lambda: number, aht: number, patience: number, t: number, arrivals: number) {
  const rng = Random.minstd(42)
  const exp = (mean: number) => rng.exponential(mean)
  const free = new Array(n).fill(0) // time each agent becomes free
  let now = 0
  let answeredWithin = 0
  let abandoned = 0
  let waitSum = 0
  let answered = 0
  for (let i = 0; i < arrivals; i++) {
    now += exp(1 / lambda)
    const give = exp(patience)
    let k = 0
    for (let j = 1; j < n; j++) if (free[j] < free[k]) k = j
    const start = Math.max(now, free[k])
    if (start - now > give) {
      abandoned++
      continue
    }
    answered++
    waitSum += start - now
    if (start - now <= t) answeredWithin++
    free[k] = start + exp(aht)
  }
  return { abandonment: abandoned / arrivals, serviceLevel: answeredWithin / arrivals, asa: waitSum / answered }
}
