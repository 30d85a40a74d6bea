import { describe, it, expect } from 'vitest'
import { forecastSeries } from './forecast.js'
import { parseLocalTimestamp } from './series.js'
import { syntheticSeries } from './test-helpers/synthetic.js'

const history = syntheticSeries(120, 15, 7)
const at = (s: string) => parseLocalTimestamp(s) as number
// History ends on 2024-04-29 (day 120 from 2024-01-01 is a Tuesday 04-30, not included).
const targets = [
  '2024-04-30T07:45',
  '2024-04-30T08:00',
  '2024-04-30T12:30',
  '2024-05-04T12:00',
  '2024-05-01T12:30',
].map(at)

describe('forecastSeries', () => {
  it('returns a forecast and interval per target, zero when closed', () => {
    const r = forecastSeries(history, targets)
    expect(r.interval).toBe(15)
    expect(r.rows).toHaveLength(5)
    const [early, open, noon, saturday] = r.rows
    expect(early).toEqual({ t: targets[0], forecast: 0, lo: 0, hi: 0 })
    expect(saturday.forecast).toBe(0)
    expect(open.forecast).toBeGreaterThan(10)
    expect(noon.forecast).toBeGreaterThan(open.forecast)
    expect(noon.lo).toBeLessThan(noon.forecast)
    expect(noon.hi).toBeGreaterThan(noon.forecast)
  })

  it('is deterministic and honours an explicit method', () => {
    expect(forecastSeries(history, targets)).toEqual(forecastSeries(history, targets))
    expect(forecastSeries(history, targets, { method: 'seasonal_naive' }).method).toBe('seasonal_naive')
    expect(() => forecastSeries(history, targets, { method: 'magic' })).toThrow(/unknown method "magic"/)
  })

  it('applies special days: closed, or scaled', () => {
    // The closure on 04-30 also moves the month's last business day (to 04-29), which day_level's calendar
    // effects see, so the scaled day is compared with the forecast that knows about the closure.
    const plain = forecastSeries(history, targets, { specialDays: [{ date: '2024-04-30', factor: 0 }] }).rows[4]
      .forecast
    const special = forecastSeries(history, targets, {
      specialDays: [
        { date: '2024-04-30', factor: 0 },
        { date: '2024-05-01', factor: 0.5 },
      ],
    })
    expect(special.rows[2].forecast).toBe(0)
    expect(special.rows[4].forecast).toBeCloseTo(plain * 0.5, 6)
  })

  it('80% intervals cover about 80% of a fresh week from the same process', () => {
    const all = syntheticSeries(127, 15, 11)
    const cut = at('2024-04-29T00:00')
    const future = all.filter((p) => p.t >= cut)
    const r = forecastSeries(
      all.filter((p) => p.t < cut),
      future.map((p) => p.t),
    )
    const inside = r.rows.filter((row, i) => future[i].count >= row.lo && future[i].count <= row.hi).length
    expect(inside / future.length).toBeGreaterThan(0.7)
    expect(inside / future.length).toBeLessThan(0.92)
  })
})
