/** A scoring worker thread: loads jieba and the sentiment model once, then scores batches on request. */
import { parentPort } from 'node:worker_threads'
import * as Comlink from 'comlink'
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs'
import { scoreInteraction } from './pipeline.js'
import { compileScorecard, type Scorecard, type ScorecardSpec } from './scorecard.js'
import type { Interaction } from './types.js'
import { encodeResults } from './wire.js'

/** Compiled scorecards by id@version: the spec travels with each batch, the compiling happens once. */
const compiled = new Map<string, Scorecard>()

const api = {
  /** The batch's results, encoded for the pool (wire.ts). */
  score(batch: Interaction[], spec?: ScorecardSpec): string {
    let card: Scorecard | undefined
    if (spec) {
      const key = `${spec.id}@${spec.version}`
      card = compiled.get(key)
      if (!card) compiled.set(key, (card = compileScorecard(spec, key)))
    }
    return encodeResults(
      batch,
      batch.map((interaction) => scoreInteraction(interaction, card)),
    )
  },
}

export type QaWorkerApi = typeof api

if (!parentPort) throw new Error('qa/worker.js must run as a worker thread')
Comlink.expose(api, nodeEndpoint(parentPort))
