import { describe, expect, it } from 'vitest'
import { addRows, addWindows, ratio1 } from './rows.js'
import type { DimensionMetrics, WindowMetrics } from './snapshot.js'

const w = (x: Partial<WindowMetrics>): WindowMetrics => ({ ...addWindows([]), ...x })
const row = (x: Partial<WindowMetrics>, extra: Partial<DimensionMetrics> = {}): DimensionMetrics => ({
  waiting: 0,
  longest_wait_s: 0,
  target: { percent: 80, seconds: 60 },
  windows: { today: w(x) },
  ...extra,
})

describe('rows added up', () => {
  it('adds the counts and recomputes the rates from them, by the one rounding rule', () => {
    const a = row(
      { answered: 39, answered_in_sl: 31, abandoned: 9, asa_s: 10, handled: 30, aht_s: 300 },
      { waiting: 2, longest_wait_s: 40 },
    )
    const b = row(
      { answered: 9, answered_in_sl: 8, abandoned: 0, asa_s: 20, handled: 10, aht_s: 100 },
      { waiting: 1, longest_wait_s: 90 },
    )
    const sum = addRows([a, b])
    expect(sum.windows.today).toMatchObject({
      answered: 48,
      answered_in_sl: 39,
      abandoned: 9,
      sl_pct: ratio1(100 * 39, 57), // 68.4
      abandon_pct: 15.8,
      asa_s: 11.9, // (39 × 10 + 9 × 20) / 48
      aht_s: 250, // (30 × 300 + 10 × 100) / 40
    })
    expect([sum.waiting, sum.longest_wait_s]).toEqual([3, 90])
    expect(addRows([a])).toBe(a)
  })

  it('adds the ticket backlog and the resolutions within and past their target', () => {
    const a = row(
      { tickets_resolved_in_sla: 3, tickets_resolved_late: 1 },
      { tickets: { open: 4, overdue: 1, oldest_open_s: 60 } },
    )
    const b = row({ tickets_resolved_in_sla: 1, tickets_resolved_late: 0 })
    const sum = addRows([a, b])
    expect(sum.windows.today.ticket_sl_pct).toBe(80)
    expect(sum.tickets).toEqual({ open: 4, overdue: 1, oldest_open_s: 60 })
    expect(addRows([b, b]).tickets).toBeUndefined()
  })
})
