/**
 * Phrase-list checks on what the company says: blame and buck-passing (推诿), and forbidden or sensitive
 * words. Each hit is a flag carrying the matched span as evidence.
 */
import { boundaries } from '../../kits/words/index.js'
import type { ScorecardSpec } from '../scorecard.js'
import {
  agentTurns,
  findAll,
  NOT_APPLICABLE,
  spanFlag,
  type CheckContext,
  type CheckOutcome,
  type Match,
} from './context.js'

const overlaps = (a: Match, b: Match) => a.start < b.end && b.start < a.end

/**
 * Blame phrases in agent turns. A hit that overlaps an `exclude` match is a near-miss and is dropped
 * ("you should have received an email" is information, "you should have read the terms" is blame).
 */
export function blameCheck(ctx: CheckContext, cfg: NonNullable<ScorecardSpec['checks']['blame']>): CheckOutcome {
  const turns = agentTurns(ctx)
  if (turns.length === 0) return NOT_APPLICABLE
  const phrases = ctx.card.patterns.get('checks.blame.phrases')
  const exclude = ctx.card.patterns.get('checks.blame.exclude')
  const flags = turns.flatMap((i) => {
    const text = ctx.turns[i].text
    const excluded = findAll(exclude, text)
    return findAll(phrases, text)
      .filter((m) => !excluded.some((x) => overlaps(m, x)))
      .map((m) => spanFlag('blame', cfg.severity ?? 'high', i, m, 'blame or buck-passing'))
  })
  return { applicable: true, fraction: flags.length ? 0 : 1, failed: flags.length > 0, flags }
}

/** A Han match must start and end on jieba word boundaries: 滚 is forbidden, 滚动条 is not. */
function onWordBoundaries(ctx: CheckContext, turn: number, m: Match): boolean {
  if (!/^\p{Script=Han}/u.test(m.text)) return true
  const { starts, ends } = boundaries(ctx.tokens[turn])
  return starts.has(m.start) && ends.has(m.end)
}

/** Forbidden words fail the check (and may auto-fail the interaction); sensitive words only halve it. */
export function forbiddenCheck(
  ctx: CheckContext,
  cfg: NonNullable<ScorecardSpec['checks']['forbidden_words']>,
): CheckOutcome {
  const turns = agentTurns(ctx, true)
  if (turns.length === 0) return NOT_APPLICABLE
  const hits = (field: string, severity: NonNullable<typeof cfg.severity>, reason: string) =>
    turns.flatMap((i) =>
      findAll(ctx.card.patterns.get(field), ctx.turns[i].text)
        .filter((m) => onWordBoundaries(ctx, i, m))
        .map((m) => spanFlag('forbidden_words', severity, i, m, reason)),
    )
  const forbidden = hits('checks.forbidden_words.words', cfg.severity ?? 'critical', 'forbidden word')
  const sensitive = hits('checks.forbidden_words.sensitive', cfg.sensitive_severity ?? 'low', 'sensitive word')
  const fraction = forbidden.length ? 0 : sensitive.length ? 0.5 : 1
  return { applicable: true, fraction, failed: forbidden.length > 0, flags: [...forbidden, ...sensitive] }
}
