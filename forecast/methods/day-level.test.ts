import { describe, it, expect } from 'vitest'
import { Random } from '../../kits/sim/index.js'
import { closedDays, monthPosition } from '../business-days.js'
import { prepare, predict } from '../engine.js'
import { weekdayOf, type DayRow, type History } from '../series.js'
import { dayLevelProfile, fitDayLevel } from './day-level.js'

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000
const weekdays = [false, true, true, true, true, true, false]
const WEEKDAY = [0, 1.3, 1.1, 1, 1, 0.95, 0]
const SHAPE = [0.2, 0.4, 0.3, 0.1]

/**
 * 30 weeks of weekdays from 2024-01-01 at 4 slots a day: a weekday pattern, +20% on the first business day
 * of each month, +15% on the day after a holiday, a level that drifts up 10%, Poisson noise.
 */
function synthetic(holidays: readonly string[]): History {
  const rng = Random.minstd(3)
  const closed = new Set(holidays.map(day))
  const open = (d: number) => weekdays[weekdayOf(d)] && !closed.has(d)
  const days: DayRow[] = []
  const first = day('2024-01-01')
  for (let d = first; d < first + 30 * 7; d++) {
    if (!open(d)) continue
    let mean = 2000 * WEEKDAY[weekdayOf(d)] * (1 + (0.1 * (d - first)) / 210)
    if (monthPosition(d, open).fromStart === 1) mean *= 1.2
    let prev = d - 1
    while (!weekdays[weekdayOf(prev)]) prev--
    if (closed.has(prev)) mean *= 1.15
    days.push({ day: d, weekday: weekdayOf(d), values: Float64Array.from(SHAPE, (s) => rng.poisson(mean * s)) })
  }
  return { interval: 30, slots: 4, days }
}

const HOLIDAYS = ['2024-01-15', '2024-02-19', '2024-05-27', '2024-07-04']
const dayLevel = dayLevelProfile()

describe('day level', () => {
  const history = synthetic(HOLIDAYS)
  const open = { openWeekdays: weekdays, closedDays: closedDays(history, weekdays) }

  it('recovers the weekday, first-business-day and after-holiday effects', () => {
    const model = fitDayLevel(history, open)
    expect(model.effects.weekday_1 - model.effects.weekday_3).toBeCloseTo(Math.log(1.3), 1)
    expect(model.effects.first_day).toBeGreaterThan(Math.log(1.2) - 0.03)
    expect(model.effects.first_day).toBeLessThan(Math.log(1.2) + 0.03)
    // Four holidays to learn from, and a ridge that shrinks a rare effect a little.
    expect(model.effects.after_closure).toBeGreaterThan(0.08)
    expect(model.effects.after_closure).toBeLessThan(Math.log(1.15) + 0.04)
    expect(Math.abs(model.effects.last_day)).toBeLessThan(0.03)
  })

  it('forecasts the month turn and the day after a holiday the targets skip', () => {
    // History ends Friday 2024-07-26. Asked for the next week, Thursday 08-01 being the first business day of
    // August, and for Tuesday 08-06 but not Monday 08-05: a holiday.
    const p = prepare(history)
    expect(history.days.at(-1)!.day).toBe(day('2024-07-26'))
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0)
    const asked = ['2024-07-29', '2024-07-30', '2024-07-31', '2024-08-01', '2024-08-02', '2024-08-06'].map(day)
    const [, , wed, thu, fri, tue] = predict(dayLevel, p, asked).map(sum)
    expect(thu / wed).toBeGreaterThan(1.15)
    expect(fri / wed).toBeLessThan(1)
    const [tueNormal] = predict(dayLevel, p, [day('2024-08-13')]).map(sum)
    expect(tue / tueNormal).toBeGreaterThan(1.08)
  })
})
