/** Streams a generated period as NDJSON (one event per line), hour by hour, respecting back-pressure. */
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { Simulation } from './engine.js'
import type { GenerateOptions } from './generate.js'
import { HOUR } from './calendar.js'

/** Writes the same events as `generate(opts)` (drained), without holding them all in memory. Returns the count. */
export async function writeNdjson(out: Writable, opts: GenerateOptions): Promise<number> {
  const sim = new Simulation(opts)
  const end = sim.startedAt + (opts.durationMs ?? HOUR)
  let count = 0
  const write = async (events: ReturnType<Simulation['advanceTo']>) => {
    if (events.length === 0) return
    count += events.length
    if (!out.write(events.map((e) => JSON.stringify(e)).join('\n') + '\n')) await once(out, 'drain')
  }
  for (let t = sim.startedAt; t < end;) {
    t = Math.min(t + HOUR, end)
    await write(sim.advanceTo(t))
  }
  if (opts.drain ?? true) await write(sim.drain())
  return count
}
