import { describe, it, expect } from 'vitest'
import { chatHandleTime, chatMeasures } from './chat.js'
import { erlangAMeasures, erlangCMeasures } from './erlang.js'
import { staff } from './staffing.js'

const load = { lambda: 100 / 1800, aht: 180 }

/**
 * Independent reference: the same birth-death chain solved by brute force, every state's probability from the
 * product of rate ratios, the queue tail summed until it vanishes (no patience).
 */
function bruteForce(n: number, k: number, lambda: number, aht: number, alpha: number, t: number) {
  const g = (j: number) => j / (aht * (1 + alpha * (j - 1)))
  const death = (x: number) => {
    if (x >= n * k) return n * g(k)
    const q = Math.floor(x / n)
    const r = x - q * n
    return r * g(q + 1) + (n - r) * g(q)
  }
  const p = [1]
  for (let x = 1; x < n * k + 5000; x++) p.push((p[x - 1] * lambda) / death(x))
  const total = p.reduce((a, b) => a + b, 0)
  const pi = p.map((v) => v / total)
  const slots = n * k
  const probWait = pi.slice(slots).reduce((a, b) => a + b, 0)
  // FCFS: with j waiting ahead, the wait is Erlang(j + 1) at rate n·g(k).
  const rate = n * g(k)
  let late = 0
  let term = Math.exp(-rate * t)
  let atLeast = term // P(Erlang(j + 1, rate) > t) = Σ_{i ≤ j} e^(−rate·t) (rate·t)^i / i!
  for (let j = 0; slots + j < pi.length; j++) {
    if (j > 0) atLeast += term *= (rate * t) / j
    late += pi[slots + j] * atLeast
  }
  const busy = pi.reduce((s, v, x) => s + v * Math.min(x, slots), 0)
  return { probWait, serviceLevel: 1 - late, occupancy: busy / slots }
}

describe('chat concurrency model', () => {
  it('is Erlang C and A exactly with one chat per agent', () => {
    for (const n of [11, 14, 20]) {
      const c = erlangCMeasures(n, load, 20)
      const m = chatMeasures(n, load, 20, { concurrency: 1 })
      for (const key of ['serviceLevel', 'asa', 'probWait', 'occupancy'] as const)
        expect(m[key]).toBeCloseTo(c[key], 10)
      const a = erlangAMeasures(n, load, 20, 120)
      const ma = chatMeasures(n, load, 20, { concurrency: 1 }, 120)
      for (const key of ['serviceLevel', 'asa', 'abandonment', 'occupancy'] as const)
        expect(ma[key]).toBeCloseTo(a[key], 10)
    }
  })

  it('is Erlang C with n·k servers when concurrency costs nothing (slowdown 0)', () => {
    const c = erlangCMeasures(12, load, 20)
    const m = chatMeasures(4, load, 20, { concurrency: 3, slowdown: 0 })
    for (const key of ['serviceLevel', 'asa', 'probWait', 'occupancy'] as const) expect(m[key]).toBeCloseTo(c[key], 10)
  })

  it('matches the chain solved by brute force', () => {
    for (const [n, k, alpha, lambda] of [
      [3, 2, 0.25, 1 / 60],
      [6, 3, 0.25, 0.035],
      [5, 4, 0.5, 0.02],
      [2, 8, 0.1, 0.02],
    ]) {
      const m = chatMeasures(n, { lambda, aht: 300 }, 60, { concurrency: k, slowdown: alpha })
      const b = bruteForce(n, k, lambda, 300, alpha, 60)
      expect(m.probWait).toBeCloseTo(b.probWait, 9)
      expect(m.serviceLevel).toBeCloseTo(b.serviceLevel, 9)
      expect(m.occupancy).toBeCloseTo(b.occupancy, 9)
    }
  })

  it('stays finite for thousands of agents and reports overload instead of NaN', () => {
    const big = chatMeasures(3000, { lambda: 20, aht: 300 }, 60, { concurrency: 4 })
    for (const v of Object.values(big)) expect(Number.isFinite(v)).toBe(true)
    // 4 chats at 1.75× the solo time: a full agent finishes 4 / 525 s; 2,000 agents are short of 20/s.
    expect(chatMeasures(2000, { lambda: 20, aht: 300 }, 60, { concurrency: 4 })).toMatchObject({
      serviceLevel: 0,
      asa: Infinity,
    })
    const withPatience = chatMeasures(2000, { lambda: 20, aht: 300 }, 60, { concurrency: 4 }, 120)
    expect(withPatience.abandonment).toBeGreaterThan(0)
    expect(withPatience.abandonment).toBeLessThan(1)
  })

  it('refuses a concurrency outside 1…8 and a slowdown outside 0…1', () => {
    expect(() => chatMeasures(5, load, 20, { concurrency: 9 })).toThrow(RangeError)
    expect(() => chatMeasures(5, load, 20, { concurrency: 2.5 })).toThrow(RangeError)
    expect(() => chatMeasures(5, load, 20, { concurrency: 2, slowdown: 1.5 })).toThrow(RangeError)
    expect(chatHandleTime(300, 3)).toBe(450)
  })
})

describe('staffing chats', () => {
  const target = { serviceLevel: 0.8, threshold: 60 }
  const chats = { lambda: 200 / 900, aht: 300 } // 200 chats per 15 min, 5 min each alone: 66.7 Erlangs

  it('concurrency 1 is today’s staffing exactly', () => {
    const before = staff(chats, target, 0.3)
    expect(staff(chats, { ...target, concurrency: 1 }, 0.3)).toEqual(before)
    expect(before).toMatchObject({ required: 72, concurrency: 1 })
  })

  it('needs fewer agents with more chats each, but not k times fewer', () => {
    const required = [1, 2, 3, 4, 8].map((k) => staff(chats, { ...target, concurrency: k }).required)
    expect(required).toEqual([72, 45, 36, 31, 24])
    // A full agent at 3 chats finishes 2 solo handle times' worth: at least 66.7 / 2 agents.
    expect(required[2]).toBeGreaterThan(66.7 / 2)
    expect(staff(chats, { ...target, concurrency: 3, slowdown: 0 }).required).toBeLessThan(required[2])
  })

  it('meets the target at the count it returns and not one below', () => {
    for (const k of [2, 3, 4]) {
      const s = staff(chats, { ...target, concurrency: k, patience: 180 })
      expect(s.serviceLevel).toBeGreaterThanOrEqual(0.8)
      const fewer = chatMeasures(s.required - 1, chats, 60, { concurrency: k }, 180)
      expect(fewer.serviceLevel).toBeLessThan(0.8)
    }
  })

  it('caps the share of chat slots in use', () => {
    const s = staff(chats, { ...target, concurrency: 3, maxOccupancy: 0.7 })
    expect(s.occupancy).toBeLessThanOrEqual(0.7)
    expect(s.required).toBeGreaterThan(staff(chats, { ...target, concurrency: 3 }).required)
  })
})
