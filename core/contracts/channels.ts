/**
 * The channels' status board: GET /api/channels and /healthz show, per tenant and platform, the last message's time,
 * messages stored, and refusals and failures by reason (channels/status.ts keeps it). Types only.
 */

export interface ChannelStatus {
  tenant: string
  /** The webhook's platform: wechat, wecom, dingtalk, facebook, line, email. */
  platform: string
  /** ms since the epoch, or null before the first message. */
  last_message_at: number | null
  messages: number
  /** Refusals (bad_signature, stale, replayed, …) and failures (unavailable, mapping_invalid) by reason. */
  errors: Partial<Record<string, number>>
  /** The latest error, for a tooltip and the health detail. */
  last_error?: { at: number; reason: string }
}

/** GET /api/channels */
export interface ChannelsAnswer {
  tenant: string
  channels: ChannelStatus[]
}
