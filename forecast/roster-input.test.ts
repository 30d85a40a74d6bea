import { describe, expect, it } from 'vitest'
import { agentsWithSkills, queueRequirements } from './roster-input.js'
import { fromLocalMinutes } from '../kits/time/index.js'

const TZ = 'Asia/Shanghai'
const DAY0 = Date.UTC(2026, 10, 2) / 60_000 // local minutes of 2026-11-02 00:00

describe('queueRequirements', () => {
  it('sums channels per queue and interval, and keeps only the days of the roster', () => {
    const t = (m: number) => fromLocalMinutes(DAY0 + m, TZ)
    const rows = [
      { queue: 'repair', t: t(540), required_agents: 2 },
      { queue: 'repair', t: t(540), required_agents: 1.333 }, // the queue's chat channel
      { queue: 'sales', t: t(540), required_agents: 1 },
      { queue: 'repair', t: t(1440 + 555), required_agents: 4 },
      { queue: 'repair', t: t(-15), required_agents: 9 }, // the day before
      { queue: 'repair', t: t(7 * 1440), required_agents: 9 }, // after the week
    ]
    expect(queueRequirements(rows, DAY0, 7, TZ)).toEqual([
      { day: 0, minute: 540, skill: 'repair', required: 3.33 },
      { day: 0, minute: 540, skill: 'sales', required: 1 },
      { day: 1, minute: 555, skill: 'repair', required: 4 },
    ])
  })
})

describe('agentsWithSkills', () => {
  it('takes the queues that hold at least 5 % of an agent’s contacts; none known: every queue', () => {
    const handled = [
      { agent_id: 'a1', queue: 'repair', contacts: 90 },
      { agent_id: 'a1', queue: 'sales', contacts: 9 },
      { agent_id: 'a1', queue: 'vip', contacts: 1 }, // 1 %: an overflow, not a skill
      { agent_id: 'a2', queue: 'tickets', contacts: 50 }, // not a queue of the roster
    ]
    expect(agentsWithSkills(['a1', 'a2', 'G01'], handled, ['repair', 'sales', 'vip'])).toEqual([
      { id: 'a1', skills: ['repair', 'sales'] },
      { id: 'a2', skills: ['repair', 'sales', 'vip'] },
      { id: 'G01', skills: ['repair', 'sales', 'vip'] },
    ])
  })
})
