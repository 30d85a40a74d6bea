/**
 * The scorecard editor's API (qa/scorecard-api.ts, web/app/src/qa/ScorecardEditor.svelte): scorecards stored per
 * tenant, queue and channel, each save a new version; a preview of a draft; a re-scoring job with its progress.
 * The scorecard itself is the YAML/JSON document of qa/scorecard.ts, carried here as a plain object.
 */

/** What a scorecard applies to: '' is any queue / any channel. */
export interface ScorecardScope {
  queue: string
  channel: string
}

/** One stored version of a scope's scorecard. */
export interface ScorecardVersion extends ScorecardScope {
  /** 1, 2, …: every save adds one; results record the version they were scored with. */
  version: number
  /** The scorecard document (its `id` is the scope's, its `version` this one). */
  spec: Record<string, unknown>
  /** Who saved it: a user, or MOFANG_QA_SCORECARDS for a file loaded at start. */
  saved_by: string
  /** ms since the epoch. */
  saved_at: number
}

/** GET /api/qa/scorecards: the latest version of every scope of the caller's tenant. */
export interface ScorecardList {
  scorecards: ScorecardVersion[]
}

/** GET /api/qa/scorecards/versions?queue=&channel=: every version of one scope, newest first. */
export interface ScorecardHistory extends ScorecardScope {
  versions: ScorecardVersion[]
  /**
   * The shipped default scorecard (in ?lang=, zh or en): where a new scope starts, and the settings of a check the
   * scope's scorecard leaves out, for when the editor turns it on.
   */
  template: Record<string, unknown>
}

/** One problem of a draft, named by its field path (`checks.blame.weight`, `checks.blame.phrases[1]`). */
export interface ScorecardFieldError {
  field: string
  reason: string
}

/** POST /api/qa/scorecards/validate: every problem of the draft ([] when it is valid). */
export interface ScorecardValidation {
  errors: ScorecardFieldError[]
}

/** POST /api/qa/scorecards/preview: stored interactions scored with the draft (nothing stored). */
export interface ScorecardPreview {
  rows: { interaction_id: string; stored_score: number; draft_score: number; auto_failed: boolean }[]
}

/** POST /api/qa/scorecards/rescore answers `{ job }`; GET /api/qa/scorecards/jobs/<job> answers this. */
export interface RescoreJob {
  job: string
  state: 'running' | 'done' | 'failed'
  /** Interactions looked at so far, of `total`. */
  done: number
  total: number
  scored: number
  /** Why it failed (state 'failed'). */
  error?: string
}
