import { describe, expect, it } from 'vitest'
import { DedupWindow } from './dedup.js'

describe('DedupWindow', () => {
  it('absorbs a repeat within the window and forgets it after', () => {
    const w = new DedupWindow({ windowSeconds: 60 })
    expect(w.seen('a', 0)).toBe(false)
    expect(w.seen('a', 59_000)).toBe(true)
    expect(w.seen('a', 125_000)).toBe(false)
  })
  it('forgets a key on request (its publish failed)', () => {
    const w = new DedupWindow({ windowSeconds: 60 })
    w.seen('a', 0)
    w.forget('a')
    expect(w.seen('a', 1)).toBe(false)
  })
  it('bounds memory by dropping the oldest bucket early', () => {
    const w = new DedupWindow({ windowSeconds: 120, maxEntries: 10 })
    for (let i = 0; i < 10; i++) w.seen(`old${i}`, 0)
    for (let i = 0; i < 10; i++) w.seen(`new${i}`, 20_000)
    expect(w.seen('new0', 20_001)).toBe(true)
    expect(w.seen('old0', 20_001)).toBe(false)
  })
})
