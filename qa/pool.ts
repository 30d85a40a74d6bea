/**
 * A pool of scoring worker threads (worker_threads + comlink) for the CLI on large files and for the
 * streaming consumer. Workers load compiled JS (dist/), so run `npx tsc -p tsconfig.json` first when
 * running from sources. Never load chdb in these workers.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import * as Comlink from 'comlink'
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs'
import { compiledSibling } from '../core/index.js'
import type { Scorecard } from './scorecard.js'
import type { Interaction, QaResult } from './types.js'
import type { QaWorkerApi } from './worker.js'
import { decodeResults } from './wire.js'

export interface QaPoolOptions {
  /** Worker threads; default os.availableParallelism(), at least 1, at most 64. */
  size?: number
  /** Smallest slice of a batch sent to one worker, in interactions; default 16 (messaging costs ~0.1 ms). */
  minChunk?: number
  /**
   * Each worker's young generation, MiB; default 192 (64 MiB semi-spaces, as the server's own --max-semi-space-size).
   * Scoring allocates ~100 KiB of short-lived strings and sets per interaction: with V8's default (16 MiB semi-spaces)
   * two workers scored 5,000-5,400 interactions/s here, with 192 MiB 6,500-7,200/s (README, bench:qa).
   */
  youngGenerationMb?: number
}

export interface QaPool {
  readonly size: number
  /**
   * Scores a batch, results in input order. The batch is split over the workers; without a scorecard each
   * interaction gets the default for its language.
   */
  score(batch: Interaction[], scorecard?: Scorecard): Promise<QaResult[]>
  close(): Promise<void>
}

export function createQaPool(options: QaPoolOptions = {}): QaPool {
  const size = Math.min(64, Math.max(1, Math.floor(options.size ?? availableParallelism())))
  const minChunk = Math.max(1, options.minChunk ?? 16)
  const url = compiledSibling(import.meta.url, './worker.js')
  const resourceLimits = { maxYoungGenerationSizeMb: options.youngGenerationMb ?? 192 }
  const workers = Array.from({ length: size }, () => new Worker(url, { resourceLimits }))
  const remotes = workers.map((w) => Comlink.wrap<QaWorkerApi>(nodeEndpoint(w)))
  const pending = new Array<number>(size).fill(0)

  /** The worker with the fewest interactions in flight, so concurrent callers (the stream) share fairly. */
  const leastBusy = () => pending.indexOf(Math.min(...pending))

  async function run(slice: Interaction[], scorecard?: Scorecard): Promise<QaResult[]> {
    const w = leastBusy()
    pending[w] += slice.length
    try {
      return decodeResults(slice, await remotes[w].score(slice, scorecard?.spec))
    } finally {
      pending[w] -= slice.length
    }
  }

  return {
    size,
    async score(batch, scorecard) {
      const chunk = Math.max(minChunk, Math.ceil(batch.length / size))
      const slices: Interaction[][] = []
      for (let i = 0; i < batch.length; i += chunk) slices.push(batch.slice(i, i + chunk))
      return (await Promise.all(slices.map((s) => run(s, scorecard)))).flat()
    },
    async close() {
      for (const r of remotes) r[Comlink.releaseProxy]()
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
