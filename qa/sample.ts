/**
 * The weekly review sample: a random share of each agent's unflagged interactions, so reviewers also see good work
 * (MOFANG_QA_SAMPLE_SHARE). Each interaction draws a number in [0, 1) from tenant, week and interaction id and is
 * sampled when the draw is below the share: the pick is stable (the same interaction is in or out on every read,
 * however the queue is filtered and whatever arrives later that week), independent per agent (every agent gets the
 * share of their own unflagged work, in expectation: one with few interactions in a week may get none), and needs no
 * stored state. sql/queries/qa_review_queue.sql computes the same draw in ClickHouse: keep the two in step.
 */
import { createHash } from 'node:crypto'
import { toLocalMinutes } from '../kits/time/index.js'

/** 2^53: the draw keeps the top 53 bits of the hash, which a float64 holds exactly in JS and ClickHouse alike. */
const SCALE = 2 ** 53

/** The Monday (YYYY-MM-DD, in `timeZone`) of the week an instant (ms) falls in: the sample's week key. */
export function weekOf(ms: number, timeZone: string): string {
  const day = Math.floor(toLocalMinutes(ms, timeZone) / 1440)
  // Day 0 (1970-01-01) was a Thursday: three days after a Monday.
  const monday = day - ((((day + 3) % 7) + 7) % 7)
  return new Date(monday * 86_400_000).toISOString().slice(0, 10)
}

/** The interaction's draw in [0, 1): the first 8 bytes of MD5(`tenant|week|id`) read little-endian, top 53 bits. */
export function sampleDraw(tenant: string, week: string, interactionId: string): number {
  const digest = createHash('md5').update(`${tenant}|${week}|${interactionId}`).digest()
  return Number(digest.readBigUInt64LE(0) >> 11n) / SCALE
}

export interface SampleCandidate {
  tenant: string
  interaction_id: string
  /** When the interaction ended, ms since the epoch: picks the week. */
  ended_ms: number
  /** Flagged results are reviewed anyway and never sampled. */
  flagged: boolean
}

/** Whether the weekly sample picks this interaction for review at `share` (0…1) of unflagged work. */
export function isSampled(c: SampleCandidate, share: number, timeZone: string): boolean {
  return !c.flagged && sampleDraw(c.tenant, weekOf(c.ended_ms, timeZone), c.interaction_id) < share
}
