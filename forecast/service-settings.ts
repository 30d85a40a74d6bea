/**
 * Settings of the forecast service, from the validated configuration (core/config.ts);
 * the targets and regions are parsed here, at start, with errors naming the variable.
 */
import { readFileSync } from 'node:fs'
import { type Config, ConfigError, LIVE_CHAT_CHANNELS } from '../core/index.js'
import { MAX_CONCURRENCY, type ServiceTarget } from '../kits/erlang/index.js'
import type { Region } from './weather/types.js'

export interface ForecastServiceOptions {
  /** The centre's IANA time zone (config.timeZone). */
  timeZone: string
  /** Minutes between recomputes; 0 = only at start. Default 15. */
  everyMinutes?: number
  /** Days of history the forecast trains on. Default 56. */
  historyDays?: number
  /** Local days forecast, today included. Default 8. */
  days?: number
  /** Service-level target per channel; '*' for any other channel. Default voice 80/20, others 80/60. */
  targets?: Record<string, ServiceTarget>
  /** AHT when a queue has no answered contacts yet, seconds. Default 300. */
  defaultAht?: number
  /** Chats per agent and the slowdown, for staffing chat channels. Default 3 chats per agent, slowdown 0.25. */
  chat?: ChatStaffing
  /** 'none' (default), a feed file path (JSON or CSV), or an Open-Meteo base URL (http…). */
  weatherSource?: string
  /** Regions and the queues their customers call. Default none. */
  regions?: Region[]
  /** Hours ahead the surge detector looks. Default 6. */
  surgeHours?: number
  /** Alert when extra contacts ≥ this share of the window's forecast. Default 0.15. */
  surgeThreshold?: number
  /** …and at least this many extra contacts. Default 20. */
  surgeMinContacts?: number
  /**
   * Relative volume change per 10 mm/h of rain: the prior, used until a region has enough weather history. Default
   * 0.3.
   */
  rainUpliftPer10mm?: number
  /** Days of stored weather with history before a region's learned uplift replaces the prior. Default 14. */
  upliftMinDays?: number
  /** …and rainy hours (≥ 0.5 mm/h) among them. Default 10. */
  upliftMinRainHours?: number
  /** Recompute at start. Default true (tests turn it off and call recompute()). */
  runAtStart?: boolean
}

export const DEFAULT_TARGETS: Record<string, ServiceTarget> = {
  voice: { serviceLevel: 0.8, threshold: 20 },
  '*': { serviceLevel: 0.8, threshold: 60 },
}

/** `voice:80/20,*:80/60` → targets. */
export function parseTargets(text: string, variable = 'MOFANG_SL_TARGETS'): Record<string, ServiceTarget> {
  const out: Record<string, ServiceTarget> = {}
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([\w*-]+):(\d+(?:\.\d+)?)\/(\d+)$/.exec(part)
    if (!m || !(+m[2] > 0 && +m[2] < 100))
      throw new ConfigError(variable, `expected channel:SL/seconds like voice:80/20, got "${part}"`)
    out[m[1]] = { serviceLevel: +m[2] / 100, threshold: +m[3] }
  }
  return { ...DEFAULT_TARGETS, ...out }
}

export const targetFor = (targets: Record<string, ServiceTarget>, channel: string): ServiceTarget =>
  targets[channel] ?? targets['*'] ?? DEFAULT_TARGETS['*']

/** Channels staffed as chats (core LIVE_CHAT_CHANNELS). */
export const CHAT_CHANNELS: ReadonlySet<string> = new Set(LIVE_CHAT_CHANNELS)

/** How chat channels are staffed (MOFANG_CHAT_CONCURRENCY, MOFANG_CHAT_SLOWDOWN). */
export interface ChatStaffing {
  /** Chats an agent handles at once, 1…8, for every chat queue. */
  concurrency: number
  /** Per-queue overrides of `concurrency`. */
  queues?: Record<string, number>
  /** Handle time at j chats = AHT·(1 + slowdown·(j − 1)). Default 0.25 (the kit's). */
  slowdown?: number
}

