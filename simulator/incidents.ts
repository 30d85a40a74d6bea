/**
 * Incident bursts: now and then one fault hits many customers at once (a bad driver update, a BIOS release), and
 * 8–12 chats about the same error code arrive within 10 minutes, with more screenshots than usual. That is what the
 * live incident detection (conversations/) raises an incident for. Drawn from their own seeded stream, so the
 * rest of the simulation's randomness is consumed as before until the first burst.
 */
import type { Channel } from '../core/index.js'
import { Random } from '../kits/sim/index.js'
import { HOUR, MINUTE } from './calendar.js'
import { ERROR_CODES } from './catalog.js'

/** Mean time from one burst's end to the next burst, ms (exponential gaps, at least an hour). */
export const BURST_EVERY_MS = 4 * HOUR
/** A burst's chats arrive within this window, ms. */
export const BURST_WINDOW_MS = 10 * MINUTE
/** Chats per burst, inclusive. */
export const BURST_CHATS = [8, 12] as const
/** Channels a burst's customers write on. */
const BURST_CHANNELS: readonly Channel[] = ['wechat', 'app', 'webchat']

export interface IncidentHost {
  readonly now: number
  /** No new contacts: the bursts stop too (or a drain would never end). */
  readonly finishing: boolean
  at(time: number, run: () => void): void
  /** A new chat on `channel` about `error`, in the repair queue. */
  arriveWithError(channel: Channel, error: string): void
}

/** Schedules bursts from `start` on until the simulation finishes (each schedules the next); seeded. */
export function scheduleIncidentBursts(host: IncidentHost, seed: number, start: number): void {
  const rng = new Random(seed ^ 0x1c1d)
  const next = (from: number) =>
    host.at(from + Math.max(HOUR, rng.exponential(BURST_EVERY_MS)), () => {
      if (host.finishing) return
      const error = rng.pick(ERROR_CODES)
      const chats = rng.int(BURST_CHATS[0], BURST_CHATS[1])
      for (let i = 0; i < chats; i++) {
        const channel = rng.pick(BURST_CHANNELS)
        host.at(host.now + rng.uniform(0, BURST_WINDOW_MS), () => host.arriveWithError(channel, error))
      }
      next(host.now + BURST_WINDOW_MS)
    })
  next(start)
}
