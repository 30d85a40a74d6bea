import { describe, it, expect } from 'vitest'
import { staff, staffingPlan } from './staffing.js'

const target = { serviceLevel: 0.8, threshold: 20 }

describe('staffing', () => {
  it('gives 14 agents and 20 scheduled for the classic example (30% shrinkage)', () => {
    const s = staff({ lambda: 100 / 1800, aht: 180 }, { ...target, maxOccupancy: 0.85 }, 0.3)
    expect(s).toMatchObject({ model: 'erlang_c', required: 14, scheduled: 20 })
    expect(s.erlangs).toBeCloseTo(10, 10)
  })

  it('raises agents to respect the occupancy cap', () => {
    // 2,000 Erlangs: 80/20 needs far fewer than 2,000 / 0.85 agents, so the cap decides.
    const s = staff({ lambda: 2000 / 180, aht: 180 }, { ...target, maxOccupancy: 0.85 })
    expect(s.required).toBe(Math.ceil(2000 / 0.85))
    expect(s.occupancy).toBeLessThanOrEqual(0.85)
  })

  it('finds the smallest count for very large loads, Erlang C and A', () => {
    const load = { lambda: 3000 / 180, aht: 180 }
    const c = staff(load, target)
    expect(c.serviceLevel).toBeGreaterThanOrEqual(0.8)
    expect(staff(load, { ...target, maxOccupancy: (c.required - 1) / c.required }).required).toBeGreaterThanOrEqual(
      c.required,
    )
    const a = staff(load, { ...target, patience: 180 })
    expect(a.required).toBeLessThanOrEqual(c.required)
    expect(a.serviceLevel).toBeGreaterThanOrEqual(0.8)
  })

  it('needs no agents for no volume', () => {
    expect(staff({ lambda: 0, aht: 180 }, target, 0.3)).toMatchObject({ required: 0, scheduled: 0 })
  })

  it('plans per forecast interval', () => {
    const plan = staffingPlan([{ forecast: 100 }, { forecast: 0 }, { forecast: 200 }], {
      intervalMinutes: 30,
      aht: 180,
      target,
      shrinkage: 0.3,
    })
    expect(plan.map((p) => p.staffing.scheduled)).toEqual([
      20,
      0,
      staff({ lambda: 200 / 1800, aht: 180 }, target, 0.3).scheduled,
    ])
  })
})
