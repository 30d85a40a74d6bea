/**
 * Scoring stored interactions: load their events from ClickHouse (main thread: chDB never enters a worker),
 * build the turns, score them on the worker pool with the tenant's scorecard, store the rows and announce the
 * results. Shared by the stream consumer, the backfill and the transcription hook.
 */
import { loadQuery, type Warehouse } from '../warehouse/index.js'
import type { QaPool } from './pool.js'
import type { Scorecard } from './scorecard.js'
import { buildInteraction, groupByInteraction, type InteractionEventRow, type ScorableInteraction } from './turns.js'
import {
  liveInput,
  qaRows,
  severeAlert,
  storeQaRows,
  type FlagPolicy,
  type QaFlagRow,
  type QaResultRow,
} from './store.js'
import type { AlertInput, QaResultInput } from '../core/contracts/index.js'

export interface QaScorerDeps {
  warehouse: Warehouse
  pool: QaPool
  /**
   * Tenants' scorecards (qa/scorecard-store.ts), asked for every batch, so a save applies to the next one; without
   * it, or when the tenant has none for the interaction, the shipped default of its language.
   */
  scorecards?: { cardFor(tenant: string, queue: string, channel: string): Scorecard | undefined }
  policy?: FlagPolicy
  /**
   * Called after the rows are stored (the service publishes them through JetStream); `scoreAndStore` resolves only
   * once every announcement has.
   */
  announce?(result: QaResultInput, alert: AlertInput | null): void | Promise<void>
}

export interface ScoredRow {
  result: QaResultRow
  flags: QaFlagRow[]
}

export interface QaScorer {
  /** Events of the given interactions of one tenant, grouped by interaction id. */
  loadEvents(tenant: string, ids: readonly string[]): Promise<Map<string, InteractionEventRow[]>>
  /**
   * Scores, stores and announces; resolves once the rows are in ClickHouse and announced. Interactions without turns
   * are skipped.
   */
  scoreAndStore(items: readonly ScorableInteraction[]): Promise<ScoredRow[]>
}

export function createQaScorer(deps: QaScorerDeps): QaScorer {
  const sql = loadQuery('qa_interaction_events')
  const ocrSql = loadQuery('qa_interaction_ocr')
  return {
    async loadEvents(tenant, ids) {
      if (ids.length === 0) return new Map()
      const params = { tenant, ids: [...ids] }
      const [rows, ocr] = await Promise.all([
        deps.warehouse.query<InteractionEventRow>(sql, params),
        deps.warehouse.query<{ event_id: string; ocr_text: string }>(ocrSql, params),
      ])
      const ocrText = new Map(ocr.map((o) => [o.event_id, o.ocr_text]))
      for (const row of rows) if (ocrText.has(row.event_id)) row.ocr_text = ocrText.get(row.event_id)
      return groupByInteraction(rows)
    },

    async scoreAndStore(items) {
      const withTurns = items.filter((i) => i.interaction.turns.length > 0)
      const groups = new Map<Scorecard | undefined, ScorableInteraction[]>()
      for (const item of withTurns) {
        const card = deps.scorecards?.cardFor(item.tenant, item.queue, item.interaction.channel ?? '')
        groups.set(card, [...(groups.get(card) ?? []), item])
      }
      const scoredAt = Date.now()
      const rows: ScoredRow[] = []
      await Promise.all(
        [...groups].map(async ([card, group]) => {
          const results = await deps.pool.score(
            group.map((g) => g.interaction),
            card,
          )
          group.forEach((item, i) => rows.push(qaRows(item, results[i], scoredAt, deps.policy)))
        }),
      )
      await storeQaRows(deps.warehouse, rows)
      const announce = deps.announce
      if (announce)
        await Promise.all(rows.map((r) => announce(liveInput(r.result), severeAlert(r.result, r.flags, deps.policy))))
      return rows
    },
  }
}

export interface BackfillOptions {
  /** Interactions that ended at or after this time, ms since the epoch. */
  since: number
  /** …and before this time, ms; default now. */
  until?: number
  /** Only this tenant; default every tenant. */
  tenant?: string
  /** Most interactions to score in this run; default 100,000. */
  limit?: number
  /** Interactions per scoring batch; default 256. */
  batch?: number
  /** Score every finished interaction of the period again, also those with a result (a changed scorecard). */
  rescore?: boolean
  onProgress?(done: number, total: number): void
}

/**
 * Scores finished chats and tickets that have no QA result yet (all of them with `rescore`). Returns how many were
 * scored and skipped (no turns).
 */
export async function backfill(
  wh: Warehouse,
  scorer: QaScorer,
  opts: BackfillOptions,
): Promise<{ scored: number; skipped: number }> {
  const todo = await wh.query<{ tenant: string; interaction_id: string }>(
    opts.rescore ? loadQuery('qa_finished') : loadQuery('qa_unscored'),
    {
      since: opts.since,
      until: opts.until ?? Date.now(),
      tenant: opts.tenant ?? '',
      limit: opts.limit ?? 100_000,
    },
  )
  const size = opts.batch ?? 256
  let scored = 0
  let done = 0
  for (let i = 0; i < todo.length; i += size) {
    const slice = todo.slice(i, i + size)
    const byTenant = new Map<string, string[]>()
    for (const r of slice) byTenant.set(r.tenant, [...(byTenant.get(r.tenant) ?? []), r.interaction_id])
    for (const [tenant, ids] of byTenant) {
      const events = await scorer.loadEvents(tenant, ids)
      const items = [...events.values()]
        .map((rows) => buildInteraction(tenant, rows))
        .filter((x): x is ScorableInteraction => x !== null)
      scored += (await scorer.scoreAndStore(items)).length
    }
    done += slice.length
    opts.onProgress?.(done, todo.length)
  }
  return { scored, skipped: todo.length - scored }
}
