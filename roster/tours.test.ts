import { describe, expect, it } from 'vitest'
import type { ShiftType } from './problem.js'
import { parseWindow } from './time.js'
import { bestTours, type TourRules } from './tours.js'

const shift = (start: number, length: number, paidMinutes = length): ShiftType => ({
  template: `s${start}`,
  start,
  length,
  st: start / 15,
  len: length / 15,
  paidMinutes,
  cost: 0,
  breaks: [],
  days: [],
})

/** Every week of "off or one allowed shift" per day, checked against the rules one by one. */
function bruteForce(shifts: ShiftType[], rules: TourRules, value: (d: number, s: number) => number) {
  const D = rules.allowed.length
  let best = Infinity
  const walk = (d: number, tour: number[]) => {
    if (d === D) {
      const worked = tour.filter((s) => s >= 0)
      const paid = worked.reduce((sum, s) => sum + shifts[s].paidMinutes, 0)
      if (D - worked.length < rules.daysOff || paid < rules.minMinutes || paid > rules.maxMinutes) return
      if (rules.consecutive && !tour.some((s, i) => i + 1 < D && s < 0 && tour[i + 1] < 0)) return
      for (let i = 0; i < D; i++)
        for (let j = i + 1; j < D; j++) {
          if (tour[i] < 0 || tour[j] < 0) continue
          const end = i * 1440 + shifts[tour[i]].start + shifts[tour[i]].length
          if (j * 1440 + shifts[tour[j]].start < end + rules.restMinutes) return
        }
      best = Math.min(
        best,
        tour.reduce((sum, s, day) => sum + (s < 0 ? 0 : value(day, s)), 0),
      )
      return
    }
    for (const s of [-1, ...rules.allowed[d]]) walk(d + 1, [...tour, s])
  }
  walk(0, [])
  return best
}

describe('bestTours', () => {
  const shifts = [shift(360, 480), shift(600, 480, 450), shift(840, 600), shift(1320, 540)] // incl. a night shift
  const cases: [string, Partial<TourRules>][] = [
    ['no rules', {}],
    ['days off, consecutive', { daysOff: 2, consecutive: true }],
    ['hours window', { minMinutes: 1400, maxMinutes: 1900 }],
    ['rest 11 h', { restMinutes: 660 }],
    ['everything', { daysOff: 2, consecutive: true, minMinutes: 1200, maxMinutes: 2000, restMinutes: 720 }],
  ]
  it.each(cases)('finds the cheapest week exactly: %s', (_, extra) => {
    const rules: TourRules = {
      allowed: [
        [0, 1, 2, 3],
        [0, 1, 2, 3],
        [0, 2],
        [1, 3],
        [0, 1, 2, 3],
        [2, 3],
      ],
      minMinutes: 0,
      maxMinutes: Infinity,
      daysOff: 0,
      consecutive: false,
      restMinutes: 0,
      ...extra,
    }
    // Prices like column generation's: some shifts pay off, some cost.
    const value = (d: number, s: number) => Math.sin(d * 3.1 + s * 1.7) * 5 - 1
    const got = bestTours(shifts, 15, rules, value, 3)
    const want = bruteForce(shifts, rules, value)
    expect(got[0]?.cost ?? Infinity).toBeCloseTo(want, 9)
    for (const { tour, cost } of got) {
      expect(
        bruteForce(
          shifts,
          { ...rules, allowed: rules.allowed.map((_, d) => (tour.shifts[d] < 0 ? [] : [tour.shifts[d]])) },
          value,
        ),
      ).toBeCloseTo(cost, 9)
    }
  })

  it('says when no week exists', () => {
    const rules: TourRules = {
      allowed: [[0], [], [0]],
      minMinutes: 1000,
      maxMinutes: Infinity,
      daysOff: 0,
      consecutive: false,
      restMinutes: 0,
    }
    expect(bestTours(shifts, 15, rules, () => 0)).toEqual([])
  })
})

describe('time windows', () => {
  it('reads days, ranges, times and windows past midnight', () => {
    expect(parseWindow('sat-sun', 7, 0, 'w')).toEqual([
      [5 * 1440, 6 * 1440],
      [6 * 1440, 7 * 1440],
    ])
    expect(parseWindow('tue,thu 13:00-17:00', 7, 0, 'w')).toEqual([
      [1440 + 780, 1440 + 1020],
      [3 * 1440 + 780, 3 * 1440 + 1020],
    ])
    expect(parseWindow('sun 22:00-06:00', 7, 0, 'w')).toEqual([[6 * 1440 + 1320, 7 * 1440 + 360]])
    // Day 0 a Wednesday: "mon" is day 5.
    expect(parseWindow({ days: ['mon'], from: '09:00', to: '12:00' }, 7, 2, 'w')).toEqual([
      [5 * 1440 + 540, 5 * 1440 + 720],
    ])
  })
})
