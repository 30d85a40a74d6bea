/** What saved walls read from the snapshot besides the contact metrics: agents' names, sites, the ticket backlog. */
import { describe, it, expect } from 'vitest'
import { createLiveMetrics } from './engine.js'
import { ev, s } from './test-helpers/events.js'
import type { StoredEvent } from '../core/events.js'

const snapshotOf = (events: StoredEvent[], now: number) => {
  // The horizon of `mofang start` (system/services.ts): a whole day plus a bit.
  const m = createLiveMetrics({ timeZone: 'UTC', retentionMs: 25 * 3_600_000 })
  for (const e of events) m.apply(e)
  return m.snapshot('acme', now)
}
const HOUR_S = 3600

describe('agents by name', () => {
  it('keeps the newest name an agent event gave, whatever the arrival order', () => {
    const events = [
      ev('agent.login', s(0), { agent_id: 'a1', agent_name: '李娜', team: 'blue' }),
      ev('agent.not_ready', s(60), { agent_id: 'a1', agent_name: 'Li Na', payload: { reason: 'break' } }),
      ev('agent.login', s(10), { agent_id: 'a2', team: 'green' }),
    ]
    const snap = snapshotOf([events[1], events[0], events[2]], s(120))
    expect(snap.agents.map((a) => [a.agent_id, a.name, a.state])).toEqual([
      ['a1', 'Li Na', 'not_ready'],
      ['a2', undefined, 'ready'],
    ])
  })
})

describe('sites', () => {
  it('counts contacts by the site of the agent handling them, and agents by their site', () => {
    const call = { interaction_id: 'c1', queue: 'repair' }
    const snap = snapshotOf(
      [
        ev('agent.login', s(0), { agent_id: 'a1', team: 'blue', site: 'shanghai' }),
        ev('agent.login', s(0), { agent_id: 'a2', team: 'blue', site: 'beijing' }),
        ev('voice.offered', s(10), call),
        ev('voice.answered', s(20), { ...call, agent_id: 'a1', team: 'blue', site: 'shanghai' }),
        ev('voice.ended', s(200), { ...call, payload: { ended_by: 'customer' } }),
      ],
      s(300),
    )
    expect(Object.keys(snap.sites).sort()).toEqual(['beijing', 'shanghai'])
    expect(snap.sites.shanghai.windows.today).toMatchObject({ offered: 1, answered: 1, handled: 1 })
    expect(snap.sites.beijing.windows.today.offered).toBe(0)
    expect(snap.sites.beijing.agents?.ready).toBe(1)
    expect(snap.sites.shanghai.agents?.ready).toBe(1)
    // The site rows add up to the tenant's agents.
    expect(snap.totals.agents?.ready).toBe(2)
    // The queue on its channel, and the channel the agent works.
    expect(snap.channel_queues.voice.repair).toMatchObject({ channel: 'voice', windows: { today: { offered: 1 } } })
    expect(snap.agents.map((a) => a.channel)).toEqual(['voice', 'voice'])
    // A site has no series of its own (like a team).
    expect(Object.keys(snap.series).some((k) => k.startsWith('site:'))).toBe(false)
  })
})

describe('ticket backlog and SLA', () => {
  const created = (id: string, at: number, priority: string, extra = {}) =>
    ev('ticket.created', at, { interaction_id: id, queue: 'repair', payload: { subject: 'x', priority }, ...extra })
  const resolved = (id: string, at: number) => ev('ticket.resolved', at, { interaction_id: id, payload: {} })

  it('counts open and overdue tickets now, and resolutions within and past their target', () => {
    const snap = snapshotOf(
      [
        created('k1', s(0), 'urgent'), // 4 h target, resolved after 1 h: in SLA
        resolved('k1', s(HOUR_S)),
        created('k2', s(0), 'urgent'), // resolved after 5 h: late
        resolved('k2', s(5 * HOUR_S)),
        created('k3', s(0), 'high'), // 8 h target, open at 9 h: overdue
        created('k4', s(8 * HOUR_S), 'normal', { channel: 'email', team: 'mail' }), // open, within its 24 h
        created('k5', s(HOUR_S), 'low'), // resolved, then reopened: open again
        resolved('k5', s(2 * HOUR_S)),
        ev('ticket.reopened', s(3 * HOUR_S), { interaction_id: 'k5', payload: {} }),
      ],
      s(9 * HOUR_S),
    )
    expect(snap.totals.windows.today).toMatchObject({
      tickets_created: 5,
      tickets_resolved: 3,
      tickets_resolved_in_sla: 2,
      tickets_resolved_late: 1,
      ticket_sl_pct: 66.7,
    })
    expect(snap.totals.tickets).toEqual({ open: 3, overdue: 1, oldest_open_s: 9 * HOUR_S })
    expect(snap.channels.email.tickets).toEqual({ open: 1, overdue: 0, oldest_open_s: HOUR_S })
    expect(snap.teams.mail.tickets?.open).toBe(1)
    expect(snap.channels.ticket.tickets).toMatchObject({ open: 2, overdue: 1 })
    // No ticket open: no backlog on the row.
    const quiet = snapshotOf([created('k1', s(0), 'high'), resolved('k1', s(60))], s(120))
    expect(quiet.totals.tickets).toBeUndefined()
    expect(quiet.totals.windows.today.ticket_sl_pct).toBe(100)
  })
})
