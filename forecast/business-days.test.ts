import { describe, it, expect } from 'vitest'
import { afterClosure, closedDays, monthPosition } from './business-days.js'
import { formatDay, toHistory } from './series.js'
import { syntheticSeries } from './test-helpers/synthetic.js'

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000
const weekdays = [false, true, true, true, true, true, false]

describe('business days', () => {
  // 2024-01-01 (Monday) … 2024-02-29, weekdays only, with Monday 2024-02-05 missing (a holiday).
  const points = syntheticSeries(60).filter((p) => Math.floor(p.t / 1440) !== day('2024-02-05'))
  const history = toHistory(points, 15)
  const last = history.days.at(-1)!.day

  it('reads a missing open weekday in the history as a closure, but not a weekend or a configured special day', () => {
    const closed = closedDays(history, weekdays)
    expect([...closed].map(formatDay)).toEqual(['2024-02-05'])
    const special = { ...history, special: new Map([[day('2024-02-05'), 0.6]]) }
    expect(closedDays(special, weekdays).size).toBe(0)
  })

  it('takes open weekdays the targets skip (at most two in a row) as closures', () => {
    expect(formatDay(last)).toBe('2024-02-29') // a Thursday
    // Friday 03-01 skipped, Monday 03-04 asked for: 03-01 is a holiday.
    const skipOne = closedDays(history, weekdays, [day('2024-03-04'), day('2024-03-05')])
    expect(skipOne.has(day('2024-03-01'))).toBe(true)
    // Only Mondays asked for: three weekdays skipped each week, read as a sparse request, not closures.
    const sparse = closedDays(history, weekdays, [day('2024-03-04'), day('2024-03-11')])
    expect(sparse.has(day('2024-03-05'))).toBe(false)
    // A special day with factor 0 is a closure wherever it is.
    const holiday = { ...history, special: new Map([[day('2024-03-15'), 0]]) }
    expect(closedDays(holiday, weekdays).has(day('2024-03-15'))).toBe(true)
  })

  it('counts business days from the start and to the end of the month, skipping closures', () => {
    const closed = new Set([day('2003-09-01')]) // Labor Day
    const open = (d: number) => weekdays[(((d + 4) % 7) + 7) % 7] && !closed.has(d)
    expect(monthPosition(day('2003-09-02'), open)).toEqual({ fromStart: 1, toEnd: 21 })
    expect(monthPosition(day('2003-08-29'), open)).toEqual({ fromStart: 21, toEnd: 1 })
    expect(monthPosition(day('2003-09-01'), open)).toEqual({ fromStart: 0, toEnd: 0 })
    expect(afterClosure(day('2003-09-02'), weekdays, closed)).toBe(true)
    expect(afterClosure(day('2003-09-03'), weekdays, closed)).toBe(false)
    expect(afterClosure(day('2003-09-08'), weekdays, closed)).toBe(false) // Monday after a normal weekend
  })
})
