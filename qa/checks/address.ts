/**
 * Addressing the customer by surname (王先生, 欧阳女士, Mr Wang) at least `per_minute` times a minute.
 * Only when the customer's name is known. The conversation's length comes from the turns' timestamps;
 * without them it counts as one minute.
 */
import { addressPattern } from '../surname.js'
import type { ScorecardSpec } from '../scorecard.js'
import {
  agentTurns,
  clamp,
  findAll,
  interactionFlag,
  NOT_APPLICABLE,
  type CheckContext,
  type CheckOutcome,
} from './context.js'

const MS_PER_MINUTE = 60_000

export function conversationMinutes(ctx: CheckContext): number {
  const times = ctx.turns.map((t) => t.ts).filter((ts): ts is number => typeof ts === 'number')
  if (times.length < 2) return 1
  return (Math.max(...times) - Math.min(...times)) / MS_PER_MINUTE
}

export function addressCheck(
  ctx: CheckContext,
  cfg: NonNullable<ScorecardSpec['checks']['address_by_surname']>,
): CheckOutcome {
  const turns = agentTurns(ctx)
  if (!ctx.surname || turns.length === 0) return NOT_APPLICABLE
  const re = addressPattern(ctx.surname)
  const count = turns.reduce((n, i) => n + findAll(re, ctx.turns[i].text).length, 0)
  const minutes = conversationMinutes(ctx)
  const required = Math.max(1, Math.ceil(cfg.per_minute * minutes))
  if (count >= required) return { applicable: true, fraction: 1, failed: false, flags: [] }
  const reason = `addressed the customer by surname (${ctx.surname}) ${count} time(s) in ${minutes.toFixed(1)} min; expected at least ${required}`
  return {
    applicable: true,
    fraction: clamp(count / required, 0, 1),
    failed: true,
    flags: [interactionFlag('address_by_surname', cfg.severity ?? 'low', reason)],
  }
}
