/**
 * The engine's state as plain JSON, for restarts: persist it (e.g. in a KV bucket)
 * after each batch of decisions, rebuild with `RoutingEngine.fromState`, then replay
 * later events. Offers of known contacts are ignored, so a replay cannot assign twice.
 */
import type { TenantRoutingConfig } from './config.js'
import type { AgentProfile, AgentStateName, ContactInput } from './types.js'

export interface EngineSnapshot {
  version: 1
  /** The last decision sequence number; decisions after a rebuild continue from it. */
  seq: number
  config: TenantRoutingConfig
  agents: { profile: AgentProfile; state: AgentStateName; idleSince: number; csat?: number }[]
  contacts: {
    input: ContactInput
    state: 'waiting' | 'ringing' | 'connected'
    agentId?: string
    assignedAt?: number
    connectedAt?: number
    serving: { queue: string; since: number }[]
    overflowNext: number
    callbackOffered: boolean
  }[]
  /** Smoothed handle time per queue, s. */
  aht: Record<string, number>
}
