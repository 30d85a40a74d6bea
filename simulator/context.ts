/** What the parts of a simulation (floor, flows) share: the clock, randomness and the event outlet. */
import type { IncomingEvent } from '../core/index.js'
import type { Random } from '../kits/sim/index.js'
import type { LocalClock } from './calendar.js'
import type { CallRecorder } from './recordings.js'

export interface SimContext {
  readonly rng: Random
  readonly tenant: string
  readonly clock: LocalClock
  /** Simulated time of the action being run, ms. */
  readonly now: number
  /** True once the simulation stopped taking new contacts and is winding down. */
  readonly finishing: boolean
  /** Runs `action` at simulated `time` (≥ now). */
  at(time: number, action: () => void): void
  /** Queues an event for output; its ts must be ≥ now (the future is fine: transcripts are written ahead). */
  emit(event: IncomingEvent): void
  /** Renders finished calls to audio (the live simulator); absent = recordings stay placeholders. */
  readonly recorder?: CallRecorder
  /** A new id unique to this run, e.g. call-s42-lx3k2-1a. */
  newId(prefix: string): string
}
