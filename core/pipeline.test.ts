import { describe, expect, expectTypeOf, it } from 'vitest'
import { Counters, dlq, drop, ok, pipeline, type Outcome } from './pipeline.js'

const REASONS = ['negative', 'too_big'] as const
type Reason = (typeof REASONS)[number]

const numbers = (drops?: Counters<Reason>) =>
  pipeline<string, Reason, { value: number }>('numbers', { drops })
    .step('parse', (text) => {
      const n = Number(text)
      return Number.isFinite(n) ? ok(n) : dlq('not_a_number', new Error(`not a number: ${text}`))
    })
    .step('sign', (n) => (n < 0 ? drop('negative', { value: n }) : ok(n)))
    .step('size', (n) => (n > 100 ? drop('too_big', { value: n }) : ok({ n, doubled: 2 * n })))

describe('pipeline', () => {
  it('runs named steps in order and ends with the last ok', () => {
    const p = numbers()
    expect(p.name).toBe('numbers')
    expect(p.steps.map((s) => s.name)).toEqual(['parse', 'sign', 'size'])
    expect(p.run('21')).toEqual({ kind: 'ok', value: { n: 21, doubled: 42 } })
  })

  it('stops at the first drop or dlq, naming the step, with the detail or error', () => {
    const p = numbers()
    expect(p.run('-3')).toEqual({ kind: 'drop', reason: 'negative', detail: { value: -3 }, step: 'sign' })
    expect(p.run('300')).toMatchObject({ kind: 'drop', reason: 'too_big', step: 'size' })
    const bad = p.run('abc')
    expect(bad).toMatchObject({ kind: 'dlq', reason: 'not_a_number', step: 'parse' })
    expect(bad.kind === 'dlq' && (bad.error as Error).message).toBe('not a number: abc')
  })

  it('counts each drop under its reason (not the dlqs), with zeros listed', () => {
    const drops = new Counters<Reason>('numbers_drops', REASONS)
    const p = numbers(drops)
    for (const x of ['-1', '-2', '500', '5', 'x']) p.run(x)
    expect(drops.snapshot()).toEqual({ negative: 2, too_big: 1 })
    expect(drops.prometheus()).toBe(
      'mofang_numbers_drops_total{reason="negative"} 2\nmofang_numbers_drops_total{reason="too_big"} 1',
    )
  })

  it('stays synchronous while every step is, and types say so', () => {
    const r = numbers().run('1')
    expect(r).not.toBeInstanceOf(Promise)
    expectTypeOf(r).toEqualTypeOf<Outcome<{ n: number; doubled: number }, Reason, { value: number }>>()
  })

  it('awaits only from the first step that returns a promise, and a drop before it needs no await', async () => {
    const seen: string[] = []
    const p = pipeline<number, 'odd'>('mixed')
      .step('odd', (n) => (n % 2 ? drop('odd') : ok(n)))
      .step('lookup', async (n) => {
        seen.push(`lookup ${n}`)
        return ok(String(n))
      })
      .step('wrap', (s) => ok([s]))
    const early = p.run(3)
    expect(early).not.toBeInstanceOf(Promise)
    expect(early).toMatchObject({ kind: 'drop', reason: 'odd', step: 'odd' })
    const late = p.run(4)
    expect(late).toBeInstanceOf(Promise)
    expect(await late).toEqual({ kind: 'ok', value: ['4'] })
    expect(seen).toEqual(['lookup 4'])
    expectTypeOf(late).toEqualTypeOf<Outcome<string[], 'odd'> | Promise<Outcome<string[], 'odd'>>>()
  })

  it('names the async step that dropped', async () => {
    const p = pipeline<number, 'gone'>('store').step('check', async () => drop('gone'))
    expect(await p.run(1)).toEqual({ kind: 'drop', reason: 'gone', detail: undefined, step: 'check' })
  })

  it('passes a throw on as it is, sync or async', async () => {
    const sync = pipeline<number>('t').step('boom', () => {
      throw new Error('sync boom')
    })
    expect(() => sync.run(1)).toThrow('sync boom')
    const later = pipeline<number>('t').step('boom', async () => {
      throw new Error('async boom')
    })
    await expect(later.run(1)).rejects.toThrow('async boom')
  })

  it('hands every step the run context', () => {
    const p = pipeline<string, 'other_tenant', string, { tenant: string }>('events').step('tenant', (t, ctx) =>
      t === ctx.tenant ? ok(t) : drop('other_tenant', `${t} is not ${ctx.tenant}`),
    )
    expect(p.run('acme', { tenant: 'acme' })).toEqual({ kind: 'ok', value: 'acme' })
    expect(p.run('umbrella', { tenant: 'acme' })).toMatchObject({ detail: 'umbrella is not acme' })
  })

  it('passes its input through with no steps; adding a step leaves the original as it was', () => {
    const empty = pipeline<number>('empty')
    const one = empty.step('inc', (n) => ok(n + 1))
    expect(empty.run(1)).toEqual({ kind: 'ok', value: 1 })
    expect(one.run(1)).toEqual({ kind: 'ok', value: 2 })
    expect(empty.steps).toHaveLength(0)
  })

  it('runs a batch: the values in order, the stopped by index', () => {
    const drops = new Counters<Reason>('numbers_drops', REASONS)
    const out = numbers(drops).runBatch(['1', '-1', '2', 'x', '200'], undefined)
    expect(out).not.toBeInstanceOf(Promise)
    expect(out.values).toEqual([
      { n: 1, doubled: 2 },
      { n: 2, doubled: 4 },
    ])
    expect(out.stopped.map((s) => [s.index, s.outcome.kind, s.outcome.reason, s.outcome.step])).toEqual([
      [1, 'drop', 'negative', 'sign'],
      [3, 'dlq', 'not_a_number', 'parse'],
      [4, 'drop', 'too_big', 'size'],
    ])
    expect(drops.snapshot()).toEqual({ negative: 1, too_big: 1 })
  })

  it('runs a batch through async steps one input at a time, in order', async () => {
    const order: number[] = []
    const p = pipeline<number, 'zero'>('slow')
      .step('zero', (n) => (n === 0 ? drop('zero') : ok(n)))
      .step('wait', async (n) => {
        await new Promise((r) => setTimeout(r, 5 - n))
        order.push(n)
        return ok(n * 10)
      })
    const out = await p.runBatch([0, 1, 0, 2, 3], undefined)
    expect(out.values).toEqual([10, 20, 30])
    expect(out.stopped.map((s) => s.index)).toEqual([0, 2])
    expect(order).toEqual([1, 2, 3])
  })

  it('rejects at compile time a drop reason outside the declared union', () => {
    const p = pipeline<number, 'known'>('typed')
    // @ts-expect-error 'unknown_reason' is not one of the pipeline's drop reasons
    p.step('bad', () => drop('unknown_reason'))
    expect(p.step('good', () => drop('known')).run(1)).toMatchObject({ reason: 'known' })
  })
})
