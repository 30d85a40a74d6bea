/**
 * Routing configuration per tenant and queue. A queue's policy is the tenant's
 * `defaults` overlaid by `queues.<name>`; a queue that is not configured at all
 * still routes, with the defaults and its own name as the required skill.
 */
import type { Channel } from '../core/index.js'

/** Every policy a queue can switch on; `policies: []` is plain FCFS (oldest contact, longest-idle agent). */
export const POLICY_NAMES = [
  'priority',
  'skills',
  'vip',
  'tags',
  'affinity',
  'rating',
  'fairness',
  'overflow',
  'callback',
] as const
export type PolicyName = (typeof POLICY_NAMES)[number]

export interface ExpansionStep {
  /** Seconds of waiting (in the serving queue) after which this step applies, ≥ 0, ascending. */
  after_s: number
  /** Lowest proficiency (1-5) accepted for the queue's skills from this step on. */
  min_proficiency: number
}

export interface OverflowStep {
  /** Seconds of waiting after which agents of `to` may also take the contact. */
  after_s: number
  /** Name of another queue. */
  to: string
}

export interface QueuePolicy {
  /** Policies in force; order does not matter: they are summed as score parts. */
  policies: PolicyName[]
  /**
   * Skills an agent needs to belong to the queue, name → lowest proficiency ever accepted (1-5). Default { <queue>: 1
   * }.
   */
  skills: Record<string, number>
  /** Base priority points (policy `priority`). Default 0. */
  priority: number
  /**
   * Points per second waited, > 0 (always on): how a low-priority contact overtakes newer high-priority ones. Default
   * 1.
   */
  aging_per_s: number
  /** Proficiency widening with waiting time (policy `skills`). Default: one step, 0 s → 1 (no widening). */
  expansion: ExpansionStep[]
  /** Weight of the agent's mean proficiency (0-1 → points). Default 10. */
  skill_weight: number
  tags: {
    /** Points for the share of the customer's tags the agent carries. Default 10. */
    customer_weight: number
    /**
     * Points for the share of the agent's tags the contact matches (keeps specialists for their speciality). Default
     * 5.
     */
    agent_weight: number
  }
  vip: {
    /** Lowest tier treated as VIP, 1-9. Default 1. */
    min_tier: number
    /** Priority points per VIP tier. Default 30. */
    priority_per_tier: number
    /** Agent group that is preferred for VIPs (optional). */
    dedicated_group?: string
    /** Points for an agent of the dedicated group on a VIP contact. Default 20. */
    dedicated_bonus: number
    /**
     * Dedicated agents take a non-VIP contact only after it has waited this long, s (0 = no reservation). Default 0.
     */
    reserve_s: number
    /** Answer-time target for VIPs, s, for reporting. Default 15. */
    target_s: number
  }
  affinity: {
    /** How long a returning contact waits for a busy last agent before anyone may take it, s. Default 30. */
    timeout_s: number
    /** Points for the last agent. Default 40. */
    bonus: number
    /** History older than this is ignored, hours. Default 720 (30 days). */
    max_age_h: number
  }
  rating: {
    /** A customer whose mean past rating is at or below this is at risk. Default 2.5. */
    at_risk_rating: number
    /** …or whose sentiment is at or below this (-1…1). Default -0.3. */
    at_risk_sentiment: number
    /** Points per CSAT point above neutral 3 of the agent, for at-risk contacts. Default 15. */
    weight: number
    /** Priority points for at-risk contacts. Default 10. */
    priority_boost: number
  }
  fairness: {
    mode: 'longest_idle' | 'least_occupied'
    /** Points for the fairest agent. Default 5. */
    weight: number
    /** Idle time that earns the full weight, s. Default 300. */
    idle_cap_s: number
  }
  overflow: OverflowStep[]
  callback: {
    /** Offer a callback when the predicted wait exceeds this, s. Default 600. */
    predicted_wait_s: number
    /** Handle time assumed before the queue has completed contacts, s. Default 300. */
    default_aht_s: number
  }
  /** Service-level target for reporting, s. Default 20. */
  service_level_s: number
}

/** What a user writes for one queue (or `defaults`): any subset, nested blocks merged key by key. */
export type QueuePolicyInput = Partial<
  Omit<QueuePolicy, 'tags' | 'vip' | 'affinity' | 'rating' | 'fairness' | 'callback'>
> & {
  tags?: Partial<QueuePolicy['tags']>
  vip?: Partial<QueuePolicy['vip']>
  affinity?: Partial<QueuePolicy['affinity']>
  rating?: Partial<QueuePolicy['rating']>
  fairness?: Partial<QueuePolicy['fairness']>
  callback?: Partial<QueuePolicy['callback']>
}

export interface TenantRoutingConfig {
  tenant?: string
  /** Channels that need the agent's full attention: no other contact while one is held. Default ['voice']. */
  exclusive_channels: Channel[]
  /** Contacts with a language need skill `lang:<language>`. Default true. */
  require_language: boolean
  defaults: QueuePolicyInput
  queues: Record<string, QueuePolicyInput>
}

export const BUILTIN_DEFAULTS: Omit<QueuePolicy, 'skills'> = {
  policies: [...POLICY_NAMES],
  priority: 0,
  aging_per_s: 1,
  expansion: [{ after_s: 0, min_proficiency: 1 }],
  skill_weight: 10,
  tags: { customer_weight: 10, agent_weight: 5 },
  vip: { min_tier: 1, priority_per_tier: 30, dedicated_bonus: 20, reserve_s: 0, target_s: 15 },
  affinity: { timeout_s: 30, bonus: 40, max_age_h: 720 },
  rating: { at_risk_rating: 2.5, at_risk_sentiment: -0.3, weight: 15, priority_boost: 10 },
  fairness: { mode: 'longest_idle', weight: 5, idle_cap_s: 300 },
  overflow: [],
  callback: { predicted_wait_s: 600, default_aht_s: 300 },
  service_level_s: 20,
}

const NESTED = ['tags', 'vip', 'affinity', 'rating', 'fairness', 'callback'] as const

function overlay(base: QueuePolicyInput, top: QueuePolicyInput): QueuePolicyInput {
  const out: Record<string, unknown> = { ...base, ...top }
  for (const key of NESTED) if (base[key] || top[key]) out[key] = { ...base[key], ...top[key] }
  return out as QueuePolicyInput
}

/** The full policy of a queue: built-in defaults ← tenant defaults ← queue settings. */
export function resolveQueuePolicy(cfg: TenantRoutingConfig, queue: string): QueuePolicy {
  const merged = overlay(overlay(BUILTIN_DEFAULTS as QueuePolicyInput, cfg.defaults), cfg.queues[queue] ?? {})
  return { ...(merged as QueuePolicy), skills: cfg.queues[queue]?.skills ?? { [queue]: 1 } }
}

/** A tenant config with nothing set: every queue gets the built-in defaults. */
export function emptyTenantConfig(tenant?: string): TenantRoutingConfig {
  return { tenant, exclusive_channels: ['voice'], require_language: true, defaults: {}, queues: {} }
}
