/**
 * Per-skill rosters with known optima: the solver must put multi-skilled agents where only they can help, both with
 * few skills (Hall's conditions exact) and with more (a relaxation in the shift stage, costed exactly afterwards).
 */
import { describe, expect, it } from 'vitest'
import { recountCoverage } from '../core/contracts/index.js'
import { buildRoster } from './index.js'
import type { AgentSpec, Requirement, RosterRules } from './types.js'

/** `n` agents of `skill` needed every 15 minutes from 09:00 to 17:00 on day 0. */
const need = (skill: string, n: number): Requirement[] =>
  Array.from({ length: 32 }, (_, i) => ({ day: 0, minute: 540 + 15 * i, skill, required: n }))

const rules: RosterRules = {
  shifts: [{ name: 'day', starts: { from: '06:00', to: '12:00', every: 30 }, length: '8h' }],
  daysOff: { count: 0 },
}
const opts = { timeLimitSeconds: 20 }

describe('buildRoster per skill: known optima', () => {
  it('puts the flexible agent on repair, the one queue the specialists cannot fill', async () => {
    // Repair needs 2, sales 1. Only r1 and flex have repair: both work, flex on repair; one salesperson works.
    const agents: AgentSpec[] = [
      { id: 'flex', skills: ['repair', 'sales'] },
      { id: 's1', skills: ['sales'] },
      { id: 's2', skills: ['sales'] },
      { id: 'r1', skills: ['repair'] },
    ]
    const r = await buildRoster(
      { days: 1, requirements: [...need('repair', 2), ...need('sales', 1)], agents, rules },
      opts,
    )
    const working = r.agents.filter((a) => a.shifts.length).map((a) => a.id)
    expect(working).toHaveLength(3)
    expect(working).toEqual(expect.arrayContaining(['flex', 'r1']))
    for (const a of r.agents.filter((x) => x.shifts.length))
      expect(a.shifts[0]).toMatchObject({ start: 540, end: 1020 })
    expect(r.totals).toMatchObject({ understaffedHours: 0, overstaffedHours: 0, total: 0 })
    const open = r.coverage.filter((c) => c.minute >= 540 && c.minute < 1020)
    expect(open.filter((c) => c.skill === 'repair').every((c) => c.scheduled === 2)).toBe(true)
    expect(open.filter((c) => c.skill === 'sales').every((c) => c.scheduled === 1)).toBe(true)
    expect(r.status).toBe('optimal')
  })

  it('with four queues, staffs each with an agent that has it, and the roster’s own coverage agrees', async () => {
    // One agent each for q1…q4. Agents form a chain q1–q2–q3–q4 plus a q2-only specialist and a q1-only one:
    // the cheapest full cover uses 4 agents, and a wrong choice (both specialists and the wrong chain links) leaves a
    // queue short.
    const agents: AgentSpec[] = [
      { id: 'a', skills: ['q1', 'q2'] },
      { id: 'b', skills: ['q2', 'q3'] },
      { id: 'c', skills: ['q3', 'q4'] },
      { id: 'p', skills: ['q2'] },
      { id: 'o', skills: ['q1'] },
    ]
    const requirements = ['q1', 'q2', 'q3', 'q4'].flatMap((q) => need(q, 1))
    const r = await buildRoster({ days: 1, requirements, agents, rules }, opts)
    expect(r.totals).toMatchObject({ understaffedHours: 0, overstaffedHours: 0, total: 0 })
    expect(r.agents.filter((a) => a.shifts.length).map((a) => a.id)).toContain('c') // the only one with q4
    // The page and the server recount the same coverage from the shifts.
    const again = recountCoverage(r, r.agents, { understaffed: 10, overstaffed: 1 })
    expect(again.coverage.map((c) => c.scheduled)).toEqual(r.coverage.map((c) => c.scheduled))
  })

  it('leaves a queue nobody has short and says so, without failing', async () => {
    const r = await buildRoster(
      {
        days: 1,
        requirements: [...need('repair', 1), ...need('vip', 1)],
        agents: [{ id: 'r', skills: ['repair'] }],
        rules,
      },
      opts,
    )
    expect(r.totals.understaffedHours).toBe(8)
    expect(r.warnings.join()).toMatch(/skill "vip" has requirements but no agent has it/)
  })
})
