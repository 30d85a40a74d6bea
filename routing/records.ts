/**
 * The engine's internal records: inputs pre-digested for the hot path
 * (maps and sets instead of arrays, times in ms, policy switches as booleans).
 */
import type { Channel } from '../core/index.js'
import { POLICY_NAMES, type PolicyName, type QueuePolicy } from './config.js'
import type { AgentProfile, AgentStateName, ContactInput, Decision } from './types.js'

export interface AgentRec {
  id: string
  profile: AgentProfile
  skills: Map<string, number>
  tags: Set<string>
  groups: Set<string>
  capacity: Partial<Record<Channel, number>>
  load: Partial<Record<Channel, number>>
  totalLoad: number
  exclusiveLoad: number
  capacityTotal: number
  state: AgentStateName
  /** When the agent last became idle (ready, nothing held), ms; the longest-idle policy and tie-break use it. */
  idleSince: number
  csat: number | undefined
  /** Queues whose floor skills she has: the index that spares full scans of all agents. */
  queues: QueueRec[]
  /** Contacts assigned to her, ringing or connected. */
  held: Map<string, ContactRec>
}

export type PolicySwitches = Record<PolicyName, boolean>

export interface QueueRec {
  name: string
  policy: QueuePolicy
  on: PolicySwitches
  floor: [skill: string, level: number][]
  /** Expansion and overflow step times in ms, precomputed so timers and checks agree exactly. */
  expansionMs: number[]
  overflowMs: number[]
  /** Upper bound of the pair parts through this queue, affinity aside (it belongs to the home queue). */
  pairMax: number
  members: AgentRec[]
  /** Waiting contacts by channel, in arrival order (requeues and overflows append). */
  waiting: Map<Channel, Set<ContactRec>>
  /** Members who can take one more contact of the channel now: offers scan these, not all members. */
  available: Map<Channel, Set<AgentRec>>
}

export interface Serving {
  queue: QueueRec
  /** When the contact entered this queue (arrival, or the overflow time), ms. */
  since: number
}

export interface ContactRec {
  id: string
  input: ContactInput
  home: QueueRec
  serving: Serving[]
  /** Index of the next overflow step of the home queue. */
  overflowNext: number
  state: 'waiting' | 'ringing' | 'connected'
  agent?: AgentRec
  assignedAt?: number
  connectedAt?: number
  tags: string[]
  /** Skills the contact itself needs (its own plus language), beyond the queue's floor. */
  extraSkills: [skill: string, level: number][]
  atRisk: boolean
  vipTier: number
  callbackOffered: boolean
  /** The customer's last agent, once found (policy `affinity`). */
  lastAgent?: AgentRec
  /** Bumped on every reschedule; stale timer entries carry an older value and are skipped. */
  timerGen: number
  lastDecision?: Decision
}

export function makeQueue(name: string, policy: QueuePolicy): QueueRec {
  const enabled = new Set(policy.policies)
  return {
    name,
    policy,
    on: Object.fromEntries(POLICY_NAMES.map((p) => [p, enabled.has(p)])) as PolicySwitches,
    floor: Object.entries(policy.skills),
    expansionMs: policy.expansion.map((s) => Math.round(s.after_s * 1000)),
    overflowMs: policy.overflow.map((s) => Math.round(s.after_s * 1000)),
    pairMax: maxPairParts(policy, enabled),
    members: [],
    waiting: new Map(),
    available: new Map(),
  }
}

function maxPairParts(p: QueuePolicy, on: Set<PolicyName>): number {
  let max = 0
  if (on.has('skills')) max += p.skill_weight
  if (on.has('tags')) max += p.tags.customer_weight + p.tags.agent_weight
  if (on.has('rating')) max += 2 * p.rating.weight // CSAT 5 is 2 points above neutral
  if (on.has('vip')) max += p.vip.dedicated_bonus
  if (on.has('fairness')) max += p.fairness.weight
  return max
}