/** Three chats per agent, as the simulated centre's chat agents take (`mofang simulate --max-chats`, default 3). */
export const DEFAULT_CHAT: ChatStaffing = { concurrency: 3 }

/** `3` or `3,vip:2,complaints:1` → chats per agent, and per queue. */
export function parseChatConcurrency(text: string, variable = 'MOFANG_CHAT_CONCURRENCY'): ChatStaffing {
  const out: ChatStaffing = { ...DEFAULT_CHAT, queues: {} }
  const whole = (v: string, part: string) => {
    const k = Number(v)
    if (!/^\d+$/.test(v) || k < 1 || k > MAX_CONCURRENCY)
      throw new ConfigError(
        variable,
        `expected chats per agent 1-${MAX_CONCURRENCY} or queue:k like vip:2, got "${part}"`,
      )
    return k
  }
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = part.lastIndexOf(':')
    if (at < 0) out.concurrency = whole(part, part)
    else if (at === 0) whole('', part)
    else out.queues![part.slice(0, at)] = whole(part.slice(at + 1).trim(), part)
  }
  return out
}

/** Chats per agent and slowdown for a queue and channel; undefined for channels that are not chat. */
export function chatConcurrencyOf(
  chat: ChatStaffing,
  queue: string,
  channel: string,
): { concurrency: number; slowdown?: number } | undefined {
  if (!CHAT_CHANNELS.has(channel)) return undefined
  return { concurrency: chat.queues?.[queue] ?? chat.concurrency, slowdown: chat.slowdown }
}

/** The staffing target of one queue and channel: the channel's service level, and for chats the concurrency. */
export function staffingTarget(
  targets: Record<string, ServiceTarget>,
  chat: ChatStaffing,
  queue: string,
  channel: string,
): ServiceTarget {
  return { ...targetFor(targets, channel), ...chatConcurrencyOf(chat, queue, channel) }
}

function parseRegions(text: string): Region[] {
  const json = text.trim().startsWith('[') ? text : readFileSync(text, 'utf8')
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (err) {
    throw new ConfigError('MOFANG_WEATHER_REGIONS', `not JSON: ${(err as Error).message}`)
  }
  if (!Array.isArray(data))
    throw new ConfigError('MOFANG_WEATHER_REGIONS', 'expected a JSON array of { region, latitude, longitude, queues }')
  return data.map((r: Partial<Region>, i) => {
    if (
      typeof r.region !== 'string' ||
      !Array.isArray(r.queues) ||
      typeof r.latitude !== 'number' ||
      typeof r.longitude !== 'number'
    ) {
      throw new ConfigError(
        'MOFANG_WEATHER_REGIONS',
        `item ${i}: needs region (string), latitude, longitude (numbers) and queues (array)`,
      )
    }
    return { region: r.region, latitude: r.latitude, longitude: r.longitude, queues: r.queues.map(String) }
  })
}

/** The service's options from the MOFANG_FORECAST_* / MOFANG_WEATHER_* / MOFANG_SURGE_* settings (core/config.ts). */
export function forecastSettings(config: Config): ForecastServiceOptions {
  return {
    timeZone: config.timeZone,
    everyMinutes: config.forecastEveryMin,
    historyDays: config.forecastHistoryDays,
    days: config.forecastDays,
    targets: parseTargets(config.slTargets),
    chat: { ...parseChatConcurrency(config.chatConcurrency), slowdown: config.chatSlowdown },
    weatherSource: config.weatherSource === 'none' ? undefined : config.weatherSource,
    regions: config.weatherRegions ? parseRegions(config.weatherRegions) : undefined,
    surgeHours: config.surgeHours,
    surgeThreshold: config.surgeThreshold,
    surgeMinContacts: config.surgeMinContacts,
    rainUpliftPer10mm: config.rainUpliftPer10mm,
  }
}
