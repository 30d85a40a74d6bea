/** The events table's row for one stored event (JSONEachRow; ts as integer ms into DateTime64(3)). */
import type { StoredEvent } from '../core/events.js'

export interface EventRow {
  event_id: string
  tenant: string
  ts: number
  received_at: number
  v: number
  channel: string
  type: string
  interaction_id: string
  customer_id: string
  merged_from: string[]
  identities: Record<string, string>
  customer_name: string
  agent_id: string
  queue: string
  team: string
  site: string
  skills: string[]
  tags: string[]
  vip: number
  payload: string
  stream_seq: number
}

export function eventRow(e: StoredEvent, streamSeq: number): EventRow {
  return {
    event_id: e.event_id,
    tenant: e.tenant,
    ts: e.ts,
    received_at: e.received_at,
    v: e.v,
    channel: e.channel,
    type: e.type,
    interaction_id: e.interaction_id ?? '',
    customer_id: e.customer_id ?? '',
    merged_from: e.merged_from ?? [],
    identities: (e.customer ?? {}) as Record<string, string>,
    customer_name: e.customer_name ?? '',
    agent_id: e.agent_id ?? '',
    queue: e.queue ?? '',
    team: e.team ?? '',
    site: e.site ?? '',
    skills: e.skills ?? [],
    tags: e.tags ?? [],
    vip: e.vip ?? 0,
    payload: JSON.stringify(e.payload ?? {}),
    stream_seq: streamSeq,
  }
}
