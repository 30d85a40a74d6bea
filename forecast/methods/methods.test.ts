import { describe, it, expect } from 'vitest'
import { prepare, predict } from '../engine.js'
import { toHistory } from '../series.js'
import { syntheticSeries } from '../test-helpers/synthetic.js'
import { METHODS } from './index.js'
import { monthTurn, MONTH_TURN } from './month-turn.js'

const history = toHistory(syntheticSeries(91, 15, 3), 15)
const prepared = prepare(history)
const lastDay = history.days.at(-1)!.day // a Friday
const nextMonday = lastDay + 3

describe.each(METHODS.map((m) => [m.name, m] as const))('%s', (_, method) => {
  it('forecasts the right shape: Monday busier, closed hours zero, deterministic', () => {
    const [mon, tue] = predict(method, prepared, [nextMonday, nextMonday + 1])
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0)
    expect(sum(mon) / sum(tue)).toBeGreaterThan(1.1)
    expect(mon[31]).toBe(0) // 07:45, closed
    expect(mon[52]).toBeGreaterThan(mon[33]) // 13:00 peak above 08:15
    expect(predict(method, prepared, [nextMonday])[0]).toEqual(mon)
  })

  it('forecasts zero on a closed weekday', () => {
    expect(predict(method, prepared, [lastDay + 1])[0].every((v) => v === 0)).toBe(true)
  })
})

describe('month turn', () => {
  const weekdays = [false, true, true, true, true, true, false]
  const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000
  it('finds the last, first and second business days across weekends', () => {
    expect(monthTurn(day('2003-05-30'), weekdays)).toBe(MONTH_TURN.lastDay) // Friday; 31st is a Saturday
    expect(monthTurn(day('2003-06-02'), weekdays)).toBe(MONTH_TURN.firstDay) // Monday
    expect(monthTurn(day('2003-06-03'), weekdays)).toBe(MONTH_TURN.secondDay)
    expect(monthTurn(day('2003-06-04'), weekdays)).toBe(MONTH_TURN.none)
  })
})
