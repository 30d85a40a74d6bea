/**
 * The customer's mood: earned share is (final sentiment + 1) / 2, and an angry customer who leaves angry
 * (first and last thirds both below `angry_below`) fails the check.
 */
import type { ScorecardSpec } from '../scorecard.js'
import { clamp, interactionFlag, NOT_APPLICABLE, type CheckContext, type CheckOutcome } from './context.js'

export function sentimentCheck(
  ctx: CheckContext,
  cfg: NonNullable<ScorecardSpec['checks']['sentiment']>,
): CheckOutcome {
  const { first, last } = ctx.customer
  if (first === null || last === null) return NOT_APPLICABLE
  const angryLeft = first < cfg.angry_below && last < cfg.angry_below
  if (!angryLeft) return { applicable: true, fraction: clamp((last + 1) / 2, 0, 1), failed: false, flags: [] }
  const lastCustomerTurn = ctx.turns.findLastIndex((t) => t.role === 'customer')
  const reason = `angry customer left angry (sentiment ${first.toFixed(2)} → ${last.toFixed(2)})`
  return {
    applicable: true,
    fraction: 0,
    failed: true,
    flags: [interactionFlag('sentiment', cfg.severity ?? 'high', reason, lastCustomerTurn)],
  }
}
