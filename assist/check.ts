/**
 * `POST /v1/assist/check`: a draft agent message checked before it is sent. Spans of the tenant's forbidden and
 * sensitive words (the QA scorecard's lists, matched by kits/words as QA matches them: whole Chinese words, whole
 * Latin words) and of unhelpful phrasing (rewording.ts), with a suggested draft: each span with a known safer
 * phrase replaced by it, a forbidden word without one removed. `ok` is true when there is no span.
 */
import type { AssistCheckAnswer } from '../core/contracts/index.js'
import { wordMatcher, type WordHit, type WordLists, type WordMatcher } from '../kits/words/index.js'
import { PHRASING, rewordingOf } from './rewording.js'

/** Drafts longer than this are refused (a chat message's text limit). */
export const MAX_DRAFT = 16_000

/** What a tenant's drafts are checked with: the scorecard's lists plus the phrasing table. */
export interface DraftChecker {
  matcher: WordMatcher
  /** The scorecard's own sensitive words, lower-cased: a hit on these is a sensitive word, not phrasing. */
  scorecardSensitive: ReadonlySet<string>
}

export function draftChecker(lists: Pick<WordLists, 'forbidden' | 'sensitive'>): DraftChecker {
  const sensitive = lists.sensitive ?? []
  return {
    matcher: wordMatcher({ forbidden: lists.forbidden ?? [], sensitive: [...sensitive, ...PHRASING] }),
    scorecardSensitive: new Set(sensitive.map((w) => w.toLowerCase())),
  }
}

const REASONS = {
  forbidden: 'forbidden word (QA scorecard): never send it',
  sensitive: 'sensitive word (QA scorecard): a promise or statement to avoid',
} as const

/** Of overlapping hits, the one starting first, then the longest (我不知道 over 不知道); forbidden over sensitive. */
function outermost(hits: readonly WordHit[]): WordHit[] {
  const sorted = [...hits].sort(
    (a, b) => a.start - b.start || b.end - a.end || Number(b.kind === 'forbidden') - Number(a.kind === 'forbidden'),
  )
  const kept: WordHit[] = []
  for (const h of sorted) if (!kept.length || h.start >= kept[kept.length - 1].end) kept.push(h)
  return kept
}

export function checkDraft(text: string, { matcher, scorecardSensitive }: DraftChecker): AssistCheckAnswer {
  const hits = outermost(matcher.find(text).filter((h) => h.kind !== 'escalation'))
  const spans = hits.map((h) => {
    const kind = h.kind as 'forbidden' | 'sensitive'
    const safer = rewordingOf(h.word)
    const phrasing = kind === 'sensitive' && safer !== undefined && !scorecardSensitive.has(h.word.toLowerCase())
    const reason = phrasing ? `unhelpful phrasing: say "${safer}"` : REASONS[kind]
    return { start: h.start, end: h.end, word: h.word, kind, reason }
  })
  let suggestion = ''
  let changed = false
  let at = 0
  for (const s of spans) {
    const safer = rewordingOf(s.word) ?? (s.kind === 'forbidden' ? '' : undefined)
    if (safer === undefined) continue
    suggestion += text.slice(at, s.start) + safer
    at = s.end
    changed = true
  }
  suggestion += text.slice(at)
  return {
    ok: spans.length === 0,
    spans,
    suggestion: changed ? suggestion.replace(/ {2,}/g, ' ').trim() : null,
  }
}
