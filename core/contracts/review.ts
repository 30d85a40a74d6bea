/**
 * The review desk API's requests and answers (qa/review-api.ts serves them under /api/qa/, the app's review
 * desk calls them), and the per-check result a scored interaction carries. Types only.
 */

/** One check's outcome in a QA result. */
export interface CheckResult {
  /** Share of the check's weight earned, in [0,1]. */
  fraction: number
  weight: number
  /** False when the check had nothing to judge (no agent turns, no customer name, no audio…): it leaves the total. */
  applicable: boolean
  auto_failed: boolean
}

/** One stored reviewer decision, dispute or answer. */
export interface ReviewRow {
  created_at: number
  review_id: string
  kind: string
  reviewer: string
  item: string
  decision: string
  earned: number | null
  score: number | null
  comment: string
}

/** GET /api/qa/queue: one scored interaction with its effective score. */
export interface QueueRow {
  interaction_id: string
  channel: string
  queue: string
  agent_id: string
  language: string
  /** ms since the epoch */
  ended_ms: number
  auto_score: number
  reviewed_score: number | null
  effective_score: number
  flagged: number
  flag_count: number
  flag_checks: string[]
  max_severity: string
  sentiment_customer: number | null
  /** 1 when the weekly sample (MOFANG_QA_SAMPLE_SHARE, qa/sample.ts) picked this unflagged interaction. */
  sampled: number
  /** The reviewer a QA manager assigned it to ('' = nobody). */
  assigned_to: string
  /** '' never disputed, 'open' the agent's dispute awaits an answer, 'answered' the reviewer answered it. */
  dispute_state: '' | 'open' | 'answered'
}

/** GET /api/qa/queue's answer. */
export interface QueueAnswer {
  rows: QueueRow[]
}

/** GET /api/qa/calls-waiting's answer: calls stored without a transcript because no Whisper model is loaded. */
export interface CallsWaitingAnswer {
  /** Calls of the tenant whose transcript waits for a model. */
  awaiting_model: number
}

/** One flag of a result, with its evidence span in the (masked) turn text. */
export interface FlagRow {
  idx: number
  check: string
  severity: string
  turn: number
  start: number
  end: number
  evidence: string
  reason: string
}

/** GET /api/qa/interactions/<id>: the result, its masked transcript, flags, reviews and disputes. */
export interface ReviewDetail {
  result: {
    interaction_id: string
    channel: string
    queue: string
    agent_id: string
    ended_at: number
    score: number
    auto_failed: number
    language: string
    scorecard_id: string
    scorecard_version: number
    sentiment_customer: number | null
    nps_class: string
    /** Predicted CSAT 1-5 (qa/satisfaction); null on results stored before it existed. */
    csat_predicted: number | null
    checks: Record<string, CheckResult>
    turns: { role: string; text: string; ts?: number; sentiment: number | null }[]
    /** Key facts found in the conversation (error codes, product models, order numbers), each with its turn. */
    facts: { kind: string; value: string; turn: number; start: number; end: number }[]
  }
  flags: FlagRow[]
  effective_score: number
  review: { reviewer: string; at: number; comment: string; items: ReviewRow[] } | null
  history: ReviewRow[]
  calibration: { reviewers: number; mine: boolean }
  /** Predicted satisfaction next to the customer's survey answers, where there are any. */
  satisfaction: SatisfactionComparison
}

/** Predicted vs surveyed satisfaction of one interaction. */
export interface SatisfactionComparison {
  /** Predicted CSAT 1-5 from the conversation; null on results stored before it existed. */
  csat_predicted: number | null
  /** The NPS class predicted from it (a serious flag makes a detractor). */
  nps_predicted: string
  /** The survey's answers, null where none was given. */
  survey_nps: number | null
  survey_csat: number | null
  /** The class the survey gives (NPS first, else CSAT 5/4/1-3), null without a survey. */
  surveyed_class: 'promoter' | 'passive' | 'detractor' | null
  /** Whether the predicted class is the surveyed one; null without a survey. */
  agrees: boolean | null
}

export type Decision = 'confirm' | 'override'

/** A reviewer's decision on one scorecard item (POST /api/qa/interactions/<id>/review `items`). */
export interface ItemDecision {
  check: string
  decision: Decision
  /** For an override: the share of the item's weight earned, 0…1 (0 = fail, 1 = pass). */
  earned?: number
  comment?: string
}

/** POST /api/qa/interactions/<id>/review's answer. */
export interface ReviewAnswer {
  review_id: string
  auto_score: number
  effective_score: number
  auto_failed: boolean
}

/** POST /api/qa/interactions/<id>/dispute and /answer's answer. */
export interface NoteAnswer {
  review_id: string
}

/** POST /api/qa/assign: hand interactions to a reviewer ('' takes them back). */
export interface AssignRequest {
  reviewer: string
  /** Interaction ids of the caller's tenant, 1-500. */
  ids: string[]
}

/** POST /api/qa/assign's answer. */
export interface AssignAnswer {
  assigned: number
}

/** GET /api/qa/mine: one of the signed-in agent's own evaluations and where it stands (ms, 0 = none). */
export interface AgentEvaluationRow {
  interaction_id: string
  channel: string
  queue: string
  ended_ms: number
  auto_score: number
  reviewed_score: number | null
  effective_score: number
  flagged: number
  flag_checks: string[]
  max_severity: string
  disputed_ms: number
  answered_ms: number
  acknowledged_ms: number
}

/** GET /api/qa/mine's answer. */
export interface AgentEvaluationsAnswer {
  agent_id: string
  rows: AgentEvaluationRow[]
}

/** One reviewer's blind calibration: a share per item. */
export interface CalibrationEntry {
  reviewer: string
  items: Record<string, number>
  score: number
}

export interface Agreement {
  reviewers: number
  /** Per item: share of reviewer pairs that agree on pass (share ≥ 0.5) vs fail, 0…1; null with fewer than two. */
  items: Record<string, number | null>
  /** Mean of the items' pair agreement, %; null with fewer than two reviewers. */
  overall_pct: number | null
  /** Highest minus lowest total score. */
  score_spread: number | null
}

/**
 * GET and POST /api/qa/interactions/<id>/calibration: blind until the caller has scored it, then everyone's
 * entries and the agreement.
 */
export interface CalibrationAnswer {
  submitted: boolean
  reviewers: number
  entries?: (CalibrationEntry & { comment: string })[]
  agreement?: Agreement
}
