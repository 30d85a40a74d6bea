/**
 * Pipelines in the PostHog/Plausible style: a pipeline is a list of NAMED steps; each step takes a value and
 * returns ok (carry on with this value), drop (a known, expected reason: counted, not an error) or dlq (a
 * fault worth keeping the input for). Bad data is a value: a step throws only for a fault of its own (a
 * store it cannot reach), and that throw reaches the caller unchanged.
 *
 * The runner stops at the first drop or dlq and says which step gave it; a pipeline given `drops` counts each
 * drop under its reason, a closed union declared up front. Steps may be sync or async: the runner stays
 * synchronous until a step returns a promise, so a pipeline of sync steps costs no promise and no await (ingest
 * validates every event through one), and the types say which kind a pipeline is.
 *
 *   const intake = pipeline<JsMsg, SinkDrop>('sink_intake', { drops })
 *     .step('decode', (msg) => …ok(events) | dlq('undecodable', err))
 *     .step('skip_stored', async (events) => …ok(rest) | drop('already_stored'))
 *   const r = await intake.run(msg)   // r.kind: 'ok' (r.value) | 'drop' (r.reason, r.step) | 'dlq' (r.error, r.step)
 */
export type Ok<T> = { readonly kind: 'ok'; readonly value: T }
/** `detail`: what the caller needs to tell about the drop (e.g. the field at fault), typed per pipeline. */
export type Drop<D extends string, X = unknown> = { readonly kind: 'drop'; readonly reason: D; readonly detail?: X }
export type Dlq = { readonly kind: 'dlq'; readonly reason: string; readonly error?: unknown }
export type StepResult<T, D extends string = never, X = unknown> = Ok<T> | Drop<D, X> | Dlq

export const ok = <T>(value: T): Ok<T> => ({ kind: 'ok', value })
export const drop = <D extends string, X = undefined>(reason: D, detail?: X): Drop<D, X> => ({
  kind: 'drop',
  reason,
  detail,
})
export const dlq = (reason: string, error?: unknown): Dlq => ({ kind: 'dlq', reason, error })

/** Where a run stopped: the drop or dlq, with the name of the step that gave it. */
export type Stopped<D extends string, X = unknown> =
  (Drop<D, X> & { readonly step: string }) | (Dlq & { readonly step: string })
/** What a run ends with: the last step's ok, or where it stopped. */
export type Outcome<T, D extends string = never, X = unknown> = Ok<T> | Stopped<D, X>

/** A run over many inputs: the values that passed every step (in input order) and the inputs stopped, by index. */
export interface BatchOutcome<T, D extends string = never, X = unknown> {
  values: T[]
  stopped: { index: number; outcome: Stopped<D, X> }[]
}

type MaybePromise<T> = T | Promise<T>
/** A sync pipeline's run gives its outcome; one with an async step gives it, or a promise of it once a step awaits. */
type Ran<T, Async extends boolean> = Async extends true ? MaybePromise<T> : T

export interface Step<I, O, D extends string = never, X = unknown, C = void> {
  readonly name: string
  readonly run: (input: I, ctx: C) => MaybePromise<StepResult<O, D, X>>
}

/**
 * A pipeline from `I` to `O`, dropping for reasons `D` (with details `X`), its steps given a context `C` per
 * run (per batch, e.g. the request's tenant); `Async` is true once a step may return a promise.
 */
export interface Pipeline<I, O, D extends string = never, X = unknown, C = void, Async extends boolean = false> {
  readonly name: string
  /** The steps in order (their names: `steps.map((s) => s.name)`). */
  readonly steps: readonly Step<unknown, unknown, D, X, C>[]
  /** Counted drops, by reason, when the pipeline was given them. */
  readonly drops?: Counters<D>
  /** A new pipeline: this one, then the named step. */
  step<O2>(name: string, run: (input: O, ctx: C) => StepResult<O2, D, X>): Pipeline<I, O2, D, X, C, Async>
  step<O2>(name: string, run: (input: O, ctx: C) => MaybePromise<StepResult<O2, D, X>>): Pipeline<I, O2, D, X, C, true>
  /** Runs the steps in order and stops at the first drop or dlq. A step's throw is passed on as it is. */
  run(input: I, ctx: C): Ran<Outcome<O, D, X>, Async>
  /** Runs each input in turn (one at a time, in order). */
  runBatch(inputs: readonly I[], ctx: C): Ran<BatchOutcome<O, D, X>, Async>
}

