/**
 * Batch generation for tests, replays and `mofang simulate --dry-run`: a whole simulated
 * period at once, as a ts-sorted array.
 */
import { BadInputError, type IncomingEvent } from '../core/index.js'
import { Simulation, type GroundTruth, type SimStats, type SimulationOptions } from './engine.js'
import { HOUR } from './calendar.js'

export interface GenerateOptions extends SimulationOptions {
  /** Simulated period during which contacts arrive, ms. Default 1 hour. */
  durationMs?: number
  /**
   * Let contacts still in progress at the end finish and every agent log out, so each life
   * cycle is complete (events then run past start + duration; tickets by up to a few days).
   * Default true; false cuts at start + duration exactly.
   */
  drain?: boolean
}

export interface GeneratedRun {
  events: IncomingEvent[]
  truth: GroundTruth
  stats: SimStats
}

/** Events plus the ground truth behind them. */
export function generateRun(opts: GenerateOptions = {}): GeneratedRun {
  const durationMs = opts.durationMs ?? HOUR
  if (!(durationMs >= 0 && Number.isFinite(durationMs)))
    throw new BadInputError(`durationMs must be ≥ 0, got ${durationMs}`)
  const sim = new Simulation(opts)
  const events = sim.advanceTo(sim.startedAt + durationMs)
  if (opts.drain ?? true) for (const e of sim.drain()) events.push(e)
  return { events, truth: sim.truth(), stats: sim.stats() }
}

/** The events of a simulated period, ts-sorted. Deterministic when `start` and `seed` are given. */
export function generate(opts: GenerateOptions = {}): IncomingEvent[] {
  return generateRun(opts).events
}
