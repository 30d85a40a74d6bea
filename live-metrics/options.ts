/** Options of the live metrics engine, with their defaults and limits. */
import type { SlTarget } from '../core/contracts/index.js'

export interface ServiceLevelOptions {
  /** Target for voice queues; default 80 % in 20 s. */
  voice?: SlTarget
  /** Target for messaging queues (webchat, app, wechat, …); default 80 % in 60 s. */
  chat?: SlTarget
  /** Per channel overrides, e.g. `{ email: { percent: 90, seconds: 3600 } }`. */
  channels?: Record<string, SlTarget>
  /** Per queue overrides; win over channel and group targets. */
  queues?: Record<string, SlTarget>
}

export interface LiveMetricsOptions {
  /**
   * Abandons after a wait shorter than this are "short" and left out of SL and abandon rate; ms, default 5000, 0
   * turns it off.
   */
  shortAbandonMs?: number
  serviceLevel?: ServiceLevelOptions
  /** Rolling windows, minutes; default [15, 30, 60]; each 1…1440. */
  windowsMinutes?: number[]
  /** Length of the intervals of today's series, minutes; default 15; must divide 1440. */
  intervalMinutes?: number
  /** IANA time zone that defines "today" and the interval grid; default the process's zone. */
  timeZone?: string
  /**
   * State of an interaction or agent with no event for this long is dropped, and older events are ignored; ms,
   * default 6 h.
   */
  retentionMs?: number
  /** A contact "waiting" longer than this is assumed lost (missing end event) and no longer shown; ms, default 4 h. */
  maxWaitMs?: number
  /**
   * A wrap_up without interaction_id is linked to the agent's contact that ended within this long before it; ms,
   * default 10 min.
   */
  wrapLinkMs?: number
  /** Alerts disappear this long after they were last raised unless the alert says otherwise; ms, default 30 min. */
  alertTtlMs?: number
  /** Sentiment per queue averages QA results of this many minutes; default 15. */
  sentimentWindowMinutes?: number
  /**
   * Events one interaction keeps in the engine; default 2,000, a whole number ≥ 1. Beyond it only the first event
   * of each type is still taken (so the contact still ends); the rest are dropped from the live metrics and counted
   * as `interaction_event_cap` in the engine's `drops`. They are still stored in the warehouse. A chat with more
   * agent messages keeps its first reply, so its metrics stay exact; only a hold/unhold storm beyond it loses holds.
   */
  maxEventsPerInteraction?: number
}

export const DEFAULT_SL_VOICE: SlTarget = { percent: 80, seconds: 20 }
export const DEFAULT_SL_CHAT: SlTarget = { percent: 80, seconds: 60 }

export type ResolvedOptions = Required<Omit<LiveMetricsOptions, 'serviceLevel'>> & {
  serviceLevel: Required<ServiceLevelOptions>
}

const MINUTE = 60_000

export function resolveOptions(o: LiveMetricsOptions = {}): ResolvedOptions {
  const windows = o.windowsMinutes ?? [15, 30, 60]
  for (const w of windows)
    if (!Number.isInteger(w) || w < 1 || w > 1440)
      throw new RangeError(`windowsMinutes: ${w} is not a whole number of minutes in 1…1440`)
  const interval = o.intervalMinutes ?? 15
  if (!Number.isInteger(interval) || interval < 1 || 1440 % interval !== 0)
    throw new RangeError(`intervalMinutes: ${interval} must be a whole number of minutes dividing 1440`)
  const timeZone = o.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
  new Intl.DateTimeFormat('en-US', { timeZone }) // throws RangeError on an unknown zone
  const maxEvents = o.maxEventsPerInteraction ?? 2_000
  if (!Number.isInteger(maxEvents) || maxEvents < 1)
    throw new RangeError(`maxEventsPerInteraction: ${maxEvents} is not a whole number ≥ 1`)
  return {
    shortAbandonMs: o.shortAbandonMs ?? 5000,
    serviceLevel: {
      voice: o.serviceLevel?.voice ?? DEFAULT_SL_VOICE,
      chat: o.serviceLevel?.chat ?? DEFAULT_SL_CHAT,
      channels: o.serviceLevel?.channels ?? {},
      queues: o.serviceLevel?.queues ?? {},
    },
    windowsMinutes: [...new Set(windows)].sort((a, b) => a - b),
    intervalMinutes: interval,
    timeZone,
    retentionMs: o.retentionMs ?? 6 * 60 * MINUTE,
    maxWaitMs: o.maxWaitMs ?? 4 * 60 * MINUTE,
    wrapLinkMs: o.wrapLinkMs ?? 10 * MINUTE,
    alertTtlMs: o.alertTtlMs ?? 30 * MINUTE,
    sentimentWindowMinutes: o.sentimentWindowMinutes ?? 15,
    maxEventsPerInteraction: maxEvents,
  }
}

/** The SL target of a contact: its queue's, else its channel's, else the voice/chat default. */
export function slTargetFor(opts: ResolvedOptions, channel: string, queue: string | undefined): SlTarget {
  const sl = opts.serviceLevel
  return (
    (queue !== undefined ? sl.queues[queue] : undefined) ??
    sl.channels[channel] ??
    (channel === 'voice' ? sl.voice : sl.chat)
  )
}
