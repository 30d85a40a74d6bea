/**
 * Word lists matched in a message as it is typed or arrives: the QA scorecard's forbidden and sensitive words (live
 * flags, the agent's draft check), escalation words (live mood). One pass of one regex per list.
 *
 * Entries follow the scorecard's pattern syntax: a plain entry is a literal phrase (case-insensitive), `/…/` a
 * regular expression. Latin literals match on word boundaries ("damn" not in "damnation"); a Han match must start
 * and end on jieba word boundaries, as QA's forbidden-word check does (the forbidden 滚 must not fire inside 滚动条),
 * and the text is only cut into words when a Han entry matched, so most messages cost one regex test.
 */
import { forEachMatch } from '../../core/index.js'
import { boundaries, segment } from './segment.js'

/** What a list is for; the matcher reports it with each hit. */
export type WordKind = 'forbidden' | 'sensitive' | 'escalation'

/** One hit: `start` and `end` are UTF-16 offsets into the text (String.prototype.slice). */
export interface WordHit {
  start: number
  end: number
  /** The text as written, e.g. `Manager` for the entry `manager`. */
  word: string
  kind: WordKind
}

export type WordLists = Partial<Record<WordKind, readonly string[]>>

export interface WordMatcher {
  /** Every hit in the text, in order of position (a span matched by two lists is reported for each). */
  find(text: string): WordHit[]
  /** The lists it was built from. */
  readonly lists: WordLists
}

/**
 * Escalation words: a customer asking for a refund, a manager, or threatening a complaint or a bad review. Words
 * that only mean "a person, please" (人工, human) are not escalation: bots hear them all day.
 */
export const ESCALATION_WORDS: readonly string[] = [
  '投诉',
  '差评',
  '退款',
  '退货',
  '找你们领导',
  '找领导',
  '经理',
  '主管',
  '12315',
  '消协',
  '曝光',
  '律师',
  '起诉',
  'complaint',
  'complain',
  'refund',
  'manager',
  'supervisor',
  'lawyer',
  'sue',
  '/cancel(led|ling)? (my|the) (order|subscription|contract)/',
]

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A "/…/" entry is a regular expression, everything else a literal phrase. */
export const isRegexEntry = (entry: string) => entry.length > 2 && entry.startsWith('/') && entry.endsWith('/')
const HAN_START = /^\p{Script=Han}/u

/** One alternation of a list, or undefined for an empty one; throws on an invalid `/…/` entry. */
export function compileWords(list: readonly string[]): RegExp | undefined {
  if (list.length === 0) return undefined
  const parts = list.map((entry) => {
    const isRegex = isRegexEntry(entry)
    const body = isRegex ? entry.slice(1, -1) : escapeRegex(entry)
    return !isRegex && /^[A-Za-z]/.test(entry) ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : `(?:${body})`
  })
  return new RegExp(parts.join('|'), 'giu')
}

/** Start and end offsets of the text's jieba words (dictionary loaded on first use, ~0.3 s). */
export const wordBoundaries = (text: string): { starts: Set<number>; ends: Set<number> } => boundaries(segment(text))

/** A matcher for the lists given (e.g. the scorecard's forbidden and sensitive words, ESCALATION_WORDS). */
export function wordMatcher(lists: WordLists): WordMatcher {
  const compiled = (Object.entries(lists) as [WordKind, readonly string[]][])
    .map(([kind, list]) => ({ kind, re: compileWords(list) }))
    .filter((c): c is { kind: WordKind; re: RegExp } => c.re !== undefined)
  return {
    lists,
    find(text) {
      const hits: WordHit[] = []
      let bounds: ReturnType<typeof wordBoundaries> | undefined
      for (const { kind, re } of compiled) {
        forEachMatch(re, text, (m) => {
          const start = m.index
          const end = start + m[0].length
          if (HAN_START.test(m[0])) {
            bounds ??= wordBoundaries(text)
            if (!bounds.starts.has(start) || !bounds.ends.has(end)) return
          }
          hits.push({ start, end, word: m[0], kind })
        })
      }
      return hits.sort((a, b) => a.start - b.start || a.end - b.end)
    },
  }
}