export interface PipelineOptions<D extends string> {
  /** Where drops are counted, one counter per reason (e.g. shown on /metrics). */
  drops?: Counters<D>
}

/** An empty pipeline named `name` (add steps with `.step`); it passes its input through until then. */
export function pipeline<I, D extends string = never, X = unknown, C = void>(
  name: string,
  opts: PipelineOptions<D> = {},
): Pipeline<I, I, D, X, C> {
  return new Runner(name, opts.drops, []) as unknown as Pipeline<I, I, D, X, C>
}

type AnyResult = StepResult<unknown, string, unknown>
type AnyStep = Step<unknown, unknown, string, unknown, unknown>
type AnyStopped = Stopped<string, unknown>

const isPromise = (x: MaybePromise<AnyResult>): x is Promise<AnyResult> =>
  typeof (x as { then?: unknown }).then === 'function'

class Runner {
  constructor(
    readonly name: string,
    readonly drops: Counters<string> | undefined,
    readonly steps: readonly AnyStep[],
  ) {}

  step(name: string, run: AnyStep['run']): Runner {
    return new Runner(this.name, this.drops, [...this.steps, { name, run }])
  }

  run(input: unknown, ctx: unknown): MaybePromise<Outcome<unknown, string>> {
    const steps = this.steps
    let value = input
    let last: AnyResult | undefined
    for (let i = 0; i < steps.length; i++) {
      const out = steps[i].run(value, ctx)
      if (isPromise(out)) return this.resume(out, i, ctx)
      if (out.kind !== 'ok') return this.stop(out, i)
      value = out.value
      last = out
    }
    return (last as Ok<unknown> | undefined) ?? ok(input)
  }

  runBatch(inputs: readonly unknown[], ctx: unknown): MaybePromise<BatchOutcome<unknown, string>> {
    const batch: BatchOutcome<unknown, string> = { values: [], stopped: [] }
    for (let index = 0; index < inputs.length; index++) {
      const out = this.run(inputs[index], ctx)
      if (out instanceof Promise) return this.resumeBatch(batch, out, index, inputs, ctx)
      collect(batch, out, index)
    }
    return batch
  }

  /** The rest of a run once step `i` returned a promise. */
  private async resume(pending: Promise<AnyResult>, i: number, ctx: unknown): Promise<Outcome<unknown, string>> {
    const steps = this.steps
    let out = await pending
    for (;;) {
      if (out.kind !== 'ok') return this.stop(out, i)
      if (++i === steps.length) return out
      const next = steps[i].run(out.value, ctx)
      out = isPromise(next) ? await next : next
    }
  }

  private async resumeBatch(
    batch: BatchOutcome<unknown, string>,
    pending: Promise<Outcome<unknown, string>>,
    index: number,
    inputs: readonly unknown[],
    ctx: unknown,
  ): Promise<BatchOutcome<unknown, string>> {
    collect(batch, await pending, index)
    for (index++; index < inputs.length; index++) collect(batch, await this.run(inputs[index], ctx), index)
    return batch
  }

  private stop(out: Drop<string> | Dlq, i: number): AnyStopped {
    const step = this.steps[i].name
    if (out.kind === 'dlq') return { kind: 'dlq', reason: out.reason, error: out.error, step }
    this.drops?.add(out.reason)
    return { kind: 'drop', reason: out.reason, detail: out.detail, step }
  }
}

function collect(batch: BatchOutcome<unknown, string>, out: Outcome<unknown, string>, index: number): void {
  if (out.kind === 'ok') batch.values.push(out.value)
  else batch.stopped.push({ index, outcome: out })
}

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
  /** Prometheus text exposition lines: `mofang_<name>_total{reason="<key>"} <count>`. */
  prometheus(): string {
    return Object.entries(this.values)
      .map(([k, v]) => `mofang_${this.name}_total{reason="${k}"} ${v}`)
      .join('\n')
  }
}
