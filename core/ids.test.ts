import { describe, expect, it } from 'vitest'
import { newId } from './ids.js'

describe('newId', () => {
  it('makes unique UUIDv7-shaped ids that sort by creation time', () => {
    const t = Date.UTC(2026, 10, 22, 9)
    const same = Array.from({ length: 1000 }, () => newId(t))
    expect(new Set(same).size).toBe(1000)
    for (const id of same) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(same[0].slice(0, 13)).toBe(
      t
        .toString(16)
        .padStart(12, '0')
        .replace(/^(.{8})/, '$1-'),
    )
    expect(newId(t + 1) > newId(t)).toBe(true)
    expect(newId(t - 1) < newId(t)).toBe(true)
  })
})
