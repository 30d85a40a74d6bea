import { describe, expect, it } from 'vitest'
import type { JsMsg } from '@nats-io/jetstream'
import { Counters } from '../core/pipeline.js'
import { DAY_HEADER, EVENTS_HEADER } from '../core/contracts/index.js'
import type { Warehouse } from '../warehouse/client.js'
import { chunkByDay, createIntake, SINK_DROPS, WrittenSequences, type SinkDrop } from './warehouse-sink.js'

describe('chunkByDay', () => {
  it('keeps a batch of few days whole', () => {
    const parts = [{ day: 3 }, { day: 1 }, { day: 3 }]
    expect(chunkByDay(parts, 2)).toEqual([parts])
    expect(chunkByDay([], 2)).toEqual([])
  })
  it('splits a batch into inserts of at most maxDays distinct days, every part in exactly one', () => {
    const parts = Array.from({ length: 400 }, (_, i) => ({ day: (i * 7) % 230, i }))
    const chunks = chunkByDay(parts, 50)
    expect(chunks).toHaveLength(5)
    for (const c of chunks) expect(new Set(c.map((p) => p.day)).size).toBeLessThanOrEqual(50)
    expect(
      chunks
        .flat()
        .map((p) => p.i)
        .sort((a, b) => a - b),
    ).toEqual(parts.map((p) => p.i))
  })
})

describe('WrittenSequences', () => {
  it('remembers the newest sequences up to its capacity, and the highest ever', async () => {
    const { WrittenSequences } = await import('./warehouse-sink.js')
    const w = new WrittenSequences(3)
    for (const seq of [5, 1, 9, 7]) w.add(seq)
    expect([w.has(5), w.has(1), w.has(9), w.has(7)]).toEqual([false, true, true, true])
    expect(w.highest).toBe(9)
    for (let seq = 10; seq < 20; seq++) w.add(seq)
    expect([w.has(16), w.has(17), w.has(19), w.highest]).toEqual([false, true, true, 19])
  })
})

describe('the intake pipeline (written_before → decode → skip_stored → day_rows)', () => {
  const event = (id: string, ts = Date.UTC(2024, 4, 1, 12)) => ({
    v: 1,
    event_id: id,
    tenant: 'acme',
    ts,
    received_at: ts,
    channel: 'chat',
    type: 'chat.message',
    payload: {},
  })
  const message = (
    seq: number,
    body: unknown,
    opts: { redelivered?: boolean; headers?: Record<string, string> } = {},
  ) =>
    ({
      seq,
      data: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
      info: { redelivered: opts.redelivered ?? false },
      headers: opts.headers && { get: (k: string) => opts.headers![k] ?? '' },
    }) as unknown as JsMsg
  const setup = (storedIds: string[] = []) => {
    const queries: unknown[] = []
    const warehouse = {
      query: async (_sql: string, params: unknown) => {
        queries.push(params)
        return storedIds.map((event_id) => ({ event_id }))
      },
    } as unknown as Warehouse
    const drops = new Counters<SinkDrop>('sink_drops', SINK_DROPS)
    const done = new WrittenSequences()
    return { intake: createIntake({ warehouse, table: 'events', done, drops }), drops, done, queries }
  }

  it('names its steps', () => {
    expect(setup().intake.steps.map((s) => s.name)).toEqual(['written_before', 'decode', 'skip_stored', 'day_rows'])
  })

  it('takes a new ingest-packed message as its bytes, synchronously and without asking ClickHouse', () => {
    const { intake, queries } = setup()
    const day = String(Math.floor(Date.UTC(2024, 4, 1) / 86_400_000))
    const out = intake.run(message(7, [event('a')], { headers: { [EVENTS_HEADER]: '1', [DAY_HEADER]: day } }))
    expect(out).not.toBeInstanceOf(Promise)
    expect(out).toMatchObject({ kind: 'ok', value: { parts: [{ seq: 7, day: Number(day), count: 1 }] } })
    expect(queries).toEqual([])
  })

  it('drops (and counts) a sequence written before, and a redelivery whose events are all stored', async () => {
    const { intake, drops, done } = setup(['a', 'b'])
    done.add(3)
    expect(intake.run(message(3, [event('a')]))).toMatchObject({ kind: 'drop', reason: 'written_before' })
    const again = await intake.run(message(4, [event('a'), event('b')], { redelivered: true }))
    expect(again).toMatchObject({ kind: 'drop', reason: 'already_stored', step: 'skip_stored' })
    expect(drops.snapshot()).toEqual({ already_stored: 1, written_before: 1 })
  })

  it('keeps the events not yet stored, by day', async () => {
    const { intake } = setup(['a'])
    const out = await intake.run(message(5, [event('a'), event('b'), event('c', Date.UTC(2024, 4, 2, 1))]))
    expect(out.kind === 'ok' && out.value.parts.map((p) => [p.day, p.count])).toEqual([
      [Math.floor(Date.UTC(2024, 4, 1) / 86_400_000), 1],
      [Math.floor(Date.UTC(2024, 4, 2) / 86_400_000), 1],
    ])
  })

  it('sends undecodable and malformed messages to the dead-letter stream, with the reason', async () => {
    const { intake, drops } = setup()
    expect(await intake.run(message(1, '{"not": "an array"}'))).toMatchObject({
      kind: 'dlq',
      reason: 'undecodable',
      step: 'decode',
    })
    expect(await intake.run(message(2, [{ tenant: 'acme' }]))).toMatchObject({ kind: 'dlq', reason: 'malformed_event' })
    expect(drops.snapshot()).toEqual({ already_stored: 0, written_before: 0 })
  })
})
