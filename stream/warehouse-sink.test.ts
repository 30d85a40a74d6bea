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
    expect(chunks.flat().map((p) => p.i).sort((a, b) => a - b)).toEqual(parts.map((p) => p.i))
  })
})
