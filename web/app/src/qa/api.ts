/** The review desk's calls to /api/qa/… (qa/review-api.ts) and the shapes they return. */
import type { ReviewRow } from '../../../../qa/review-types.js'

export type { ReviewRow }

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
}

export interface CheckResult {
  fraction: number
  weight: number
  applicable: boolean
  auto_failed: boolean
}

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

export interface Detail {
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
    checks: Record<string, CheckResult>
    turns: { role: string; text: string; ts?: number; sentiment: number | null }[]
  }
  flags: FlagRow[]
  effective_score: number
  review: { reviewer: string; at: number; comment: string; items: ReviewRow[] } | null
  history: ReviewRow[]
  calibration: { reviewers: number; mine: boolean }
}

export interface Calibration {
  submitted: boolean
  reviewers: number
  entries?: { reviewer: string; items: Record<string, number>; score: number; comment: string }[]
  agreement?: {
    reviewers: number
    items: Record<string, number | null>
    overall_pct: number | null
    score_spread: number | null
  }
}

export class Unauthorized extends Error {}

async function call<T>(path: string, init?: { method: string; body: unknown }): Promise<T> {
  const res = await fetch(
    path,
    init
      ? { method: init.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) }
      : undefined,
  )
  if (res.status === 401) throw new Unauthorized()
  const body = (await res.json()) as T & { reason?: string }
  if (!res.ok) throw new Error(body.reason ?? `HTTP ${res.status}`)
  return body
}

const item = (id: string, action = '') => `/api/qa/interactions/${encodeURIComponent(id)}${action ? '/' + action : ''}`

export const qaApi = {
  queue: (filters: Record<string, string>) =>
    call<{ rows: QueueRow[] }>(
      `/api/qa/queue?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''))}`,
    ),
  detail: (id: string) => call<Detail>(item(id)),
  review: (
    id: string,
    items: { check: string; decision: 'confirm' | 'override'; earned?: number; comment?: string }[],
    comment: string,
  ) => call<{ effective_score: number }>(item(id, 'review'), { method: 'POST', body: { items, comment } }),
  note: (id: string, kind: 'dispute' | 'answer', comment: string, itemName = '') =>
    call(item(id, kind), { method: 'POST', body: { comment, ...(itemName && { item: itemName }) } }),
  calibration: (id: string) => call<Calibration>(item(id, 'calibration')),
  calibrate: (id: string, items: Record<string, number>, comment: string) =>
    call<Calibration>(item(id, 'calibration'), { method: 'POST', body: { items, comment } }),
}

/** Text of a turn cut into plain, evidence (flagged span) and masked (PII) pieces, in order. */
export function pieces(text: string, flags: readonly FlagRow[]): { text: string; flag?: FlagRow; masked: boolean }[] {
  const spans = flags.filter((f) => f.end > f.start).sort((a, b) => a.start - b.start)
  const out: { text: string; flag?: FlagRow; masked: boolean }[] = []
  let at = 0
  const plain = (s: string) => {
    // Masked PII keeps its length as a run of '*': show it as a masked block.
    for (const part of s.split(/(\*{4,})/)) if (part) out.push({ text: part, masked: /^\*{4,}$/.test(part) })
  }
  for (const f of spans) {
    if (f.start < at) continue
    plain(text.slice(at, f.start))
    out.push({ text: text.slice(f.start, f.end), flag: f, masked: false })
    at = f.end
  }
  plain(text.slice(at))
  return out
}
