/**
 * Stored QA results for the review workflow's tests (qa/review-workflow.*.test.ts): qa_results rows written straight
 * to the warehouse, so a test controls agents, tenants, weeks and flags without running the scorer.
 */
import type { Warehouse } from '../../warehouse/index.js'

export interface StoredResult {
  tenant: string
  interaction_id: string
  agent_id: string
  /** ms since the epoch */
  ended_ms: number
  flagged?: boolean
  score?: number
}

/** One turn and a single applicable check, enough for the desk and the agent's page to show and dispute. */
const CHECKS = JSON.stringify({ greeting: { fraction: 1, weight: 10, applicable: true, auto_failed: false } })

export async function storeResults(wh: Warehouse, results: readonly StoredResult[]): Promise<void> {
  await wh.insert(
    'qa_results',
    results.map((r) => ({
      tenant: r.tenant,
      interaction_id: r.interaction_id,
      channel: 'webchat',
      queue: 'repair',
      agent_id: r.agent_id,
      ended_at: r.ended_ms,
      scored_at: r.ended_ms,
      scorecard_id: 'default',
      scorecard_version: 1,
      language: 'en',
      score: r.score ?? 90,
      flagged: r.flagged ? 1 : 0,
      flag_count: r.flagged ? 1 : 0,
      max_severity: r.flagged ? 'high' : '',
      flag_checks: r.flagged ? ['blame'] : [],
      checks: CHECKS,
      facts: '[]',
      turns: JSON.stringify([
        { role: 'customer', text: `question of ${r.interaction_id}`, sentiment: null },
        { role: 'agent', text: 'Hello, happy to help.', sentiment: null },
      ]),
    })),
  )
}
