import { describe, it, expect } from 'vitest'
import { isOpen, learnOpenHours, parseSpecialDays } from './calendar.js'
import { toHistory } from './series.js'
import { syntheticSeries } from './test-helpers/synthetic.js'

describe('open hours', () => {
  it('learns weekdays and hours from history, despite a missing (holiday) Monday', () => {
    const points = syntheticSeries(56).filter((p) => Math.floor(p.t / 1440) !== Date.UTC(2024, 1, 5) / 86_400_000)
    const open = learnOpenHours(toHistory(points, 15))
    expect(open.openWeekdays).toEqual([false, true, true, true, true, true, false])
    expect(isOpen(open, 1, 32)).toBe(true) // 08:00
    expect(isOpen(open, 1, 31)).toBe(false) // 07:45
    expect(isOpen(open, 1, 72)).toBe(false) // 18:00
  })
})

describe('special days', () => {
  it('reads CSV with optional factor and header', () => {
    expect(parseSpecialDays('date,factor\n2024-12-25\n2024-12-24,0.6\n', 'h.csv')).toEqual([
      { date: '2024-12-25', factor: 0 },
      { date: '2024-12-24', factor: 0.6 },
    ])
  })

  it('reads JSON', () => {
    expect(parseSpecialDays('["2024-12-25", {"date": "2024-12-24", "factor": 0.5}]', 'h.json')).toEqual([
      { date: '2024-12-25', factor: 0 },
      { date: '2024-12-24', factor: 0.5 },
    ])
  })

  it('names the line of a bad entry', () => {
    expect(parseSpecialDays('date\n2024-12-25\n25/12/2024\n', 'h.csv')).toBe(
      'h.csv line 3: "25/12/2024" is not a date like 2024-12-25',
    )
    expect(parseSpecialDays('2024-12-25,-1', 'h.csv')).toMatch(/line 1: factor/)
  })
})
