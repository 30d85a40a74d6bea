/**
 * QA results into ClickHouse (qa_results, qa_flags: sql/migrations/0004_qa.sql) and onto NATS for the
 * wallboard. Everything stored comes from the scored result, whose text is already PII-masked: the raw
 * interaction never reaches these tables.
 */
import type { Warehouse } from '../warehouse/index.js'
import type { AlertInput, QaResultInput } from '../core/contracts/index.js'
import type { ScorableInteraction } from './turns.js'
import type { QaResult, Severity } from './types.js'

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 }

/** Policy knobs for what counts as flagged and what raises a wallboard alert. */
export interface FlagPolicy {
  /**
   * A result is flagged (review queue, wallboard share) when a flag reaches this severity, or it auto-failed. Default
   * 'medium'.
   */
  flagFrom?: Severity
  /** A flag at or above this severity raises a wallboard alert. Default 'critical' (abusive language). */
  alertFrom?: Severity
}

export interface QaResultRow {
  tenant: string
  interaction_id: string
  channel: string
  queue: string
  agent_id: string
  ended_at: number
  scored_at: number
  scorecard_id: string
  scorecard_version: number
  language: string
  score: number
  auto_failed: number
  flagged: number
  flag_count: number
  max_severity: string
  flag_checks: string[]
  sentiment_customer: number | null
  sentiment_first: number | null
  sentiment_last: number | null
  politeness: number | null
  nps_class: string
  nps_source: string
  nps_predicted: string
  pii_count: number
  /** Predicted CSAT 1-5 (sql/migrations/0011_qa_csat.sql). */
  csat_predicted: number
  /** The customer's survey answers, null where none was given: predicted vs surveyed. */
  survey_nps: number | null
  survey_csat: number | null
  checks: string
  facts: string
  turns: string
}

export interface QaFlagRow {
  tenant: string
  interaction_id: string
  idx: number
  scored_at: number
  ended_at: number
  queue: string
  agent_id: string
  check_name: string
  severity: string
  turn: number
  span_start: number
  span_end: number
  evidence: string
  reason: string
}

export function maxSeverity(result: QaResult): Severity | '' {
  let best: Severity | '' = ''
  for (const f of result.flags) if (best === '' || SEVERITY_RANK[f.severity] > SEVERITY_RANK[best]) best = f.severity
  return best
}

export function isFlagged(result: QaResult, policy: FlagPolicy = {}): boolean {
  const from = SEVERITY_RANK[policy.flagFrom ?? 'medium']
  return result.auto_failed || result.flags.some((f) => SEVERITY_RANK[f.severity] >= from)
}

/** A survey answer on its scale, else null (as npsOf reads it). */
const surveyAnswer = (x: number | undefined, min: number, max: number) =>
  typeof x === 'number' && x >= min && x <= max ? x : null

/** The rows to store for one scored interaction. */
export function qaRows(
  item: ScorableInteraction,
  result: QaResult,
  scoredAt: number,
  policy: FlagPolicy = {},
): { result: QaResultRow; flags: QaFlagRow[] } {
  // Object.assign onto a fresh literal, no spreads: in this V8 a spread followed by new properties builds a fresh
  // hidden class on every call, which made this function cost a third of scoring the interaction.
  const base = () => ({
    tenant: item.tenant,
    interaction_id: item.interaction.interaction_id,
    queue: item.queue,
    agent_id: item.agent_id,
    ended_at: item.ended_at,
    scored_at: scoredAt,
  })
  const turns = result.turns.map((t, i) => ({
    role: t.role,
    text: t.text,
    ts: t.ts,
    sentiment: result.sentiment.turns[i] ?? null,
  }))
  return {
    result: Object.assign(base(), {
      channel: item.interaction.channel ?? '',
      scorecard_id: result.scorecard.id,
      scorecard_version: result.scorecard.version,
      language: result.language,
      score: result.score,
      auto_failed: result.auto_failed ? 1 : 0,
      flagged: isFlagged(result, policy) ? 1 : 0,
      flag_count: result.flags.length,
      max_severity: maxSeverity(result),
      flag_checks: [...new Set(result.flags.map((f) => f.check))],
      sentiment_customer: result.sentiment.customer.overall,
      sentiment_first: result.sentiment.customer.first,
      sentiment_last: result.sentiment.customer.last,
      politeness: result.politeness.agent,
      nps_class: result.nps.class,
      nps_source: result.nps.source,
      nps_predicted: result.nps_predicted,
      pii_count: result.pii.length,
      csat_predicted: result.csat_predicted,
      survey_nps: surveyAnswer(item.interaction.survey?.nps, 0, 10),
      survey_csat: surveyAnswer(item.interaction.survey?.csat, 1, 5),
      checks: JSON.stringify(result.checks),
      facts: JSON.stringify(result.facts),
      turns: JSON.stringify(turns),
    }),
    flags: result.flags.map((f, idx) =>
      Object.assign(base(), {
        idx,
        check_name: f.check,
        severity: f.severity,
        turn: f.turn,
        span_start: f.start,
        span_end: f.end,
        evidence: f.text,
        reason: f.reason,
      }),
    ),
  }
}

/** Inserts results first and flags second, so a flag never points at a result that is not there. */
export async function storeQaRows(wh: Warehouse, rows: { result: QaResultRow; flags: QaFlagRow[] }[]): Promise<void> {
  if (rows.length === 0) return
  await wh.insert(
    'qa_results',
    rows.map((r) => r.result),
  )
  const flags = rows.flatMap((r) => r.flags)
  if (flags.length) await wh.insert('qa_flags', flags)
}

/** What the live metrics engine applies (today's QA average, share flagged, sentiment per queue). */
export function liveInput(row: QaResultRow): QaResultInput {
  const input: QaResultInput = {
    tenant: row.tenant,
    interaction_id: row.interaction_id,
    ts: row.scored_at,
    score: row.score,
    flagged: row.flagged === 1,
  }
  if (row.sentiment_customer !== null) input.sentiment = row.sentiment_customer
  if (row.queue) input.queue = row.queue
  if (row.agent_id) input.agent_id = row.agent_id
  return input
}

/** A wallboard alert for the result's severe flags, or null. One id per interaction: a rescoring refreshes it. */
export function severeAlert(
  row: QaResultRow,
  flags: readonly QaFlagRow[],
  policy: FlagPolicy = {},
  ttlMs = 15 * 60_000,
): AlertInput | null {
  const from = SEVERITY_RANK[policy.alertFrom ?? 'critical']
  const severe = flags.filter((f) => SEVERITY_RANK[f.severity as Severity] >= from)
  if (severe.length === 0) return null
  const checks = [...new Set(severe.map((f) => f.check_name))].join(', ')
  const who = [row.agent_id && `agent ${row.agent_id}`, row.queue && `queue ${row.queue}`].filter(Boolean).join(', ')
  return {
    tenant: row.tenant,
    id: `qa:${row.interaction_id}`,
    severity: 'critical',
    text: `QA: ${checks} in ${row.interaction_id}${who ? ` (${who})` : ''}`,
    ts: row.scored_at,
    source: 'qa',
    ttl_ms: ttlMs,
  }
}
