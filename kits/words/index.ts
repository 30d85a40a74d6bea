/**
 * The words kit: word lists matched in messages (forbidden and sensitive words, escalation words) with the
 * scorecard's pattern syntax and jieba word boundaries for Chinese. Used by the live conversations (flags, mood)
 * and agent assist (the draft check).
 */
export { compileWords, ESCALATION_WORDS, isRegexEntry, wordBoundaries, wordMatcher } from './words.js'
export { boundaries, segment, segmentEach, type Token } from './segment.js'
export type { WordHit, WordKind, WordLists, WordMatcher } from './words.js'
