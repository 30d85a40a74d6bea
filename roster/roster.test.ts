import { describe, expect, it } from 'vitest'
import { buildRoster, RosterInfeasibleError, RosterInputError } from './index.js'
import type { AgentSpec, Requirement, Roster, RosterInput, RosterRules } from './types.js'

/** `n` agents needed every 15 minutes from `from` to `to` (HH as numbers) on the given days. */
function flat(n: number, from: number, to: number, days: number[] = [0], skill?: string): Requirement[] {
  const out: Requirement[] = []
  for (const day of days)
    for (let m = from * 60; m < to * 60; m += 15) out.push({ day, minute: m, required: n, ...(skill ? { skill } : {}) })
  return out
}

const agents = (n: number, extra: Partial<AgentSpec> = {}): AgentSpec[] =>
  Array.from({ length: n }, (_, i) => ({ id: `a${i + 1}`, ...extra }))

const dayShift: RosterRules = {
  shifts: [{ name: 'day', starts: { from: '06:00', to: '12:00', every: 30 }, length: '8h' }],
  daysOff: { count: 0 },
}

const opts = { timeLimitSeconds: 20 }

/** Agents on duty per interval (on shift, not on a break), recomputed from the roster itself. */
function onDuty(r: Roster, day: number, minute: number): number {
  let n = 0
  for (const a of r.agents)
    for (const s of a.shifts) {
      const at = (day - s.day) * 1440 + minute
      if (at >= s.start && at < s.end && !s.breaks.some((b) => at >= b.start && at < b.end)) n++
    }
  return n
}

async function infeasible(input: RosterInput): Promise<RosterInfeasibleError> {
  const err = await buildRoster(input, opts).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(RosterInfeasibleError)
  return err as RosterInfeasibleError
}

async function badInput(input: RosterInput): Promise<RosterInputError> {
  const err = await buildRoster(input, opts).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(RosterInputError)
  return err as RosterInputError
}

describe('buildRoster: known optima', () => {
  it('a flat requirement of 2 over 8 hours with 8-hour shifts takes exactly 2 agents, with no slack', async () => {
    const r = await buildRoster({ days: 1, requirements: flat(2, 9, 17), agents: agents(5), rules: dayShift }, opts)
    expect(r.status).toBe('optimal')
    const working = r.agents.filter((a) => a.shifts.length)
    expect(working).toHaveLength(2)
    for (const a of working) expect(a.shifts[0]).toMatchObject({ day: 0, start: 9 * 60, end: 17 * 60, paidHours: 8 })
    expect(r.totals).toMatchObject({ understaffedHours: 0, overstaffedHours: 0, total: 0, requiredHours: 16 })
    expect(r.gap).toBe(0)
    expect(r.coverage.filter((c) => c.required > 0).every((c) => c.scheduled === 2)).toBe(true)
  })

  it('too few agents leaves a known shortfall at the planner’s cost', async () => {
    const r = await buildRoster(
      {
        days: 1,
        requirements: flat(3, 9, 17),
        agents: agents(2),
        rules: { ...dayShift, costs: { understaffed: 10, overstaffed: 1 } },
      },
      opts,
    )
    expect(r.totals.understaffedHours).toBe(8)
    expect(r.totals.total).toBe(80)
    expect(r.agents.every((a) => a.shifts[0]?.start === 9 * 60)).toBe(true)
  })

  it('shift costs count: a cheaper template wins when coverage is equal', async () => {
    const r = await buildRoster(
      {
        days: 1,
        requirements: flat(1, 9, 17),
        agents: agents(2),
        rules: {
          shifts: [
            { name: 'dear', starts: ['09:00'], length: '8h', cost: 5 },
            { name: 'cheap', starts: ['09:00'], length: '8h', cost: 2 },
          ],
          daysOff: { count: 0 },
        },
      },
      opts,
    )
    expect(r.agents.flatMap((a) => a.shifts.map((s) => s.template))).toEqual(['cheap'])
    expect(r.totals.shiftCost).toBe(2)
  })

  it('multi-skilled agents cover either skill', async () => {
    const r = await buildRoster(
      {
        days: 1,
        requirements: [...flat(1, 9, 17, [0], 'voice'), ...flat(1, 9, 17, [0], 'chat')],
        agents: [
          { id: 'v', skills: ['voice'] },
          { id: 'both', skills: ['voice', 'chat'] },
          { id: 'c2', skills: ['voice'] },
        ],
        rules: dayShift,
      },
      opts,
    )
    expect(r.totals.understaffedHours).toBe(0)
    expect(r.totals.overstaffedHours).toBe(0)
    expect(r.agents.find((a) => a.id === 'both')!.shifts).toHaveLength(1)
  })
})

