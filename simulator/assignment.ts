/**
 * Who takes which contact. The simulator assigns on its own (longest-idle agent with the
 * skills); a routing engine can replace this by implementing AssignmentStrategy.
 */
import type { SimulatedAgent, Media } from './population.js'

/** What a strategy may know about an agent that has room for another contact. */
export interface AgentView {
  readonly profile: SimulatedAgent
  /** Contacts in progress, including ones in wrap-up. */
  readonly active: number
  /** When the agent last became free or took a contact, ms: smaller = idle longer. */
  readonly idleSince: number
}

/** What a strategy may know about a contact waiting for an agent. */
export interface WaitingView {
  readonly id: string
  readonly queue: string
  readonly media: Media
  /** Skills an agent must have, e.g. ['repair', 'english']. */
  readonly needs: readonly string[]
  readonly waitingSince: number
  /** Higher goes first. */
  readonly priority: number
}

export interface AssignmentStrategy {
  /**
   * An agent for a contact that just started waiting, from agents of its media with room; undefined leaves it queued.
   * `now`: simulated ms.
   */
  agentFor(contact: WaitingView, available: readonly AgentView[], now: number): AgentView | undefined
  /**
   * The next contact for an agent with room, from the oldest waiting contact of each list it may serve. `now`:
   * simulated ms.
   */
  contactFor(agent: AgentView, heads: readonly WaitingView[], now: number): WaitingView | undefined
}

export function hasSkills(agent: AgentView, contact: WaitingView): boolean {
  return contact.needs.every((s) => agent.profile.skills.includes(s))
}

/** Least busy, then longest idle; contacts by priority, then longest waiting. */
export const longestIdle: AssignmentStrategy = {
  agentFor(contact, available) {
    let best: AgentView | undefined
    for (const a of available) {
      if (!hasSkills(a, contact)) continue
      if (!best || a.active < best.active || (a.active === best.active && a.idleSince < best.idleSince)) best = a
    }
    return best
  },
  contactFor(agent, heads) {
    let best: WaitingView | undefined
    for (const c of heads) {
      if (!hasSkills(agent, c)) continue
      if (!best || c.priority > best.priority || (c.priority === best.priority && c.waitingSince < best.waitingSince))
        best = c
    }
    return best
  },
}
