import { describe, expect, it } from 'vitest'
import { recountCoverage, type Roster } from '../core/contracts/index.js'
import { adherenceOf, shiftsOnDay } from './adherence.js'

// A 09:00–17:00 shift with a 12:00–13:00 lunch: 480 minutes in shift, 420 of them working.
const shift = { start: 540, end: 1020, breaks: [{ start: 720, end: 780 }] }
const ev = (hhmm: string, type: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return { minute: h * 60 + m, type: `agent.${type}` }
}

describe('adherence', () => {
  it('is 100 % for an agent who follows the schedule to the minute', () => {
    const a = adherenceOf(
      'a',
      [shift],
      [ev('09:00', 'login'), ev('12:00', 'not_ready'), ev('13:00', 'ready'), ev('17:00', 'logout')],
    )
    expect(a).toMatchObject({ scheduled_min: 480, scheduled_work_min: 420, adherent_min: 480, worked_min: 420 })
    expect(a.adherence).toBe(1)
    expect(a.conformance).toBe(1)
    expect(a.intervals.find((i) => i.minute === 720)).toMatchObject({ scheduled: 'break', actual: 'break' })
  })

  it('counts late login, long lunch and overtime', () => {
    // 30 min late, lunch 12:00–13:30 (30 min over), works on until 18:00 (60 min past the shift).
    const a = adherenceOf(
      'b',
      [shift],
      [
        ev('09:30', 'login'),
        ev('12:00', 'not_ready'),
        ev('13:30', 'ready'),
        ev('15:00', 'wrap_up'), // still working
        ev('18:00', 'logout'),
      ],
    )
    // In the shift: 09:00–09:30 off (scheduled work), 13:00–13:30 on a break (scheduled work): 60 min out.
    expect(a.adherent_min).toBe(420)
    expect(a.adherence).toBeCloseTo(420 / 480, 4)
    // Worked 09:30–12:00 and 13:30–18:00: 150 + 270 = 420 of 420 scheduled working minutes.
    expect(a.worked_min).toBe(420)
    expect(a.conformance).toBe(1)
    const late = a.intervals.find((i) => i.minute === 540)!
    expect(late).toMatchObject({ scheduled: 'work', actual: 'off', scheduled_min: 15, adherent_min: 0 })
    expect(a.intervals.find((i) => i.minute === 570)).toMatchObject({ actual: 'work', adherent_min: 15 })
    // After the shift, work counts toward conformance but not adherence.
    expect(a.intervals.find((i) => i.minute === 1020)).toMatchObject({
      scheduled: 'off',
      scheduled_min: 0,
      worked_min: 15,
    })
  })

  it('splits intervals at the minute an event happens, and takes the state left from the day before', () => {
    const a = adherenceOf('c', [shift], [ev('08:00', 'login'), { minute: 547, type: 'agent.not_ready' }])
    // Logged in since 08:00; not ready from 09:07 to the end: 7 adherent minutes, then the lunch hour matches.
    expect(a.intervals.find((i) => i.minute === 540)).toMatchObject({ adherent_min: 7, worked_min: 7 })
    expect(a.adherent_min).toBe(7 + 60)
    expect(a.worked_min).toBe(60 + 7)
    const carried = adherenceOf('d', [shift], [{ minute: -60, type: 'agent.login' }])
    expect(carried.worked_min).toBe(1440)
    expect(carried.adherent_min).toBe(420)
  })

  it('counts today only up to now, and reports null with nothing scheduled', () => {
    const a = adherenceOf('e', [shift], [ev('09:00', 'login')], { untilMinute: 600 })
    expect(a).toMatchObject({ scheduled_min: 60, adherent_min: 60, adherence: 1, conformance: 1 })
    const off = adherenceOf('f', [], [ev('09:00', 'login')])
    expect(off.adherence).toBeNull()
    expect(off.conformance).toBeNull()
    expect(off.worked_min).toBe(900)
  })

  it("takes a night shift's part after midnight from the day before", () => {
    const agent = { shifts: [{ day: 0, start: 1320, end: 1800, template: 'n', paidHours: 8, breaks: [] }] }
    expect(shiftsOnDay(agent, 1)).toEqual([{ start: -120, end: 360, breaks: [] }])
    expect(shiftsOnDay(agent, 2)).toEqual([])
  })
})

describe('recountCoverage', () => {
  it('recounts agents on duty after a shift is removed', () => {
    const s = (start: number) => ({
      day: 0,
      start,
      end: start + 60,
      template: 'x',
      paidHours: 1,
      breaks: [{ name: 'b', start: start + 30, end: start + 45, paid: true }],
    })
    const roster = {
      intervalMinutes: 15,
      days: 1,
      skills: ['*'],
      coverage: [0, 15, 30, 45].map((m) => ({
        day: 0,
        minute: 540 + m,
        skill: '*',
        required: 1,
        scheduled: 0,
        under: 0,
        over: 0,
      })),
      totals: { shiftCost: 0 },
    } as unknown as Roster
    const costs = { understaffed: 10, overstaffed: 1 }
    const agents = [
      { id: 'a', skills: [], paidHours: 1, shifts: [s(540)] },
      { id: 'b', skills: [], paidHours: 1, shifts: [s(540)] },
    ]
    const both = recountCoverage(roster, agents, costs)
    expect(both.coverage.map((c) => c.scheduled)).toEqual([2, 2, 0, 2])
    expect(both.totals).toMatchObject({ understaffedHours: 0.25, overstaffedHours: 0.75, total: 3.25, shifts: 2 })
    const one = recountCoverage(roster, [agents[0], { ...agents[1], shifts: [] }], costs)
    expect(one.coverage.map((c) => c.under)).toEqual([0, 0, 1, 0])
    expect(one.totals).toMatchObject({ paidHours: 1, overstaffedHours: 0, understaffedCost: 2.5 })
    expect(one.agents[1].paidHours).toBe(0)
  })
})
