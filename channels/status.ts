/**
 * What each channel has done: per tenant and platform, the last message's time, messages stored, and refusals and
 * errors by reason. /healthz, /metrics, the wall's channel strip and `mofang channels check` read it.
 */
import type { ChannelStatus } from '../core/contracts/index.js'
import { CHANNEL_REFUSALS, type ChannelRefusalReason, type Platform } from './adapter.js'

/** Failures that are not the caller's fault: the broker or the disk could not take the messages. */
export type ChannelFailure = 'unavailable' | 'mapping_invalid'

export type { ChannelStatus }

export class ChannelStatusBoard {
  private readonly rows = new Map<string, ChannelStatus>()

  /** Every configured channel starts on the board, so a silent one shows (never heard from). */
  constructor(configured: Iterable<[string, Platform]>) {
    for (const [tenant, platform] of configured) this.row(tenant, platform)
  }

  private row(tenant: string, platform: Platform): ChannelStatus {
    const key = `${tenant}/${platform}`
    let row = this.rows.get(key)
    if (!row) this.rows.set(key, (row = { tenant, platform, last_message_at: null, messages: 0, errors: {} }))
    return row
  }

  stored(tenant: string, platform: Platform, messages: number, now: number): void {
    const row = this.row(tenant, platform)
    row.messages += messages
    if (messages) row.last_message_at = now
  }

  failed(tenant: string, platform: Platform, reason: ChannelRefusalReason | ChannelFailure, text: string, now: number) {
    const row = this.row(tenant, platform)
    row.errors[reason] = (row.errors[reason] ?? 0) + 1
    row.last_error = { at: now, reason: text }
  }

  list(tenant?: string): ChannelStatus[] {
    return [...this.rows.values()].filter((r) => tenant === undefined || r.tenant === tenant)
  }

  /** Prometheus lines: messages and errors per tenant, platform and reason. */
  prometheus(): string {
    const lines = ['# TYPE mofang_channel_messages_total counter', '# TYPE mofang_channel_errors_total counter']
    const reasons: (ChannelRefusalReason | ChannelFailure)[] = [
      ...(Object.keys(CHANNEL_REFUSALS) as ChannelRefusalReason[]),
      'unavailable',
      'mapping_invalid',
    ]
    for (const r of this.rows.values()) {
      const labels = `tenant="${r.tenant}",platform="${r.platform}"`
      lines.push(`mofang_channel_messages_total{${labels}} ${r.messages}`)
      for (const reason of reasons)
        lines.push(`mofang_channel_errors_total{${labels},reason="${reason}"} ${r.errors[reason] ?? 0}`)
    }
    return lines.join('\n')
  }
}
