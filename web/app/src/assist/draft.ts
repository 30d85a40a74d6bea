/** The draft check's spans laid over the draft: the pieces of text, each marked when a span covers it. */
import type { AssistCheckAnswer } from '../../../../core/contracts/index.js'

export type Span = AssistCheckAnswer['spans'][number]

export interface Piece {
  text: string
  span?: Span
}

/** The draft cut at the spans' edges (spans sorted, overlaps and out-of-range parts dropped). */
export function pieces(draft: string, spans: readonly Span[]): Piece[] {
  const out: Piece[] = []
  let at = 0
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(s.start, at)
    const end = Math.min(s.end, draft.length)
    if (end <= start) continue
    if (start > at) out.push({ text: draft.slice(at, start) })
    out.push({ text: draft.slice(start, end), span: s })
    at = end
  }
  if (at < draft.length) out.push({ text: draft.slice(at) })
  return out
}
