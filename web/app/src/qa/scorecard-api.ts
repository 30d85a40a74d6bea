/**
 * The scorecard editor's calls to /api/qa/scorecards… (qa/scorecard-api.ts). A 400 comes back as a FieldError, so the
 * editor can put the reason next to the field it names.
 */
import type {
  RescoreJob,
  ScorecardHistory,
  ScorecardList,
  ScorecardPreview,
  ScorecardScope,
  ScorecardValidation,
  ScorecardVersion,
} from '../../../../core/contracts/index.js'
import { Unauthorized } from './api.js'

/** A refused request: the field the server named ('' when none) and why. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(reason)
  }
}

async function call<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(
    path,
    body === undefined
      ? undefined
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  )
  if (res.status === 401) throw new Unauthorized()
  const answer = (await res.json()) as T & { reason?: string; field?: string }
  if (!res.ok) throw new FieldError(answer.field ?? '', answer.reason ?? `HTTP ${res.status}`)
  return answer
}

const BASE = '/api/qa/scorecards'
type Spec = Record<string, unknown>

export const scorecardApi = {
  list: () => call<ScorecardList>(BASE),
  versions: (s: ScorecardScope, lang: string) =>
    call<ScorecardHistory>(`${BASE}/versions?${new URLSearchParams({ ...s, lang })}`),
  validate: (s: ScorecardScope, spec: Spec) => call<ScorecardValidation>(`${BASE}/validate`, { ...s, spec }),
  save: (s: ScorecardScope, spec: Spec) => call<ScorecardVersion>(BASE, { ...s, spec }),
  preview: (s: ScorecardScope, spec: Spec) => call<ScorecardPreview>(`${BASE}/preview`, { ...s, spec }),
  rescore: (since: string, until: string) => call<{ job: string }>(`${BASE}/rescore`, { since, until }),
  job: (id: string) => call<RescoreJob>(`${BASE}/jobs/${encodeURIComponent(id)}`),
}
