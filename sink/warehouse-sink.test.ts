import { describe, expect, it } from 'vitest'
import { chunkByDay } from './warehouse-sink.js'

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
