import { describe, it, expect } from 'vitest'
import { detectInterval, formatLocal, parseLocalTimestamp, toHistory, weekdayOf, dayOf } from './series.js'

describe('series', () => {
  it('parses local ISO timestamps without zones and round-trips them', () => {
    const t = parseLocalTimestamp('2003-03-03T07:05:00') as number
    expect(formatLocal(t)).toBe('2003-03-03T07:05:00')
    expect(parseLocalTimestamp('2003-03-03 07:05')).toBe(t)
    expect(weekdayOf(dayOf(t))).toBe(1) // a Monday
  })

  it('rejects zones and impossible dates with a message', () => {
    expect(parseLocalTimestamp('2003-03-03T07:05:00Z')).toMatch(/no zone/)
    expect(parseLocalTimestamp('2003-02-30T07:00')).toMatch(/not a valid/)
    expect(parseLocalTimestamp('hello')).toMatch(/not a local ISO/)
  })

  it('detects the interval from the most common gap, ignoring overnight gaps', () => {
    const pts = [0, 15, 30, 45, 1440, 1455, 1470].map((t) => ({ t, count: 1 }))
    expect(detectInterval(pts)).toBe(15)
    expect(detectInterval([0, 10, 20].map((t) => ({ t, count: 1 })))).toMatch(/not supported/)
  })

  it('puts absent intervals as NaN (closed) on the day grid', () => {
    const h = toHistory(
      [
        { t: 480, count: 3 },
        { t: 510, count: 4 },
      ],
      30,
    )
    expect(h.slots).toBe(48)
    expect(h.days[0].values[16]).toBe(3)
    expect(Number.isNaN(h.days[0].values[15])).toBe(true)
  })
})
