/**
 * Seeded randomness for the simulator: sfc32 seeded through splitmix32, one
 * independent stream per purpose (arrivals of each stream, agents, callbacks), so
 * every policy in a comparison sees the same customers at the same times.
 */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d = 1

  constructor(seed: number, stream = 0) {
    let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0
      let z = s
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
      return (z ^ (z >>> 16)) >>> 0
    }
    this.a = next()
    this.b = next()
    this.c = next()
    for (let i = 0; i < 12; i++) this.uniform()
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0
    this.d = (this.d + 1) >>> 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) >>> 0
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0
    this.c = (this.c + t) >>> 0
    return t / 4294967296
  }

  exponential(mean: number): number {
    return -Math.log(1 - this.uniform()) * mean
  }

  normal(): number {
    const u = 1 - this.uniform(), v = this.uniform()
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  /** Lognormal with the given mean and standard deviation (not those of the underlying normal). */
  lognormal(mean: number, sd: number): number {
    const s2 = Math.log(1 + (sd * sd) / (mean * mean))
    return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * this.normal())
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.uniform() * (hi - lo + 1))
  }

  /** One key of `weights` with probability proportional to its weight; undefined with the remaining mass when they sum below 1. */
  pick(weights: Record<string, number>): string | undefined {
    let u = this.uniform()
    for (const [k, w] of Object.entries(weights)) if ((u -= w) < 0) return k
    return undefined
  }
}
