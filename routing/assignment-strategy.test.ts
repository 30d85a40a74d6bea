import { describe, expect, it } from 'vitest'
import { Simulation } from '../simulator/engine.js'
import type { IncomingEvent } from '../core/events.js'
import { routingAssignment } from './assignment-strategy.js'
import { inputOf } from './inputs.js'
import type { StoredEvent } from '../core/events.js'
import type { Decision } from './types.js'

const START = Date.UTC(2024, 4, 6, 1, 0, 0) // Monday 09:00 in China
const run = (decisions: Decision[]) => {
  const sim = new Simulation({
    seed: 5,
    start: START,
    agents: 30,
    ratePerHour: 300,
    assignment: routingAssignment(undefined, { onDecision: (d) => decisions.push(d) }),
  })
  return sim.advanceTo(START + 2 * 3_600_000)
}

describe("routing engine as the simulator's assignment", () => {
  it('decides every pick, and the simulated agents take the contacts the engine chose', () => {
    const decisions: Decision[] = []
    const events = run(decisions)
    expect(decisions.length).toBeGreaterThan(100)
    const chosen = new Map<string, Set<string>>()
    for (const d of decisions)
      if (d.kind === 'assign') chosen.set(d.contactId, (chosen.get(d.contactId) ?? new Set()).add(d.agentId))
    const answered = events.filter((e: IncomingEvent) => e.type === 'voice.answered')
    expect(answered.length).toBeGreaterThan(50)
    for (const e of answered) expect(chosen.get(e.interaction_id!)?.has(e.agent_id!), e.interaction_id).toBe(true)
  })

  it('is deterministic: same seed, same events', () => {
    expect(run([])).toEqual(run([]))
  })
})

describe('events → engine inputs', () => {
  const base = { v: 1, event_id: 'e', tenant: 'acme', ts: 1_000, received_at: 1_000, payload: {} }
  it('reads skill levels and capacity from an agent login', () => {
    const i = inputOf({
      ...base,
      type: 'agent.login',
      channel: 'webchat',
      agent_id: 'a',
      skills: ['repair:5', 'lang:zh', 'billing'],
    } as StoredEvent)
    expect(i).toMatchObject({
      kind: 'agent',
      state: 'not_ready',
      profile: { skills: { repair: 5, 'lang:zh': 3, billing: 3 }, capacity: { webchat: 3, wechat: 3 } },
    })
  })
  it('offers queued contacts and skips what the router does not need', () => {
    expect(
      inputOf({
        ...base,
        type: 'voice.queued',
        channel: 'voice',
        interaction_id: 'c',
        queue: 'repair',
        vip: 2,
      } as StoredEvent),
    ).toMatchObject({
      kind: 'offer',
      contact: { id: 'c', queue: 'repair', channel: 'voice', arrivedAt: 1_000, vip: 2 },
    })
    expect(
      inputOf({ ...base, type: 'voice.queued', channel: 'voice', interaction_id: 'c' } as StoredEvent),
    ).toBeUndefined()
    expect(
      inputOf({
        ...base,
        type: 'chat.message',
        channel: 'wechat',
        interaction_id: 'c',
        payload: { role: 'customer', text: 'hi' },
      } as StoredEvent),
    ).toBeUndefined()
    expect(
      inputOf({
        ...base,
        type: 'chat.message',
        channel: 'wechat',
        interaction_id: 'c',
        payload: { role: 'agent', text: 'hi' },
      } as StoredEvent),
    ).toMatchObject({ kind: 'answered' })
  })
})
