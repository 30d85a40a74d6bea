/** The review desk's calls to /api/qa/… (qa/review-api.ts); the shapes they send and return are core/contracts'. */
import type {
  AgentEvaluationsAnswer,
  AssignAnswer,
  CalibrationAnswer,
  CallsWaitingAnswer,
  ItemDecision,
  NoteAnswer,
  QueueAnswer,
  ReviewAnswer,
  ReviewDetail,
  FlagRow,
} from '../../../../core/contracts/index.js'

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
    call<QueueAnswer>(`/api/qa/queue?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''))}`),
  /** Calls whose transcript waits for a Whisper model. */
  callsWaiting: () => call<CallsWaitingAnswer>('/api/qa/calls-waiting'),
  detail: (id: string) => call<ReviewDetail>(item(id)),
  review: (id: string, items: ItemDecision[], comment: string) =>
    call<ReviewAnswer>(item(id, 'review'), { method: 'POST', body: { items, comment } }),
  note: (id: string, kind: 'dispute' | 'answer', comment: string, itemName = '') =>
    call<NoteAnswer>(item(id, kind), { method: 'POST', body: { comment, ...(itemName && { item: itemName }) } }),
  calibration: (id: string) => call<CalibrationAnswer>(item(id, 'calibration')),
  calibrate: (id: string, items: Record<string, number>, comment: string) =>
    call<CalibrationAnswer>(item(id, 'calibration'), { method: 'POST', body: { items, comment } }),
  assign: (reviewer: string, ids: string[]) =>
    call<AssignAnswer>('/api/qa/assign', { method: 'POST', body: { reviewer, ids } }),
  /** The signed-in agent's own evaluations (qa/review-api.ts /api/qa/mine). */
  mine: () => call<AgentEvaluationsAnswer>('/api/qa/mine'),
  myDetail: (id: string) => call<ReviewDetail>(`/api/qa/mine/${encodeURIComponent(id)}`),
  acknowledge: (id: string, comment: string) =>
    call<NoteAnswer>(`/api/qa/mine/${encodeURIComponent(id)}/acknowledge`, { method: 'POST', body: { comment } }),
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
