/**
 * The simulator's assignment, decided by the routing engine: an AssignmentStrategy
 * (simulator/assignment.ts) that asks a RoutingEngine, with the tenant's routing
 * configuration, to pick the agent for a contact or the contact for an agent.
 *
 * Why in-process and per decision: the simulator is the ACD of its simulated world and
 * decides synchronously in simulated time (it runs at --speed and back-fills days in
 * seconds), so it cannot wait for the routing service's round trip through NATS. Each call
 * loads the floor's current candidates (agents with room, or the heads of the lists an
 * agent serves) into a fresh engine at the simulated time: the same scoring, policies,
 * expansion steps and tie-breaks as the service, with no second copy of state to drift.
 * What the simulator's floor cannot express stays out: overflow to other queues' agents,
 * callbacks, and affinity or tags (its views carry no customer history).
 */
import type { Channel } from '../core/index.js'
import type { AgentView, AssignmentStrategy, WaitingView } from '../simulator/index.js'
import { RoutingEngine } from './engine.js'
import { emptyTenantConfig, type TenantRoutingConfig } from './config.js'
import { loadRoutingConfigFile } from './validate-config.js'
import { tenantsOf } from './tenants.js'
import type { AgentProfile, Decision } from './types.js'

type Assign = Extract<Decision, { kind: 'assign' }>

export interface RoutingAssignmentOptions {
  /** Proficiency given to each of a simulated agent's skills, 1-5. Default 3. */
  proficiency?: number
  /** Called with every assignment the engine made (its `why` answers "why this agent?"). */
  onDecision?: (d: Assign) => void
}

const channelOf = (v: WaitingView | AgentView): Channel =>
  ('media' in v ? v.media : v.profile.media) === 'voice' ? 'voice' : 'webchat'

export function routingAssignment(
  config: TenantRoutingConfig = emptyTenantConfig(),
  opts: RoutingAssignmentOptions = {},
): AssignmentStrategy {
  const proficiency = opts.proficiency ?? 3
  const profileOf = (a: AgentView): AgentProfile => ({
    id: a.profile.id,
    skills: Object.fromEntries(a.profile.skills.map((s) => [s, proficiency])),
    groups: [a.profile.team],
    // The floor only offers agents with room; what they already hold is not the engine's to free.
    capacity: { [channelOf(a)]: Math.max(1, a.profile.capacity - a.active) },
  })
  const offer = (engine: RoutingEngine, c: WaitingView) =>
    engine.offer({
      id: c.id,
      queue: c.queue,
      channel: channelOf(c),
      arrivedAt: c.waitingSince,
      skills: Object.fromEntries(c.needs.map((s) => [s, 1])),
    })
  const chosen = (decisions: Decision[]): Assign | undefined => {
    const d = decisions.find((x): x is Assign => x.kind === 'assign')
    if (d) opts.onDecision?.(d)
    return d
  }
  return {
    agentFor(contact, available, now) {
      const engine = new RoutingEngine(config)
      for (const a of available)
        engine.agentState({
          agentId: a.profile.id,
          at: Math.min(a.idleSince, now),
          state: 'ready',
          profile: profileOf(a),
        })
      const d = chosen(offer(engine, contact))
      return d && available.find((a) => a.profile.id === d.agentId)
    },
    contactFor(agent, heads, now) {
      if (heads.length === 0) return undefined
      const engine = new RoutingEngine(config)
      engine.agentState({
        agentId: agent.profile.id,
        at: Math.min(agent.idleSince, now),
        state: 'not_ready',
        profile: profileOf(agent),
      })
      for (const c of heads) offer(engine, c)
      engine.tick(now)
      const d = chosen(engine.agentState({ agentId: agent.profile.id, at: now, state: 'ready' }))
      return d && heads.find((c) => c.id === d.contactId)
    },
  }
}

/** The strategy for one tenant of a routing file (MOFANG_ROUTING_CONFIG), as `mofang start` would run it. */
export function routingAssignmentFromFile(
  path: string,
  tenant: string,
  opts?: RoutingAssignmentOptions,
): AssignmentStrategy {
  const config = tenantsOf(loadRoutingConfigFile(path), [tenant]).get(tenant) ?? emptyTenantConfig(tenant)
  return routingAssignment(config, opts)
}