describe('buildRoster: rules respected', () => {
  it('places a break where the requirement dips, inside its window', async () => {
    const requirements = flat(1, 9, 17).map((r) => (r.minute === 11 * 60 ? { ...r, required: 0 } : r))
    const r = await buildRoster(
      {
        days: 1,
        requirements,
        agents: agents(1),
        rules: {
          shifts: [{ name: 'day', starts: ['09:00'], length: '8h' }],
          breaks: [{ name: 'break', length: '15m', earliest: '1h30m', latest: '3h' }],
          daysOff: { count: 0 },
        },
      },
      opts,
    )
    expect(r.agents[0].shifts[0].breaks).toEqual([{ name: 'break', start: 11 * 60, end: 11 * 60 + 15, paid: true }])
    expect(r.totals.total).toBe(0)
  })

  it('keeps every break and lunch in its window, in order, on the grid, and counts them in coverage', async () => {
    const rules: RosterRules = {
      shifts: [{ name: 'day', starts: { from: '07:00', to: '12:00', every: 30 }, length: '9h' }],
      breaks: [
        { name: 'break', length: '15m', earliest: '1h30m', latest: '2h30m' },
        { name: 'lunch', length: '1h', earliest: '3h', latest: '5h', paid: false },
        { name: 'break', length: '15m', earliest: '5h30m', latest: '7h30m' },
      ],
      daysOff: { count: 0 },
    }
    const r = await buildRoster({ days: 2, requirements: flat(6, 8, 20, [0, 1]), agents: agents(10), rules }, opts)
    const windows = [
      [90, 150],
      [180, 300],
      [330, 450],
    ]
    let shifts = 0
    for (const a of r.agents)
      for (const s of a.shifts) {
        shifts++
        expect(s.paidHours).toBe(8)
        expect(s.breaks.map((b) => b.name)).toEqual(['break', 'lunch', 'break'])
        s.breaks.forEach((b, i) => {
          expect(b.start - s.start).toBeGreaterThanOrEqual(windows[i][0])
          expect(b.start - s.start).toBeLessThanOrEqual(windows[i][1])
          expect(b.start % 15).toBe(0)
          if (i > 0) expect(b.start).toBeGreaterThanOrEqual(s.breaks[i - 1].end)
        })
      }
    expect(shifts).toBeGreaterThan(0)
    for (const c of r.coverage) expect(c.scheduled).toBe(onDuty(r, c.day, c.minute))
  })

  it('splits overlapping break windows so breaks stay in order, and says so', async () => {
    const r = await buildRoster(
      {
        days: 1,
        requirements: flat(2, 8, 17),
        agents: agents(3),
        rules: {
          shifts: [{ name: 'day', starts: ['08:00', '09:00'], length: '8h' }],
          breaks: [
            { name: 'break', length: '15m', earliest: '2h', latest: '3h' },
            { name: 'lunch', length: '30m', earliest: '2h30m', latest: '4h30m' },
          ],
          daysOff: { count: 0 },
        },
      },
      opts,
    )
    expect(r.warnings.join()).toMatch(/"break" and "lunch" overlap/)
    for (const s of r.agents.flatMap((a) => a.shifts)) expect(s.breaks[1].start).toBeGreaterThanOrEqual(s.breaks[0].end)
  })

  it('gives every agent the days off asked for, two of them consecutive', async () => {
    const r = await buildRoster(
      {
        days: 7,
        requirements: flat(4, 9, 17, [0, 1, 2, 3, 4, 5, 6]),
        agents: agents(6),
        rules: { ...dayShift, daysOff: { count: 2, consecutive: true } },
      },
      opts,
    )
    for (const a of r.agents) {
      const worked = new Set(a.shifts.map((s) => s.day))
      expect(worked.size).toBeLessThanOrEqual(5)
      const offPair = [0, 1, 2, 3, 4, 5].some((d) => !worked.has(d) && !worked.has(d + 1))
      expect(offPair).toBe(true)
    }
    // 6 agents × 5 days = 30 shifts for 28 needed: no shortfall.
    expect(r.totals.understaffedHours).toBe(0)
  })

  it('respects availability (days and hours), weekly hours and rest between shifts', async () => {
    const r = await buildRoster(
      {
        days: 7,
        requirements: flat(3, 6, 22, [0, 1, 2, 3, 4, 5, 6]),
        agents: [
          { id: 'weekdays', unavailable: ['sat-sun'] },
          { id: 'mornings', unavailable: ['14:00-24:00'] },
          { id: 'tue-thu', available: ['tue-thu'] },
          { id: 'part', minHours: 16, maxHours: 16 },
          ...agents(2),
        ],
        rules: {
          shifts: [{ name: 'day', starts: { from: '06:00', to: '14:00', every: 60 }, length: '8h' }],
          daysOff: { count: 2 },
          hours: { min: 0, max: 40 },
          minRestHours: 14,
        },
      },
      opts,
    )
    const by = (id: string) => r.agents.find((a) => a.id === id)!
    expect(by('weekdays').shifts.every((s) => s.day < 5)).toBe(true)
    expect(by('mornings').shifts.every((s) => s.end <= 14 * 60)).toBe(true)
    expect(by('tue-thu').shifts.every((s) => s.day >= 1 && s.day <= 3)).toBe(true)
    expect(by('part').paidHours).toBe(16)
    for (const a of r.agents) {
      expect(a.paidHours).toBeLessThanOrEqual(40)
      const sorted = [...a.shifts].sort((x, y) => x.day - y.day)
      for (let i = 1; i < sorted.length; i++) {
        const rest = sorted[i].day * 1440 + sorted[i].start - (sorted[i - 1].day * 1440 + sorted[i - 1].end)
        expect(rest).toBeGreaterThanOrEqual(14 * 60)
      }
    }
  })
})

