import { describe, expect, it } from 'vitest'
import { isoDate, parseDay, periodRange, periodStart, spanOf, type DayRange } from './period.js'

const d = (iso: string) => parseDay(iso)!
const days = (r: DayRange) => [isoDate(r.first), isoDate(r.last)]

describe('report periods', () => {
  it('weeks start on Monday, months on the 1st', () => {
    expect(isoDate(periodStart('weekly', d('2026-03-08')))).toBe('2026-03-02') // a Sunday
    expect(isoDate(periodStart('weekly', d('2026-03-02')))).toBe('2026-03-02')
    expect(isoDate(periodStart('monthly', d('2026-02-28')))).toBe('2026-02-01')
  })

  it('a whole month against the whole month before, one point per day', () => {
    const s = spanOf('monthly', d('2026-12-06'), { day: d('2026-03-15') })
    expect(days(s.current)).toEqual(['2026-03-01', '2026-03-31'])
    expect(days(s.previous)).toEqual(['2026-02-01', '2026-02-28'])
    expect(s.points).toHaveLength(31)
    expect(s.previousPoints).toHaveLength(28)
    expect(s.toDate).toBe(false)
  })

  it('a period holding today runs to today, against as many days of the one before', () => {
    const s = spanOf('monthly', d('2026-03-10'), { day: d('2026-03-05') })
    expect(days(s.current)).toEqual(['2026-03-01', '2026-03-10'])
    expect(days(s.previous)).toEqual(['2026-02-01', '2026-02-10'])
    expect(s.toDate).toBe(true)
    const w = spanOf('weekly', d('2026-03-04'), { day: d('2026-03-04') })
    expect(days(w.current)).toEqual(['2026-03-02', '2026-03-04'])
    expect(days(w.previous)).toEqual(['2026-02-23', '2026-02-25'])
  })

  it('a day against the day before', () => {
    const s = spanOf('daily', d('2026-12-06'), { day: d('2026-03-01') })
    expect(days(s.current)).toEqual(['2026-03-01', '2026-03-01'])
    expect(days(s.previous)).toEqual(['2026-02-28', '2026-02-28'])
  })

  it('a range of whole periods: 13 months, a point per month, against the 13 before', () => {
    const s = spanOf('monthly', d('2026-12-06'), { first: d('2025-03-10'), last: d('2026-03-02') })
    expect(days(s.current)).toEqual(['2025-03-01', '2026-03-31'])
    expect(s.pointsAre).toBe('monthly')
    expect(s.points.map((p) => isoDate(p.first))).toHaveLength(13)
    expect(days(s.previous)).toEqual(['2024-02-01', '2025-02-28'])
  })

  it('local midnights in the time zone, DST included', () => {
    expect(periodRange({ first: d('2026-03-02'), last: d('2026-03-02') }, 'Asia/Shanghai')).toEqual({
      start: '2026-03-02',
      end: '2026-03-02',
      from_ms: Date.parse('2026-03-01T16:00:00Z'),
      to_ms: Date.parse('2026-03-02T16:00:00Z'),
    })
    // Europe/Berlin springs forward on 2026-03-29: that day has 23 hours.
    const spring = periodRange({ first: d('2026-03-29'), last: d('2026-03-29') }, 'Europe/Berlin')
    expect(spring.to_ms - spring.from_ms).toBe(23 * 3_600_000)
  })

  it('reads only real calendar dates', () => {
    expect(parseDay('2026-02-29')).toBeUndefined()
    expect(parseDay('2026-2-1')).toBeUndefined()
    expect(isoDate(parseDay('2028-02-29')!)).toBe('2028-02-29')
  })
})
