/**
 * The planner's roster input from what the warehouse holds: the requirement per queue and 15-minute interval (the
 * stored forecast's required agents, summed over the queue's channels) and each agent's skills (the queues it
 * handled contacts in). Pure.
 */
import type { AgentSpec, Requirement } from '../roster/index.js'
import { toLocalMinutes } from '../kits/time/index.js'

/** A stored forecast interval, as much of it as the roster needs. */
export interface QueueNeed {
  queue: string
  /** Interval start, ms. */
  t: number
  required_agents: number
}

/** Contacts one agent handled in one queue (query planner_agent_queues). */
export interface AgentQueue {
  agent_id: string
  queue: string
  contacts: number
}

/**
 * A queue counts as an agent's skill when at least this share of the contacts it handled were in that queue: one
 * transferred or overflowed contact does not make a skill.
 */
export const MIN_QUEUE_SHARE = 0.05

/**
 * Agents needed per queue and 15-minute interval of the `days` local days from `firstDay` (local minutes of day 0's
 * midnight), rounded to hundredths; intervals outside them are left out.
 */
export function queueRequirements(rows: readonly QueueNeed[], firstDay: number, days: number, timeZone: string) {
  const need = new Map<string, number>()
  for (const r of rows) {
    const m = Math.floor((toLocalMinutes(Number(r.t), timeZone) - firstDay) / 15) * 15
    if (m < 0 || m >= days * 1440) continue
    const key = `${r.queue}\u0000${m}`
    need.set(key, (need.get(key) ?? 0) + Number(r.required_agents))
  }
  return [...need]
    .map(([key, required]): Requirement => {
      const [skill, m] = key.split('\u0000')
      const minute = Number(m)
      return {
        day: Math.floor(minute / 1440),
        minute: minute % 1440,
        skill,
        required: Math.round(required * 100) / 100,
      }
    })
    .sort((a, b) => a.day - b.day || a.minute - b.minute || a.skill!.localeCompare(b.skill!))
}

/**
 * The agents to roster with their skills: each agent's queues among `queues` that hold at least MIN_QUEUE_SHARE of
 * its contacts there. An agent with none (seen only logging in, or generated) gets every queue: nothing says what it
 * cannot take.
 */
export function agentsWithSkills(ids: readonly string[], handled: readonly AgentQueue[], queues: readonly string[]) {
  const byAgent = new Map<string, AgentQueue[]>()
  for (const h of handled) byAgent.set(h.agent_id, [...(byAgent.get(h.agent_id) ?? []), h])
  return ids.map((id): AgentSpec => {
    const own = (byAgent.get(id) ?? []).filter((h) => queues.includes(h.queue))
    const total = own.reduce((s, h) => s + Number(h.contacts), 0)
    const skills = own.filter((h) => Number(h.contacts) >= MIN_QUEUE_SHARE * total).map((h) => h.queue)
    return { id, skills: skills.length ? skills.sort() : [...queues] }
  })
}
