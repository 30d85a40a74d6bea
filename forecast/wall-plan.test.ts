import { describe, expect, it } from 'vitest'
import type { RosterAnswer } from '../core/contracts/index.js'
import { fromLocalMinutes } from '../kits/time/index.js'
import { wallPlanOf } from './wall-plan.js'

const TZ = 'Asia/Shanghai'
const DAY = Date.UTC(2026, 10, 3) / 60_000 // local minutes of 2026-11-03 00:00, the plan's day
const at = (m: number) => fromLocalMinutes(DAY + m, TZ)

describe('wallPlanOf', () => {
  it('sums forecasts and re-forecasts per series, and takes the shifts touching the day from the roster', () => {
    const forecasts = [
      { tenant: 'demo', queue: 'repair', channel: 'voice', t: at(540), forecast: 10 },
      { tenant: 'demo', queue: 'repair', channel: 'wechat', t: at(540), forecast: 4 },
      { tenant: 'demo', queue: 'sales', channel: 'voice', t: at(555), forecast: 3 },
    ]
    const re = (queue: string, channel: string, m: number, v: number) => ({
      tenant: 'demo',
      queue,
      channel,
      interval_start: at(m),
      reforecast: v,
      lo: v,
      hi: v,
      required_agents: 1,
      ratio: 1.2,
      generated_at: at(530),
    })
    const shift = (day: number, start: number, end: number) => ({
      day,
      start,
      end,
      template: 't',
      paidHours: 8,
      breaks: [{ name: 'b', start: start + 120, end: start + 135, paid: true }],
    })
    const roster = {
      week: '2026-11-02',
      version: 3,
      roster: {
        agents: [
          { id: 'a', skills: ['repair'], paidHours: 16, shifts: [shift(0, 1320, 1800), shift(1, 540, 1020)] },
          { id: 'b', skills: ['sales'], paidHours: 8, shifts: [shift(2, 540, 1020)] },
        ],
      },
    } as unknown as RosterAnswer
    const plan = wallPlanOf({
      tenant: 'demo',
      date: '2026-11-03',
      dayStart: at(0),
      dayEnd: at(1440),
      forecasts,
      reforecasts: [
        re('repair', 'voice', 540, 12),
        re('repair', 'wechat', 540, 5),
        { ...re('x', 'voice', 540, 9), tenant: 'other' },
      ],
      roster,
      timeZone: TZ,
      now: at(530),
    })
    expect(plan.series.all.forecast[36]).toBe(14)
    expect(plan.series.all.forecast[37]).toBe(3)
    expect(plan.series['queue:repair'].reforecast[36]).toBe(17)
    expect(plan.series['channel:wechat'].forecast[36]).toBe(4)
    expect(plan.series['queue:sales'].reforecast[36]).toBeNull()
    expect(plan.series.all.forecast).toHaveLength(96)
    // a: the night shift from Monday 22:00 (its part after midnight) and Tuesday's day shift; b works Wednesday.
    expect(plan.shifts).toEqual([
      { agent_id: 'a', start: at(-120), end: at(360), breaks: [{ start: at(0), end: at(15) }] },
      { agent_id: 'a', start: at(540), end: at(1020), breaks: [{ start: at(660), end: at(675) }] },
    ])
    expect(plan).toMatchObject({ roster_week: '2026-11-02', roster_version: 3, day_start: at(0), step_ms: 900_000 })
  })
})
