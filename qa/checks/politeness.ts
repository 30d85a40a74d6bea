/**
 * Agent politeness in [0,1]: each agent turn starts at 0.5, gains 0.25 per polite form (您, 请, 谢谢, please,
 * thank you…; at most two count) and loses 0.5 per impolite expression; the score is the mean over turns.
 * A polite refusal (很抱歉，这个我们无法办理，但您可以…) is polite: refusing is not on the impolite list.
 */
import type { ScorecardSpec } from '../scorecard.js'
import {
  agentTurns,
  clamp,
  findAll,
  interactionFlag,
  NOT_APPLICABLE,
  spanFlag,
  type CheckContext,
  type CheckOutcome,
} from './context.js'

const NEUTRAL_TURN = 0.5
const PER_POLITE_FORM = 0.25
const POLITE_FORMS_COUNTED = 2
const PER_IMPOLITE = 0.5

export function politenessCheck(
  ctx: CheckContext,
  cfg: NonNullable<ScorecardSpec['checks']['politeness']>,
): CheckOutcome {
  const turns = agentTurns(ctx)
  if (turns.length === 0) return NOT_APPLICABLE
  const polite = ctx.card.patterns.get('checks.politeness.polite')
  const impolite = ctx.card.patterns.get('checks.politeness.impolite')
  const flags = []
  let sum = 0
  for (const i of turns) {
    const text = ctx.turns[i].text
    const rude = findAll(impolite, text)
    for (const m of rude) flags.push(spanFlag('politeness', cfg.severity ?? 'medium', i, m, 'impolite expression'))
    sum += clamp(
      NEUTRAL_TURN +
        PER_POLITE_FORM * Math.min(POLITE_FORMS_COUNTED, findAll(polite, text).length) -
        PER_IMPOLITE * rude.length,
      0,
      1,
    )
  }
  const score = sum / turns.length
  const failed = score < cfg.min_score
  if (failed)
    flags.push(
      interactionFlag(
        'politeness',
        cfg.severity ?? 'medium',
        `agent politeness ${score.toFixed(2)} below ${cfg.min_score}`,
      ),
    )
  return { applicable: true, fraction: score, failed, flags }
}
