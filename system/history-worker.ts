/**
 * Worker thread of the simulated-history back-fill (history.ts): runs the simulator's deterministic generator over
 * the history window one local day at a time and hands each day's events to the main thread as the warehouse's event
 * rows (a transferred buffer, no copy), so generating and inserting overlap on two cores. Chat messages are left out
 * of the history (see history.ts). At most `credits` days wait unacknowledged, so memory stays bounded.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { IncomingEvent, StoredEvent } from '../core/index.js'
import { Simulation } from '../simulator/index.js'
import { SIMULATED_MAX_RAIN_MM_H, SIMULATED_UPLIFT_PER_10MM, simulatedRainMmH } from '../kits/sim/index.js'
import { eventRows } from '../warehouse/index.js'

export interface HistoryWorkerInput {
  seed: number
  agents: number
  rate: number
  tenant: string
  /** Chunk boundaries, ms: the days [bounds[i], bounds[i + 1]). */
  bounds: number[]
  /** Scale arrivals by the simulated weather (kits/sim/weather.ts). */
  weather: boolean
  credits: number
}

export interface HistoryChunk {
  index: number
  events: number
  rows: ArrayBuffer
}

/** Events a metrics history does without: chat transcripts are half the events and most of the bytes. */
const LEFT_OUT = new Set(['chat.message'])

const input = workerData as HistoryWorkerInput
let credits = input.credits
let wake: (() => void) | undefined
parentPort!.on('message', () => {
  credits++
  wake?.()
})

const sim = new Simulation({
  seed: input.seed,
  agents: input.agents,
  ratePerHour: input.rate,
  tenant: input.tenant,
  start: input.bounds[0],
  weather: input.weather
    ? {
        rainMmH: (ts) => simulatedRainMmH(ts),
        maxRainMmH: SIMULATED_MAX_RAIN_MM_H,
        upliftPer10mm: SIMULATED_UPLIFT_PER_10MM,
      }
    : undefined,
})

for (let i = 0; i + 1 < input.bounds.length; i++) {
  while (credits <= 0) await new Promise<void>((r) => (wake = r))
  credits--
  const stored: StoredEvent[] = []
  for (const e of sim.advanceTo(input.bounds[i + 1]) as (IncomingEvent & Partial<StoredEvent>)[]) {
    if (LEFT_OUT.has(e.type)) continue
    e.v = 1
    e.payload ??= {}
    e.received_at = e.ts
    stored.push(e as StoredEvent)
  }
  const rows = eventRows(stored)
  const copy = rows.buffer.slice(rows.byteOffset, rows.byteOffset + rows.byteLength) as ArrayBuffer
  parentPort!.postMessage({ index: i, events: stored.length, rows: copy } satisfies HistoryChunk, [copy])
}
