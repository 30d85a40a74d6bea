/** The QA engine's input and output shapes: what the CLI reads and writes one per line, and the pool returns. */
import type { Language } from './language.js'
import type { CheckResult } from '../core/contracts/index.js'
import type { PiiKind, PiiSpan } from '../kits/pii/index.js'

/** One check's outcome: declared in core/contracts (the review desk API sends it too), named here with QaResult. */
export type { CheckResult }

export type Speaker = 'customer' | 'agent' | 'bot'

export interface Turn {
  role: Speaker
  text: string
  /** When the turn was sent or spoken, ms since the epoch (or since the start of the call). Optional. */
  ts?: number
}

/** Silence statistics from the audio, for voice interactions only. */
export interface AudioStats {
  /** Length of the recording, ms. */
  duration_ms: number
  /** Total silence in the recording, ms. */
  silence_ms?: number
  /** Individual silences (dead air), ms from the start of the recording. */
  silences?: { start_ms: number; end_ms: number }[]
}

export interface Interaction {
  interaction_id: string
  channel?: string
  /** Declared language; detected from the text when absent. */
  language?: Language
  customer_name?: string
  agent_name?: string
  survey?: { nps?: number; csat?: number }
  audio?: AudioStats
  turns: Turn[]
}

export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical'

/** One finding, with the evidence span in the (redacted) turn text. `turn` is -1 for interaction-level findings. */
export interface Flag {
  check: string
  severity: Severity
  turn: number
  start: number
  end: number
  text: string
  /** Why it fired, for the review desk. */
  reason: string
}

/** PII kinds and redacted spans (offsets index both the original and the redacted text): the PII kit's. */
export type { PiiKind, PiiSpan }

export type FactKind = 'error_code' | 'product_model' | 'order_number'

export interface Fact {
  kind: FactKind
  value: string
  turn: number
  start: number
  end: number
}

export type NpsClass = 'promoter' | 'passive' | 'detractor'

export interface QaResult {
  interaction_id: string
  scorecard: { id: string; version: number }
  language: Language
  /** 0-100; 0 when an auto-fail check fired. */
  score: number
  auto_failed: boolean
  checks: Record<string, CheckResult>
  flags: Flag[]
  politeness: { agent: number | null }
  sentiment: {
    /** Per turn, null for bot turns. */
    turns: (number | null)[]
    customer: { overall: number | null; first: number | null; last: number | null }
    agent: { overall: number | null }
  }
  nps: { score: number | null; class: NpsClass; source: 'survey' | 'csat' | 'predicted' }
  /** The NPS class predicted from csat_predicted (a serious flag makes a detractor). */
  nps_predicted: NpsClass
  /**
   * Predicted customer satisfaction, 1-5 (the predicted mean of human 1-5 ratings of the dialogue): learned from
   * rated service dialogues, from the customer's sentiment trajectory, resolution/complaint/repetition cues and
   * turn features (qa/satisfaction).
   */
  csat_predicted: number
  facts: Fact[]
  pii: PiiSpan[]
  turns: Turn[]
}
