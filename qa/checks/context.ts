/** What every check sees: the redacted turns and what earlier pipeline steps derived from them. */
import type { Language } from '../language.js'
import type { Scorecard } from '../scorecard.js'
import { forEachMatch } from '../../core/index.js'
import type { Token } from '../../kits/words/index.js'
import type { Flag, Interaction, Severity, Turn } from '../types.js'

export interface CheckContext {
  interaction: Interaction
  card: Scorecard
  /** Redacted turns: no check ever sees the raw text. */
  turns: Turn[]
  language: Language
  /** jieba tokens per turn (empty for turns without Han). */
  tokens: Token[][]
  /** Sentiment per turn in [-1,1]; null for bot turns. */
  sentiment: (number | null)[]
  /** Customer sentiment summary, filled by the sentiment step. */
  customer: { overall: number | null; first: number | null; last: number | null }
  surname: string | null
}

export interface CheckOutcome {
  /** False when there was nothing to judge; the check then leaves the total. */
  applicable: boolean
  /** Share of the weight earned, in [0,1]. */
  fraction: number
  /** The check failed outright: this is what `auto_fail` acts on. */
  failed: boolean
  flags: Flag[]
}

export const NOT_APPLICABLE: CheckOutcome = { applicable: false, fraction: 0, failed: false, flags: [] }

export interface Match {
  start: number
  end: number
  text: string
}

/**
 * The non-empty matches of a global regex, as `text.matchAll(re)` finds them, without its clone of the regex per call
 * (forEachMatch). Leaves `lastIndex` at 0, as it finds it on the scorecard's shared regexes.
 */
export function findAll(re: RegExp | undefined, text: string): Match[] {
  if (!re) return []
  const out: Match[] = []
  forEachMatch(re, text, (m) => out.push({ start: m.index, end: m.index + m[0].length, text: m[0] }))
  return out
}

/** Indexes of the turns the company speaks (agents; bots too when `withBots`). */
export function agentTurns(ctx: CheckContext, withBots = false): number[] {
  const out: number[] = []
  for (let i = 0; i < ctx.turns.length; i++) {
    const role = ctx.turns[i].role
    if (role === 'agent' || (withBots && role === 'bot')) out.push(i)
  }
  return out
}

export function spanFlag(check: string, severity: Severity, turn: number, m: Match, reason: string): Flag {
  return { check, severity, turn, start: m.start, end: m.end, text: m.text, reason }
}

/** A finding about the interaction as a whole (a missing greeting, too little use of the name). */
export function interactionFlag(check: string, severity: Severity, reason: string, turn = -1): Flag {
  return { check, severity, turn, start: 0, end: 0, text: '', reason }
}

export const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))
