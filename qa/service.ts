/**
 * The QA service: scores every finished interaction as it happens.
 *
 * Two durable pull consumers (nats-server 2.9 takes one filter subject each) deliver the end events:
 * `<prefix>.*.*.chat.ended` and `<prefix>.*.*.ticket.resolved`. For each, the service reads the
 * interaction's events back from ClickHouse, builds the turns, scores them on the worker pool (chDB stays
 * on this thread), stores qa_results / qa_flags, publishes the results through JetStream, and only then acks.
 * Results go to the wallboard on `<qaSubject>.<tenant>`; severe flags (abusive language) raise an alert on
 * `<alertSubject>.<tenant>`; both subjects are kept by the QA and alerts stream (bus/qa-alerts.ts), which the live
 * metrics service replays after a restart.
 *
 * The end event can reach the stream before the sink (flushing every 250 ms) has stored the last messages:
 * a message is scored only when its end events are in ClickHouse and have settled (turns.ts `readiness`);
 * until then it is nak'ed with a delay and comes back.
 *
 * Calls: the composition root hands the service's `scoreTranscript` to the transcription service, which calls it
 * with every finished transcript.
 */
import { availableParallelism } from 'node:os'
import type { Consumer, JsMsg } from '@nats-io/jetstream'
import { createYielder, type Service, type ServiceContext, type StoredEvent } from '../core/index.js'
import { ensureConsumer, openKvBucket, publishAlert, publishQaResult } from '../bus/index.js'
import { createQaPool } from './pool.js'
import { qaDropCounters, qaInteractionPipeline, qaMessagePipeline } from './intake.js'
import { backfill, createQaScorer, type QaScorer, type ScoredRow } from './scorer.js'
import { buildInteraction, readiness, type InteractionEventRow, type ScorableInteraction } from './turns.js'
import type { FlagPolicy } from './store.js'
import type { Turn } from './types.js'
import { roleGate } from '../kits/auth/index.js'
import { createReviewApi } from './review-api.js'
import { openScorecardStore } from './scorecard-store.js'
import { readScorecardDir, seedScorecards } from './scorecard-seed.js'
import { createScorecardApi } from './scorecard-api.js'

export interface QaServiceOptions {
  /** Scoring worker threads. Default: cores − 1 (the main thread runs chDB and NATS), at least 1. */
  workers?: number
  /**
   * Scorecard files (MOFANG_QA_SCORECARDS), `<dir>/<tenant>/<queue>[.<channel>].yaml`: read at start, each changed
   * file stored as its scope's next version (qa/scorecard-seed.ts). Scopes without a stored scorecard get the shipped
   * zh/en defaults.
   */
  scorecardDir?: string
  /**
   * How long after ingest accepted the end event its interaction counts as complete, ms. Default 750 (3 sink
   * flushes).
   */
  settleMs?: number
  /**
   * Give up waiting for the end event to reach ClickHouse after this long and score what is there, ms. Default
   * 30,000.
   */
  maxWaitMs?: number
  /** Messages scored together at most. Default 256. */
  maxBatch?: number
  policy?: FlagPolicy
}

export const QA_END_TYPES = ['chat.ended', 'ticket.resolved'] as const

/** Durable names for this topology (the namespace prefix keeps test systems apart). */
export const qaConsumerName = (prefix: string, type: string) =>
  `${prefix.replace(/[^A-Za-z0-9_-]/g, '_')}-qa-${type.replace('.', '-')}`

/** A call's transcript turns and what the recording adds (language, silence statistics). */
export type TranscriptScorer = (
  tenant: string,
  interactionId: string,
  turns: Turn[],
  extra?: { language?: 'zh' | 'en' | 'mixed'; audio?: ScorableInteraction['interaction']['audio'] },
) => Promise<ScoredRow | null>

/** The running QA service, with the hook the composition root hands to the transcription service. */
export interface QaService extends Service {
  /**
   * Scores a call from its transcript. Queue, agent and customer name come from the call's stored events when
   * there are any. Resolves once the result is stored and announced.
   */
  scoreTranscript: TranscriptScorer
}

