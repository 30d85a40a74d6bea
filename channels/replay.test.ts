import { describe, expect, it } from 'vitest'
import { ReplayWindow } from './replay.js'

describe('ReplayWindow', () => {
  it('answers true for a key seen within the window, false after it', () => {
    const w = new ReplayWindow({ windowMs: 1000 })
    expect(w.seen('n1', 0)).toBe(false)
    expect(w.seen('n1', 999)).toBe(true)
    expect(w.seen('n1', 1000)).toBe(false)
  })
  it('forgets the oldest keys beyond its size', () => {
    const w = new ReplayWindow({ windowMs: 10_000, maxKeys: 2 })
    w.seen('a', 1)
    w.seen('b', 2)
    w.seen('c', 3)
    expect(w.seen('a', 4)).toBe(false)
    expect(w.seen('c', 5)).toBe(true)
  })
})
