/**
 * NPS class: from the survey when there is one (NPS 9-10 promoter, 7-8 passive, 0-6 detractor; CSAT 5/4/1-3
 * when only CSAT was asked), and a prediction for every interaction from the customer's final sentiment
 * and the serious flags, so the prediction can be checked against surveys where both exist.
 */
import type { Scorecard } from './scorecard.js'
import type { Flag, Interaction, NpsClass, QaResult } from './types.js'

export const NPS_DEFAULTS = { promoter_from: 0.4, detractor_below: -0.2 }

/** Flags a customer is likely to remember when asked "would you recommend us?". */
const SERIOUS = new Set(['high', 'critical'])

export function npsClassOfScore(score: number): NpsClass {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor'
}

function csatClass(csat: number): NpsClass {
  return csat >= 5 ? 'promoter' : csat >= 4 ? 'passive' : 'detractor'
}

export function predictNps(lastCustomerSentiment: number | null, flags: readonly Flag[], card: Scorecard): NpsClass {
  const { promoter_from, detractor_below } = card.spec.nps ?? NPS_DEFAULTS
  if (flags.some((f) => SERIOUS.has(f.severity))) return 'detractor'
  if (lastCustomerSentiment === null) return 'passive'
  if (lastCustomerSentiment < detractor_below) return 'detractor'
  return lastCustomerSentiment >= promoter_from ? 'promoter' : 'passive'
}

export function npsOf(interaction: Interaction, predicted: NpsClass): QaResult['nps'] {
  const { nps, csat } = interaction.survey ?? {}
  if (typeof nps === 'number' && nps >= 0 && nps <= 10)
    return { score: nps, class: npsClassOfScore(nps), source: 'survey' }
  if (typeof csat === 'number' && csat >= 1 && csat <= 5) return { score: null, class: csatClass(csat), source: 'csat' }
  return { score: null, class: predicted, source: 'predicted' }
}
