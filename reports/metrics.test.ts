import { describe, expect, it } from 'vitest'
import { metricValues, type Sums } from './metrics.js'

const sums = (s: Record<string, number>): Sums => ({ customers: 0, ...s }) as Sums

describe('report metrics from sums', () => {
  it('counts each contact once, or every leg when narrowed to a queue, team or site', () => {
    const s = sums({ offered: 10, offered_legs: 12, answered: 8, answered_legs: 10, abandoned: 2, abandoned_legs: 2 })
    expect(metricValues(s, false).offered).toBe(10)
    expect(metricValues(s, true).offered).toBe(12)
    expect(metricValues(s, false).abandon_rate).toBe(20)
    expect(metricValues(s, true).abandon_rate).toBe(16.7)
  })

  it('is null where there is nothing to divide by, and rounds by unit', () => {
    const v = metricValues(sums({ handled: 3, talk_ms: 1000, hold_ms: 0, wrap_ms: 0, logged_in_ms: 5_400_000 }), false)
    expect(v.aht).toBe(0.3) // seconds: 1 decimal
    expect(v.csat).toBeNull()
    expect(v.fcr).toBeNull()
    expect(v.logged_in_hours).toBe(1.5) // hours: 2 decimals
    expect(v.sla_breaches).toBe(0)
  })

  it('caps occupancy at 100 % and adds the SLA breaches of every priority', () => {
    const v = metricValues(
      sums({ busy_ms: 900, wrap_state_ms: 200, ready_ms: 800, sla_breaches_urgent: 1, sla_breaches_low: 2 }),
      false,
    )
    expect(v.occupancy).toBe(100)
    expect(v.sla_breaches).toBe(3)
  })
})