function setIn<K, V>(m: Map<K, Set<V>>, k: K): Set<V> {
  let s = m.get(k)
  if (!s) m.set(k, (s = new Set()))
  return s
}

export const waitingIn = (q: QueueRec, channel: Channel): Set<ContactRec> => setIn(q.waiting, channel)
export const availableIn = (q: QueueRec, channel: Channel): Set<AgentRec> => setIn(q.available, channel)

/** Re-files the agent in the `available` index of her queues after any change of state, load or profile. */
export function refreshAvailability(a: AgentRec, exclusive: Set<Channel>): void {
  for (const ch of Object.keys(a.capacity) as Channel[]) {
    const can = canTake(a, ch, exclusive.has(ch))
    for (const q of a.queues) {
      const s = availableIn(q, ch)
      if (can) s.add(a)
      else s.delete(a)
    }
  }
}

/** Takes the agent out of her queues' indexes, before her memberships are rebuilt. */
export function unindexAgent(a: AgentRec): void {
  for (const q of a.queues) {
    q.members.splice(q.members.indexOf(a), 1)
    for (const s of q.available.values()) s.delete(a)
  }
  a.queues = []
}

export function makeAgent(profile: AgentProfile, exclusive: Set<Channel>, at: number): AgentRec {
  const a: AgentRec = {
    id: profile.id,
    profile,
    skills: new Map(),
    tags: new Set(),
    groups: new Set(),
    capacity: {},
    load: {},
    totalLoad: 0,
    exclusiveLoad: 0,
    capacityTotal: 0,
    state: 'logged_out',
    idleSince: at,
    csat: profile.csat,
    queues: [],
    held: new Map(),
  }
  applyProfile(a, profile, exclusive)
  return a
}

/** (Re)derives the indexed fields from a profile; the held contacts and loads are kept. */
export function applyProfile(a: AgentRec, profile: AgentProfile, exclusive: Set<Channel>): void {
  a.profile = profile
  a.skills = new Map(Object.entries(profile.skills))
  a.tags = new Set(profile.tags ?? [])
  a.groups = new Set(profile.groups ?? [])
  a.capacity = { ...profile.capacity }
  a.capacityTotal = Object.values(a.capacity).reduce((s: number, n) => s + (n ?? 0), 0)
  if (profile.csat !== undefined) a.csat = profile.csat
  a.exclusiveLoad = 0
  for (const [ch, n] of Object.entries(a.load) as [Channel, number][]) if (exclusive.has(ch)) a.exclusiveLoad += n
}

export function isMember(a: AgentRec, q: QueueRec): boolean {
  for (const [skill, lvl] of q.floor) if ((a.skills.get(skill) ?? 0) < lvl) return false
  return true
}

/** Makes the agent a member of the queue, both ways. */
export function join(a: AgentRec, q: QueueRec): void {
  q.members.push(a)
  a.queues.push(q)
}

/** Whether the agent can take one more contact on this channel right now. */
export function canTake(a: AgentRec, channel: Channel, exclusive: boolean): boolean {
  if (a.state !== 'ready') return false
  const cap = a.capacity[channel]
  if (!cap || (a.load[channel] ?? 0) >= cap) return false
  return exclusive ? a.totalLoad === 0 : a.exclusiveLoad === 0
}

export function addLoad(a: AgentRec, channel: Channel, exclusive: boolean, delta: 1 | -1): void {
  a.load[channel] = (a.load[channel] ?? 0) + delta
  a.totalLoad += delta
  if (exclusive) a.exclusiveLoad += delta
}

export function isAtRisk(input: ContactInput, policy: QueuePolicy): boolean {
  const h = input.history
  if (!h) return false
  if (h.sentiment !== undefined && h.sentiment <= policy.rating.at_risk_sentiment) return true
  if (h.ratings?.length) return h.ratings.reduce((s, r) => s + r, 0) / h.ratings.length <= policy.rating.at_risk_rating
  return false
}
