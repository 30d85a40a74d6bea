import { describe, expect, it } from 'vitest'
import { splitAmongSkills } from './skill-split.js'
import { recountCoverage, type AgentRoster, type Roster } from './roster.js'

describe('splitAmongSkills', () => {
  it('re-routes a flexible agent so a specialist can cover its own skill (a greedy split would not)', () => {
    // Skills: 0 = repair, 1 = sales. The flexible agent comes first and would take repair, leaving sales short.
    const groups = [
      { skills: [0, 1], agents: 1 },
      { skills: [0], agents: 1 },
    ]
    expect(splitAmongSkills(groups, [1, 1])).toEqual([1, 1])
  })

  it('takes fractional requirements, and counts the agents left over as surplus where there is least', () => {
    const counted = splitAmongSkills(
      [
        { skills: [0, 1], agents: 3 },
        { skills: [1], agents: 1 },
      ],
      [1.5, 0.5],
    )
    expect(counted[0] + counted[1]).toBeCloseTo(4)
    expect(counted[0]).toBeGreaterThanOrEqual(1.5)
    expect(counted[1]).toBeGreaterThanOrEqual(1)
  })

  it('leaves a skill nobody on duty has short, and counts agents without a roster skill nowhere', () => {
    expect(
      splitAmongSkills(
        [
          { skills: [0], agents: 2 },
          { skills: [], agents: 5 },
        ],
        [1, 3],
      ),
    ).toEqual([2, 0])
  })

  it('needs a path through two re-routings: A→x is full, x’s agent moves to y, y’s agent moves to z', () => {
    const groups = [
      { skills: [0], agents: 1 }, // only skill 0
      { skills: [0, 1], agents: 1 },
      { skills: [1, 2], agents: 1 },
    ]
    expect(splitAmongSkills(groups, [1, 1, 1])).toEqual([1, 1, 1])
  })
})

describe('recountCoverage per skill', () => {
  const shift = (day: number, start: number, end: number) => ({
    day,
    start,
    end,
    template: 't',
    paidHours: (end - start) / 60,
    breaks: [],
  })
  const rows = (skill: string, required: number) =>
    [0, 15, 30, 45].map((m) => ({ day: 0, minute: 540 + m, skill, required, scheduled: 0, under: 0, over: 0 }))
  const roster = {
    intervalMinutes: 15,
    days: 1,
    skills: ['repair', 'sales'],
    coverage: [...rows('repair', 1), ...rows('sales', 1)],
    totals: { shiftCost: 0 },
  } as unknown as Roster
  const costs = { understaffed: 10, overstaffed: 1 }

  it('counts each agent toward one skill it has, covering both queues when the skills allow it', () => {
    const agents: AgentRoster[] = [
      { id: 'flex', skills: ['repair', 'sales'], paidHours: 1, shifts: [shift(0, 540, 600)] },
      { id: 'rep', skills: ['repair'], paidHours: 1, shifts: [shift(0, 540, 600)] },
    ]
    const r = recountCoverage(roster, agents, costs)
    expect(r.coverage.map((c) => [c.skill, c.scheduled])).toEqual([
      ...rows('repair', 1).map(() => ['repair', 1]),
      ...rows('sales', 1).map(() => ['sales', 1]),
    ])
    expect(r.totals).toMatchObject({ understaffedHours: 0, overstaffedHours: 0, total: 0 })
  })

  it('leaves sales short when only repair agents are on duty, and counts the second one as surplus', () => {
    const agents: AgentRoster[] = [
      { id: 'r1', skills: ['repair'], paidHours: 1, shifts: [shift(0, 540, 600)] },
      { id: 'r2', skills: ['repair', 'chat'], paidHours: 1, shifts: [shift(0, 540, 600)] }, // chat: not on the roster
    ]
    const r = recountCoverage(roster, agents, costs)
    expect(r.coverage.filter((c) => c.skill === 'sales').every((c) => c.under === 1)).toBe(true)
    expect(r.coverage.filter((c) => c.skill === 'repair').every((c) => c.scheduled === 2 && c.over === 1)).toBe(true)
    expect(r.totals).toMatchObject({ understaffedHours: 1, overstaffedHours: 1, total: 11 })
  })
})
