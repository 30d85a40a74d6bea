/**
 * Schedule adherence now, on hand-made states: an agent on time, a late one who skipped the break, one on a break
 * when it should work, one scheduled who never logged in, a night shift from yesterday; then through the engine:
 * the plan in the snapshot with team, site and overall figures, only on its own day.
 */
import { describe, expect, it } from 'vitest'
import { groupAdherence, type PlanShift, type WallPlan } from '../core/contracts/index.js'
import type { StateSpan } from './agent.js'
import { createLiveMetrics } from './engine.js'
import { agentAdherenceNow } from './plan.js'
import { ev } from './test-helpers/events.js'

/** Monday 2025-01-06 in UTC (the engine runs in UTC here); `at('09:30')` is that time of the day. */
const DAY = Date.UTC(2025, 0, 6)
const at = (hhmm: string) => DAY + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000
const span = (from: string, to: string | null, state: StateSpan['state']): StateSpan => ({
  start: at(from),
  end: to === null ? null : at(to),
  state,
})
/** 09:00–17:00 with a break 12:00–12:30. */
const shift = (agent: string): PlanShift => ({
  agent_id: agent,
  start: at('09:00'),
  end: at('17:00'),
  breaks: [{ start: at('12:00'), end: at('12:30') }],
})
const NOW = at('13:00')

describe('agentAdherenceNow', () => {
  it('an agent on time, on the break when scheduled: 100 %, in adherence now', () => {
    const timeline = [
      span('08:55', '12:00', 'ready'),
      span('12:00', '12:30', 'not_ready'),
      span('12:30', null, 'on_contact'),
    ]
    expect(agentAdherenceNow('a', [shift('a')], timeline, DAY, NOW)).toEqual({
      agent_id: 'a',
      scheduled: 'work',
      actual: 'work',
      scheduled_min: 240,
      adherent_min: 240,
      adherence: 1,
    })
  })

  it('late by an hour and worked through the break: 150 of 240 minutes', () => {
    const timeline = [span('10:00', '11:00', 'ready'), span('11:00', null, 'on_contact')]
    const a = agentAdherenceNow('b', [shift('b')], timeline, DAY, NOW)
    expect(a).toMatchObject({ scheduled_min: 240, adherent_min: 150, adherence: 0.625, actual: 'work' })
  })

  it('on a break when it should work: out of adherence now, and the minutes stop counting', () => {
    const timeline = [span('09:00', '12:50', 'ready'), span('12:50', null, 'not_ready')]
    const a = agentAdherenceNow('c', [shift('c')], timeline, DAY, NOW)
    // 09:00–12:00 worked (180), the break 12:00–12:30 worked instead (0), 12:30–12:50 worked (20), then a break (0).
    expect(a).toMatchObject({ scheduled: 'work', actual: 'break', adherent_min: 200 })
  })

  it('scheduled but never seen: off, 0 %; not scheduled: no figure', () => {
    expect(agentAdherenceNow('d', [shift('d')], [], DAY, NOW)).toMatchObject({
      scheduled: 'work',
      actual: 'off',
      adherence: 0,
    })
    const free = agentAdherenceNow('e', [], [span('08:00', null, 'ready')], DAY, NOW)
    expect(free).toMatchObject({ scheduled: 'off', actual: 'work', scheduled_min: 0, adherence: null })
  })

  it('counts only today’s part of a night shift that began yesterday, from the state it carried over', () => {
    const night: PlanShift = { agent_id: 'n', start: at('22:00') - 86_400_000, end: at('06:00'), breaks: [] }
    const timeline = [
      { start: at('21:55') - 86_400_000, end: at('05:00'), state: 'ready' as const },
      span('05:00', null, 'offline'),
    ]
    const a = agentAdherenceNow('n', [night], timeline, DAY, NOW)
    expect(a).toMatchObject({ scheduled: 'off', actual: 'off', scheduled_min: 360, adherent_min: 300 })
  })

  it('adds up a group: now and so far', () => {
    const list = [
      agentAdherenceNow('a', [shift('a')], [span('09:00', null, 'ready')], DAY, NOW),
      agentAdherenceNow('d', [shift('d')], [], DAY, NOW),
      agentAdherenceNow('e', [], [span('08:00', null, 'ready')], DAY, NOW),
    ]
    // a worked through its break: 210 of 240; d: 0 of 240.
    expect(groupAdherence(list)).toEqual({
      scheduled_now: 2,
      adherent_now: 1,
      scheduled_min: 480,
      adherent_min: 210,
      adherence: 0.4375,
    })
  })
})

describe('the plan in the snapshot', () => {
  const plan = (date: string): WallPlan => ({
    tenant: 'acme',
    date,
    day_start: DAY,
    step_ms: 900_000,
    generated_at: at('12:55'),
    series: { all: { forecast: Array(96).fill(4), reforecast: Array(96).fill(null) } },
    roster_week: '2025-01-06',
    roster_version: 2,
    shifts: [shift('a1'), shift('a2'), shift('ghost')],
  })
  const events = [
    ev('agent.login', at('09:00'), { agent_id: 'a1', team: 'blue', site: 'sh' }),
    ev('agent.login', at('10:00'), { agent_id: 'a2', team: 'red', site: 'sh' }),
    ev('agent.not_ready', at('12:40'), { agent_id: 'a2', team: 'red', site: 'sh', payload: { reason: 'lunch' } }),
    ev('agent.login', at('11:00'), { agent_id: 'x9', team: 'red', site: 'cd' }),
  ]

  it('carries the series and every agent’s adherence, by team and site, on the plan’s day only', () => {
    const m = createLiveMetrics({ timeZone: 'UTC', retentionMs: 25 * 3_600_000 })
    for (const e of events) m.apply(e)
    m.setPlan(plan('2025-01-06'))
    const snap = m.snapshot('acme', NOW)
    const p = snap.plan!
    expect(p.series.all.forecast[40]).toBe(4)
    expect(Object.keys(p.agents).sort()).toEqual(['a1', 'a2', 'ghost', 'x9'])
    expect(p.agents.a1).toMatchObject({ adherence: 210 / 240, actual: 'work' }) // worked through its break
    // a2: 10:00–12:00 (120) + 12:00–12:30 not on a break (0) + 12:40–13:00 on a break when due to work (0) + 10 min.
    expect(p.agents.a2).toMatchObject({ adherent_min: 130, actual: 'break', scheduled: 'work' })
    expect(p.agents.ghost).toMatchObject({ actual: 'off', adherence: 0 })
    expect(p.agents.x9).toMatchObject({ scheduled: 'off', adherence: null })
    expect(p.total).toMatchObject({ scheduled_now: 3, adherent_now: 1, scheduled_min: 720, adherent_min: 340 })
    expect(p.teams.red).toMatchObject({ scheduled_now: 1, adherent_now: 0, scheduled_min: 240, adherent_min: 130 })
    expect(p.sites.sh.adherence).toBeCloseTo(340 / 480, 4)
    expect(p.sites.cd.adherence).toBeNull()

    m.setPlan(plan('2025-01-05')) // yesterday's plan is not today's
    expect(m.snapshot('acme', NOW).plan).toBeUndefined()
  })
})