describe('buildRoster: infeasible input names the binding constraint', () => {
  const week = flat(2, 9, 17, [0, 1, 2, 3, 4, 5, 6])

  it('contradictory minimum and maximum hours', async () => {
    const err = await infeasible({
      requirements: week,
      agents: [...agents(2), { id: 'x', minHours: 40, maxHours: 30 }],
      rules: dayShift,
    })
    expect(err.constraint).toBe('hours.min')
    expect(err.conflicts).toEqual([expect.objectContaining({ constraint: 'hours.min', agent: 'x' })])
    expect(err.message).toMatch(/agent x: minimum weekly hours \(40 h\) above the maximum \(30 h\)/)
  })

  it('a minimum of hours that availability and days off cannot reach', async () => {
    const err = await infeasible({
      requirements: week,
      agents: [{ id: 'busy', unavailable: ['mon-thu'] }, ...agents(2)],
      rules: { ...dayShift, daysOff: { count: 2 }, hours: { min: 32 } },
    })
    expect(err.conflicts[0]).toMatchObject({ constraint: 'hours.min', agent: 'busy' })
    expect(err.message).toMatch(/at most 24 h fit/)
  })

  it('hours that no combination of shift lengths gives', async () => {
    const err = await infeasible({
      requirements: week,
      agents: [{ id: 'odd', minHours: 33, maxHours: 35 }],
      rules: dayShift,
    })
    expect(err.conflicts[0]).toMatchObject({ agent: 'odd', constraint: 'hours.min' })
    expect(err.conflicts[0].message).toMatch(
      /relaxing any one of these would: minimum 33 h a week; maximum 35 h a week/,
    )
  })

  it('consecutive days off that availability rules out', async () => {
    const err = await infeasible({
      requirements: week,
      agents: [{ id: 'gaps', unavailable: ['tue', 'thu'] }],
      rules: { ...dayShift, daysOff: { count: 2, consecutive: true }, hours: { min: 40 } },
    })
    expect(err.conflicts[0].agent).toBe('gaps')
    expect(err.conflicts[0].message).toMatch(/two consecutive days off/)
    expect(err.conflicts[0].message).toMatch(/availability \(unavailable tue, thu\)/)
  })

  it('too few agents for a hard requirement: which skill, day and time', async () => {
    const err = await infeasible({
      days: 1,
      requirements: [...flat(3, 9, 17, [0], 'voice'), ...flat(1, 9, 17, [0], 'chat')],
      agents: [
        { id: 'v1', skills: ['voice'] },
        { id: 'v2', skills: ['voice'] },
        { id: 'c', skills: ['chat'] },
      ],
      rules: { ...dayShift, hardCoverage: true },
    })
    expect(err.constraint).toBe('hardCoverage')
    expect(err.conflicts).toEqual([
      expect.objectContaining({ constraint: 'hardCoverage', skill: 'voice', day: 0, minute: 540 }),
    ])
    expect(err.message).toMatch(/skill voice, Mon 09:00–17:00: up to 1 more agents needed/)
  })

  it('hard coverage that only the rules (not the headcount) rule out', async () => {
    // Two agents could cover 09:00–17:00, but each must take a 1-hour unpaid lunch with one possible start.
    const err = await infeasible({
      days: 1,
      requirements: flat(2, 9, 17),
      agents: agents(2),
      rules: {
        shifts: [{ name: 'day', starts: ['09:00'], length: '8h' }],
        breaks: [{ name: 'lunch', length: '1h', earliest: '3h', latest: '3h', paid: false }],
        daysOff: { count: 0 },
        hardCoverage: true,
      },
    })
    expect(err.conflicts[0]).toMatchObject({ constraint: 'hardCoverage', day: 0, minute: 12 * 60 })
    expect(err.message).toMatch(/Mon 12:00–13:00: short by up to 2 agents/)
  })
})

