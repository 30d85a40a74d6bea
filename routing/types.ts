/**
 * The routing engine's inputs and outputs. The engine is a pure state machine:
 * the stream binding turns events into these inputs and publishes the decisions.
 * Times are ms since the epoch (like event `ts`); configuration is in seconds.
 */
import type { Channel } from '../core/index.js'

/** What the customer's past contacts tell the router. Everything is optional. */
export interface CustomerHistory {
  /** The agent who served the customer last: the target of last-agent affinity (熟客优先). */
  lastAgentId?: string
  /** When that contact ended, ms; affinity ignores it after `affinity.max_age_h`. */
  lastContactAt?: number
  /** Recent CSAT scores given by the customer, 1-5, newest last. */
  ratings?: number[]
  /** Sentiment of the current or last conversation, -1 (angry) … 1 (happy). */
  sentiment?: number
}

/** A contact that needs an agent (from `voice.queued` or `chat.transferred_to_agent`). */
export interface ContactInput {
  /** The interaction id; offering a known id again is ignored, so replays after a restart cannot double-assign. */
  id: string
  queue: string
  channel: Channel
  /** When the contact started waiting, ms. Order, aging and every timed policy count from here. */
  arrivedAt: number
  /** e.g. 'zh' or 'en'; needs the agent skill `lang:<language>` unless the tenant sets `require_language: false`. */
  language?: string
  /** Customer-side tags such as `product:tv` or `issue:billing`, scored against agent tags in both directions. */
  tags?: string[]
  /** Skills this contact needs beyond its queue's, name → minimum proficiency 1-5. */
  skills?: Record<string, number>
  /** VIP tier 0-9, 0 = none (as in the event envelope). */
  vip?: number
  customerId?: string
  history?: CustomerHistory
}

export type AgentStateName = 'ready' | 'not_ready' | 'wrap_up' | 'logged_out'

/** Who an agent is: set at login and whenever it changes. */
export interface AgentProfile {
  id: string
  /** Skill → proficiency 1 (novice) … 5 (expert). */
  skills: Record<string, number>
  /** Agent-side tags, e.g. `product:tv`, `patient`, `cantonese`. */
  tags?: string[]
  /** Groups such as a dedicated VIP desk. */
  groups?: string[]
  /** How many contacts of each channel the agent can hold at once, e.g. { voice: 1, webchat: 3 }. Missing = 0. */
  capacity: Partial<Record<Channel, number>>
  /** Recent average CSAT, 1-5; unknown counts as 3 (neutral). Updated by `complete(…, { rating })`. */
  csat?: number
}

export interface AgentStateChange {
  agentId: string
  at: number
  state: AgentStateName
  /** Required the first time an agent is seen; replaces the stored profile when present. */
  profile?: AgentProfile
}

/** Score components of one candidate pairing, in points (see README: Routing, Policies, for each formula). */
export interface ScoreParts {
  aging: number
  priority: number
  vip_priority: number
  at_risk_priority: number
  skill: number
  tags: number
  affinity: number
  rating: number
  vip_group: number
  fairness: number
}
export const SCORE_PARTS: readonly (keyof ScoreParts)[] = [
  'aging',
  'priority',
  'vip_priority',
  'at_risk_priority',
  'skill',
  'tags',
  'affinity',
  'rating',
  'vip_group',
  'fairness',
]

export interface Candidate {
  /** Agent id when the engine chose an agent for a contact; contact id when it chose a contact for an agent. */
  id: string
  total: number
  parts: ScoreParts
}

/** Why a pairing won: enough for a supervisor to answer "why did this customer go to that agent?". */
export interface Why {
  /** The policy (score part) that separated the winner from the runner-up, or the tie-break that did. */
  decidedBy: keyof ScoreParts | 'only_candidate' | 'tie_break_idle' | 'tie_break_id' | 'tie_break_arrival'
  winner: Candidate
  runnerUp?: Candidate
  /** How many eligible candidates were scored. */
  candidates: number
  /** The queue whose agents served the contact (differs from the contact's queue after overflow). */
  servingQueue: string
  /** Index of the expansion step in force, and the minimum proficiency it allowed. */
  expansionStep: number
  minProficiency: number
}

export type Trigger = 'contact_offered' | 'agent_available' | 'timer' | 'requeue' | 'config_changed'

export type Decision =
  | {
      kind: 'assign'
      seq: number
      at: number
      contactId: string
      agentId: string
      queue: string
      trigger: Trigger
      why: Why
    }
  /** The chosen agent went not-ready or logged out before answering: the contact is back in line at its old place. */
  | { kind: 'requeue'; seq: number; at: number; contactId: string; agentId: string; reason: string }
  | { kind: 'overflow'; seq: number; at: number; contactId: string; from: string; to: string }
  | {
      kind: 'callback_offer'
      seq: number
      at: number
      contactId: string
      queue: string
      predictedWaitS: number
      thresholdS: number
    }
  /** Input the engine could not use (unknown id, missing profile, duplicate offer): bad data is a value. */
  | { kind: 'ignored'; seq: number; at: number; ref: string; reason: string }
