/**
 * A seeded pseudo-random source (mulberry32) with the distributions the simulator needs.
 * Every random choice in a simulation goes through one instance, consumed in event order,
 * so the same seed and options always give the same events.
 */
export class Random {
  private state: number
  /** Cached second Box-Muller deviate. */
  private spare = NaN

  constructor(seed: number) {
    // Mix the seed so nearby seeds (1, 2, 3…) start far apart.
    let s = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0
    s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0
    s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0
    this.state = (s ^ (s >>> 16)) >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next()
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  /** Index drawn with probability proportional to weights[i]. */
  weightedIndex(weights: readonly number[], total?: number): number {
    let r = this.next() * (total ?? weights.reduce((a, b) => a + b, 0))
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]
      if (r < 0) return i
    }
    return weights.length - 1
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next())
  }

  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare
      this.spare = NaN
      return s
    }
    const u = 1 - this.next(), v = this.next()
    const r = Math.sqrt(-2 * Math.log(u))
    this.spare = r * Math.sin(2 * Math.PI * v)
    return r * Math.cos(2 * Math.PI * v)
  }

  /** Lognormal by its median and sigma (of the underlying normal): handle times, patience, gaps. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal())
  }

  /** Lognormal clamped to [min, max]: keeps rare draws inside what a contact centre would see. */
  lognormalIn(median: number, sigma: number, min: number, max: number): number {
    return Math.min(max, Math.max(min, this.lognormal(median, sigma)))
  }

  /** Random string over [0-9A-Za-z], for opaque platform ids (openids, PSIDs). */
  token(length: number): string {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * 62)]
    return out
  }

  /** Digits only, e.g. order numbers. */
  digits(length: number): string {
    let out = ''
    for (let i = 0; i < length; i++) out += Math.floor(this.next() * 10)
    return out
  }
}