describe('buildRoster: bad input names the field', () => {
  const ok = (): RosterInput => ({
    days: 1,
    requirements: flat(1, 9, 17),
    agents: agents(1),
    rules: structuredClone(dayShift),
  })

  it.each([
    ['a negative requirement', (i: RosterInput) => (i.requirements[3].required = -1), 'requirements[3].required'],
    ['a time off the grid', (i: RosterInput) => (i.requirements[0].minute = 545), 'requirements[0].minute'],
    ['a malformed shift length', (i: RosterInput) => (i.rules.shifts[0].length = '8 hours'), 'rules.shifts[0].length'],
    ['a shift longer than a day', (i: RosterInput) => (i.rules.shifts[0].length = '25h'), 'rules.shifts[0].length'],
    ['a bad start time', (i: RosterInput) => (i.rules.shifts[0].starts = ['9am']), 'rules.shifts[0].starts[0]'],
    [
      'a break that does not fit its shift',
      (i: RosterInput) => (i.rules.breaks = [{ name: 'lunch', length: '1h', earliest: '8h', latest: '9h' }]),
      'rules.shifts[0].length',
    ],
    ['an unknown shift template', (i: RosterInput) => (i.agents[0].shifts = ['night']), 'agents[0].shifts[0]'],
    ['an unknown day', (i: RosterInput) => (i.agents[0].unavailable = ['funday']), 'agents[0].unavailable[0]'],
    ['a duplicate agent id', (i: RosterInput) => i.agents.push({ id: 'a1' }), 'agents[1].id'],
    ['a bad interval length', (i: RosterInput) => (i.rules.intervalMinutes = 7), 'rules.intervalMinutes'],
  ])('%s', async (_, spoil, field) => {
    const input = ok()
    spoil(input)
    expect((await badInput(input)).field).toBe(field)
  })

  it('an unknown skill', async () => {
    const err = await badInput({
      days: 1,
      requirements: flat(1, 9, 17, [0], 'sales'),
      agents: [{ id: 'a', skills: ['salse'] }],
      rules: dayShift,
    })
    expect(err.field).toBe('agents[0].skills[0]')
    expect(err.message).toBe('agents[0].skills[0]: unknown skill "salse" (known: sales)')
  })
})
