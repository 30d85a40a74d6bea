import { describe, expect, it } from 'vitest'
import { Random } from './random.js'

const draws = (r: Random, n: number) => Array.from({ length: n }, () => r.next())

describe('Random: each generator gives exactly the numbers its callers were measured on', () => {
  // Captured from the generators before they moved here (simulator, routing, forecast, sentiment, test helpers):
  // a changed number here changes seeded simulator days, routing results, forecast fixtures or the sentiment split.
  it('new Random(seed): mulberry32 with a mixed seed (the simulator)', () => {
    expect(draws(new Random(42), 3)).toEqual([0.24572046380490065, 0.5754302670247853, 0.3558912726584822])
    const r = new Random(7)
    expect(Array.from({ length: 8 }, () => r.int(1, 6))).toEqual([3, 4, 5, 3, 4, 5, 3, 5])
    expect([r.normal(), r.normal(), r.lognormal(100, 0.5)]).toEqual([
      1.744108402619912, 0.28405154215493944, 74.66156607537783,
    ])
    expect([r.token(8), r.digits(6)]).toEqual(['QMeipqSm', '114123'])
  })

  it('Random.fromState: mulberry32 from the raw seed (the sentiment split)', () => {
    expect(draws(Random.fromState(20240917), 3)).toEqual([0.5065789793152362, 0.454005642561242, 0.6535965329967439])
  })

  it('Random.stream: sfc32 through splitmix32, one independent stream per number (routing simulation)', () => {
    const s = Random.stream(42)
    expect([s.uniform(), s.uniform(), s.uniform()]).toEqual([
      0.8452845097053796, 0.6133131133392453, 0.5727077240590006,
    ])
    expect(Random.stream(42, 3).uniform()).toBe(0.3847190011292696)
    expect(s.lognormalMeanSd(300, 120)).toBe(502.05037257365893)
    expect(s.weightedKey({ a: 0.2, b: 0.3 })).toBeUndefined()
  })

  it('Random.minstd: Park–Miller (forecast synthetic data)', () => {
    const f = Random.minstd(1)
    expect(draws(f, 3)).toEqual([0.000022477936010098986, 0.08503244914348818, 0.6013526053174179])
    expect([f.poisson(4), f.poisson(80)]).toEqual([5, 86])
  })

  it('Random.xorshift32 and Random.lcg32 (wallboard demo day, synthetic whisper weights)', () => {
    expect(draws(Random.xorshift32(7), 3)).toEqual([0.00044065131805837154, 0.10952103300951421, 0.9038964069914073])
    expect(draws(Random.lcg32(12345), 3)).toEqual([0.8275770242325962, 0.6524071616586298, 0.8374803168699145])
  })
})

