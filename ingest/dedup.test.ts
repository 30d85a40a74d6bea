import { describe, expect, it } from 'vitest'
import { DedupWindow, PublishClaim } from './dedup.js'

const stored = () => {
  const c = new PublishClaim()
  c.settle()
  return c
}

describe('DedupWindow', () => {
  it('absorbs a repeat within the window and forgets it after', () => {
    const w = new DedupWindow({ windowSeconds: 60 })
    const first = new PublishClaim()
    expect(w.claim('a', first, 0)).toBe('new')
    first.settle()
    expect(w.claim('a', new PublishClaim(), 59_000)).toBe('stored')
    expect(w.claim('a', new PublishClaim(), 125_000)).toBe('new')
  })
  it('forgets a key on request (its publish failed)', () => {
    const w = new DedupWindow({ windowSeconds: 60 })
    const failed = new PublishClaim()
    w.claim('a', failed, 0)
    w.release('a', failed)
    failed.settle()
    expect(w.claim('a', new PublishClaim(), 1)).toBe('new')
  })
  it('bounds memory by dropping the oldest bucket early', () => {
    const w = new DedupWindow({ windowSeconds: 120, maxEntries: 10 })
    for (let i = 0; i < 10; i++) w.claim(`old${i}`, stored(), 0)
    for (let i = 0; i < 10; i++) w.claim(`new${i}`, stored(), 20_000)
    expect(w.claim('new0', new PublishClaim(), 20_001)).toBe('stored')
    expect(w.claim('old0', new PublishClaim(), 20_001)).toBe('new')
  })
  it('answers a repeat of an id still being published with that publish, never "stored" before it settles', async () => {
    const w = new DedupWindow({ windowSeconds: 60 })
    const first = new PublishClaim()
    w.claim('a', first, 0)
    w.claim('b', first, 0)
    const retry = new PublishClaim()
    expect(w.claim('a', retry, 1)).toBe(first)
    // The first publish fails for "a" only: a retry then owns "a" and sees "b" as stored.
    w.release('a', first)
    first.settle()
    await first.done
    expect(w.claim('a', retry, 2)).toBe('new')
    expect(w.claim('b', retry, 2)).toBe('stored')
    expect(w.claim('a', retry, 3)).toBe('new')
  })
})
