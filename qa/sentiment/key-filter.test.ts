import { describe, expect, it } from 'vitest'
import { KeyFilter } from './key-filter.js'

describe('key filter', () => {
  const keys = Array.from({ length: 5000 }, (_, i) => `w:${i}词`)
  const filter = new KeyFilter(keys, keys.length)

  it('never says no to a key of the set', () => {
    expect(keys.every((k) => filter.mightHave(k))).toBe(true)
  })

  it('turns away nearly every key outside the set', () => {
    const absent = Array.from({ length: 20000 }, (_, i) => `b:${i}|好`)
    const passed = absent.filter((k) => filter.mightHave(k)).length
    // Two probes at 16 bits a key: ~1.4% expected; the bound leaves room for an unlucky hash.
    expect(passed / absent.length).toBeLessThan(0.05)
  })

  it('works for an empty set', () => {
    expect(new KeyFilter([], 0).mightHave('好')).toBe(false)
  })
})
