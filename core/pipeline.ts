/**
 * Pipeline steps in the PostHog/Plausible style: each step takes a value and
 * returns ok (carry on), drop (a known, expected reason: counted, not an error)
 * or dlq (a fault worth keeping the input for). Bad data is a value.
 */
export type StepResult<T, D extends string> =
  { kind: 'ok'; value: T } | { kind: 'drop'; reason: D } | { kind: 'dlq'; reason: string; error?: unknown }

export const ok = <T>(value: T) => ({ kind: 'ok', value }) as const
export const drop = <D extends string>(reason: D) => ({ kind: 'drop', reason }) as const
export const dlq = (reason: string, error?: unknown) => ({ kind: 'dlq', reason, error }) as const

/** One counter per reason, declared up front so a typo is a compile error and /metrics lists zeros too. */
export class Counters<K extends string> {
  private readonly values: Record<K, number>
  constructor(
    readonly name: string,
    keys: readonly K[],
  ) {
    this.values = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>
  }
  add(key: K, n = 1): void {
    this.values[key] += n
  }
  get(key: K): number {
    return this.values[key]
  }
  snapshot(): Record<K, number> {
    return { ...this.values }
  }
  /** Prometheus text exposition lines. */
  prometheus(): string {
    return Object.entries(this.values)
      .map(([k, v]) => `mofang_${this.name}_total{reason="${k}"} ${v}`)
      .join('\n')
  }
}