function transcriptScorer(scorer: QaScorer): TranscriptScorer {
  return async (tenant, interactionId, turns, extra = {}) => {
    const rows = (await scorer.loadEvents(tenant, [interactionId])).get(interactionId) ?? []
    const base = buildInteraction(tenant, rows)
    const item: ScorableInteraction = {
      tenant,
      queue: base?.queue ?? '',
      agent_id: base?.agent_id ?? '',
      ended_at: base?.ended_at ?? Date.now(),
      interaction: {
        interaction_id: interactionId,
        channel: 'voice',
        turns,
        ...(base?.interaction.customer_name && { customer_name: base.interaction.customer_name }),
        ...(base?.interaction.survey && { survey: base.interaction.survey }),
        ...(extra.language && { language: extra.language }),
        ...(extra.audio && { audio: extra.audio }),
      },
    }
    const [scored] = await scorer.scoreAndStore([item])
    return scored ?? null
  }
}

interface Pending {
  msg: JsMsg
  ends: StoredEvent[]
}

export function qaService(opts: QaServiceOptions = {}): (ctx: ServiceContext) => Promise<QaService> {
  return async (ctx: ServiceContext): Promise<QaService> => {
    const { js, jsm, topology, warehouse, log } = ctx
    // A bad file stops the start before anything runs, with a message naming the setting.
    const seedFiles = opts.scorecardDir ? readScorecardDir(opts.scorecardDir) : []
    const scorecards = await openScorecardStore(
      await openKvBucket(js, `${topology.prefix}_qa_scorecards`, { history: 1, replicas: ctx.config.natsReplicas }),
      log,
    )
    for (const line of await seedScorecards(scorecards, seedFiles)) log(`qa: scorecard ${line}`)
    const settleMs = opts.settleMs ?? 750
    const maxWaitMs = opts.maxWaitMs ?? 30_000
    const pool = createQaPool({ size: opts.workers ?? Math.max(1, availableParallelism() - 1) })
    const scorer = createQaScorer({
      warehouse,
      pool,
      scorecards,
      policy: opts.policy,
      // Awaited by scoreAndStore, so an end event is acked only once JetStream has its result (and alert).
      async announce(result, alert) {
        await Promise.all([
          publishQaResult(js, topology, result),
          ...(alert ? [publishAlert(js, topology, alert)] : []),
        ])
      },
    })
    let scored = 0
    let retries = 0
    let lagMs = 0
    const drops = qaDropCounters()
    const messageIntake = qaMessagePipeline(drops)
    const interactionIntake = qaInteractionPipeline(drops)

    /** One batch of messages: ack what got stored, nak (with a delay) what is not complete in ClickHouse yet. */
    async function processBatch(batch: Pending[]): Promise<void> {
      const now = Date.now()
      const byTenant = new Map<string, Set<string>>()
      for (const p of batch)
        for (const e of p.ends) byTenant.set(e.tenant, (byTenant.get(e.tenant) ?? new Set()).add(e.interaction_id!))
      const loaded = new Map<string, Map<string, InteractionEventRow[]>>()
      for (const [tenant, ids] of byTenant) loaded.set(tenant, await scorer.loadEvents(tenant, [...ids]))

      const ready: Pending[] = []
      const items: ScorableInteraction[] = []
      // A backlog at start comes in full batches of long chats: build their turns in slices, not in one stretch.
      const maybeYield = createYielder(50)
      for (const p of batch) {
        await maybeYield()
        const waits = p.ends.map((e) => {
          const rows = loaded.get(e.tenant)?.get(e.interaction_id!) ?? []
          const r = readiness(rows, e.event_id, now, settleMs)
          return r.ready || now - e.received_at > maxWaitMs ? 0 : r.waitMs
        })
        const wait = Math.max(0, ...waits)
        if (wait > 0) {
          retries++
          p.msg.nak(wait)
          continue
        }
        ready.push(p)
        for (const e of p.ends) {
          const rows = loaded.get(e.tenant)?.get(e.interaction_id!) ?? []
          const built = interactionIntake.run({ tenant: e.tenant, rows })
          if (built.kind === 'ok') items.push(built.value)
        }
      }
      if (ready.length === 0) return
      try {
        const rows = await scorer.scoreAndStore(items)
        scored += rows.length
        ready.forEach((p) => p.msg.ack())
        // Lag behind the stream: from ingest accepting the end event to its result being stored.
        const stored = Date.now()
        for (const p of ready) for (const e of p.ends) lagMs = stored - e.received_at
      } catch (err) {
        log(
          `qa: scoring, storing or publishing ${items.length} interaction(s) failed, retrying in 2 s: ${(err as Error).message}`,
        )
        ready.forEach((p) => p.msg.nak(2_000))
      }
    }

    const durables = QA_END_TYPES.map((type) => qaConsumerName(topology.prefix, type))
    await Promise.all(
      QA_END_TYPES.map((type, i) =>
        ensureConsumer(jsm, topology, durables[i], {
          filter: `${topology.prefix}.*.*.${type}`,
          maxAckPending: 1_000,
          ackWaitMs: 60_000,
        }),
      ),
    )
    const consumers: Consumer[] = await Promise.all(durables.map((d) => js.consumers.get(topology.eventStream, d)))
    const streams = await Promise.all(consumers.map((c) => c.consume({ max_messages: 256 })))

    const buffer: Pending[] = []
    let wake: (() => void) | undefined
    let stopping = false
    const pulls = streams.map((messages) =>
      (async () => {
        for await (const msg of messages) {
          const ends = messageIntake.run(msg)
          if (ends.kind === 'ok') buffer.push({ msg, ends: ends.value })
          else {
            // The sink dead-letters undecodable messages; nothing to score here.
            if (ends.kind === 'drop' && ends.reason === 'undecodable')
              log(`qa: skipping undecodable message ${msg.seq}: ${ends.detail?.message}`)
            msg.ack()
          }
          wake?.()
        }
      })().catch((err) => log(`qa: consumer ended: ${(err as Error).message}`)),
    )
    const worker = (async () => {
      while (!stopping) {
        if (buffer.length === 0) {
          await new Promise<void>((r) => (wake = r))
          wake = undefined
          continue
        }
        await processBatch(buffer.splice(0, opts.maxBatch ?? 256)).catch((err) =>
          log(`qa: batch failed: ${(err as Error).message}`),
        )
      }
    })()

    const handler = createReviewApi({
      warehouse,
      access: roleGate(ctx.config),
      timeZone: ctx.config.timeZone,
      sampleShare: ctx.config.qaSampleShare,
      announce: (r) =>
        void publishQaResult(js, topology, r).catch((err) =>
          log(`qa: publishing the corrected score of ${r.interaction_id} failed: ${(err as Error).message}`),
        ),
      backfill: (tenant, since, until, limit) => backfill(warehouse, scorer, { tenant, since, until, limit }),
      adminToken: () => ctx.adminToken,
    })

    const scorecardHandler = createScorecardApi({
      store: scorecards,
      warehouse,
      scorer,
      pool,
      access: roleGate(ctx.config),
      rescore: (tenant, since, until, onProgress) =>
        backfill(warehouse, scorer, { tenant, since, until, rescore: true, onProgress }),
    })

    return {
      name: 'qa',
      scoreTranscript: transcriptScorer(scorer),
      // The scorecard routes first: the review API owns the rest of /api/qa/ (404 for paths it does not know).
      handlers: [scorecardHandler, handler],
      banner: [`QA review desk:       ${ctx.url}/qa`],
      metrics: () => drops.prometheus(),
      health: async () => ({
        ok: true,
        detail: { scored, retries, last_lag_ms: lagMs, workers: pool.size, buffered: buffer.length },
      }),
      async stop() {
        stopping = true
        await Promise.all(streams.map((s) => s.close()))
        await Promise.all(pulls)
        wake?.()
        await worker
        // Pulled but not scored: hand back now rather than after the ack wait.
        buffer.splice(0).forEach((p) => p.msg.nak())
        // Unfinished messages were not acked: they come back to the next run.
        await pool.close()
        await scorecards.stop()
      },
    }
  }
}