describe('Random: the distributions', () => {
  const generators: [string, () => Random][] = [
    ['mulberry32', () => new Random(1)],
    ['sfc32', () => Random.stream(1, 2)],
    ['minstd', () => Random.minstd(1)],
    ['xorshift32', () => Random.xorshift32(1)],
    ['lcg32', () => Random.lcg32(1)],
  ]

  it.each(generators)('%s: same seed, same numbers; next() in [0, 1)', (_, make) => {
    const a = draws(make(), 1000)
    expect(draws(make(), 1000)).toEqual(a)
    for (const x of a) expect(x >= 0 && x < 1).toBe(true)
  })

  it('nearby seeds and streams start far apart', () => {
    expect(new Random(1).next()).not.toBe(new Random(2).next())
    expect(Random.stream(1, 0).next()).not.toBe(Random.stream(1, 1).next())
  })

  it('uniform() and uniform(min, max)', () => {
    const a = new Random(3),
      b = new Random(3)
    expect(a.uniform()).toBe(b.next())
    for (let i = 0; i < 1000; i++) {
      const x = a.uniform(-2, 5)
      expect(x >= -2 && x < 5).toBe(true)
    }
  })

  it('int covers [min, max] inclusive, and nothing else', () => {
    const r = new Random(4)
    const seen = new Set<number>()
    for (let i = 0; i < 2000; i++) seen.add(r.int(-1, 3))
    expect([...seen].sort()).toEqual([-1, 0, 1, 2, 3])
  })

  it('chance, pick and shuffle', () => {
    const r = new Random(5)
    let yes = 0
    for (let i = 0; i < 10_000; i++) if (r.chance(0.3)) yes++
    expect(yes / 10_000).toBeCloseTo(0.3, 1)
    const items = ['a', 'b', 'c']
    for (let i = 0; i < 100; i++) expect(items).toContain(r.pick(items))
    const xs = Array.from({ length: 50 }, (_, i) => i)
    const shuffled = r.shuffle([...xs])
    expect(shuffled).not.toEqual(xs)
    expect([...shuffled].sort((p, q) => p - q)).toEqual(xs)
  })

  it('shuffle is Fisher-Yates from the end, one draw per position', () => {
    const xs = [0, 1, 2, 3, 4, 5, 6, 7]
    const r = new Random(6),
      ref = new Random(6)
    const expected = [...xs]
    for (let i = expected.length - 1; i > 0; i--) {
      const j = Math.floor(ref.next() * (i + 1))
      ;[expected[i], expected[j]] = [expected[j], expected[i]]
    }
    expect(r.shuffle([...xs])).toEqual(expected)
    expect(r.next()).toBe(ref.next())
  })

  it('weightedIndex and weightedKey follow the weights', () => {
    const r = new Random(7)
    const counts = [0, 0, 0]
    for (let i = 0; i < 30_000; i++) counts[r.weightedIndex([1, 2, 7])]++
    expect(counts.map((c) => c / 30_000)).toEqual([
      expect.closeTo(0.1, 1),
      expect.closeTo(0.2, 1),
      expect.closeTo(0.7, 1),
    ])
    const keys: Record<string, number> = {}
    for (let i = 0; i < 30_000; i++) {
      const k = r.weightedKey({ a: 0.25, b: 0.5 }) ?? 'none'
      keys[k] = (keys[k] ?? 0) + 1
    }
    expect(keys.a / 30_000).toBeCloseTo(0.25, 1)
    expect(keys.b / 30_000).toBeCloseTo(0.5, 1)
    expect(keys.none / 30_000).toBeCloseTo(0.25, 1)
  })

  it('exponential, normal, lognormal and poisson have their means', () => {
    const r = new Random(8)
    const mean = (f: () => number, n = 50_000) => {
      let s = 0
      for (let i = 0; i < n; i++) s += f()
      return s / n
    }
    expect(mean(() => r.exponential(3)) / 3).toBeCloseTo(1, 1)
    expect(mean(() => r.normal())).toBeCloseTo(0, 1)
    expect(mean(() => r.normal() ** 2)).toBeCloseTo(1, 1)
    expect(mean(() => Math.log(r.lognormal(100, 0.5))) - Math.log(100)).toBeCloseTo(0, 1)
    expect(mean(() => r.lognormalMeanSd(200, 80)) / 200).toBeCloseTo(1, 1)
    expect(mean(() => r.poisson(4)) / 4).toBeCloseTo(1, 1)
    expect(mean(() => r.poisson(120)) / 120).toBeCloseTo(1, 2)
    for (let i = 0; i < 1000; i++) expect(r.lognormalIn(100, 2, 10, 500)).toBeGreaterThanOrEqual(10)
  })

  it('normal() pairs its draws; lognormalMeanSd always takes two', () => {
    const a = new Random(9),
      b = new Random(9)
    a.normal()
    a.normal()
    b.next()
    b.next()
    expect(a.next()).toBe(b.next())
    const c = new Random(10),
      d = new Random(10)
    c.lognormalMeanSd(10, 2)
    c.lognormalMeanSd(10, 2)
    for (let i = 0; i < 4; i++) d.next()
    expect(c.next()).toBe(d.next())
  })

  it('token and digits', () => {
    const r = new Random(11)
    expect(r.token(20)).toMatch(/^[0-9A-Za-z]{20}$/)
    expect(r.digits(12)).toMatch(/^[0-9]{12}$/)
  })
})
