/**
 * NPS class: from the survey when there is one (NPS 9-10 promoter, 7-8 passive, 0-6 detractor; CSAT 5/4/1-3
 * when only CSAT was asked), and a prediction for every interaction from the predicted CSAT (satisfaction/model.ts,
 * learned from human-rated dialogues) and the serious flags, so the prediction can be checked against surveys
 * where both exist.
 */
import type { Scorecard } from './scorecard.js'
import { satisfactionModel } from './satisfaction/model.js'
import type { SatisfactionComparison } from '../core/contracts/index.js'
import type { Flag, Interaction, NpsClass, QaResult } from './types.js'

/** Flags a customer is likely to remember when asked "would you recommend us?". */
const SERIOUS = new Set(['high', 'critical'])

export function npsClassOfScore(score: number): NpsClass {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor'
}

function csatClass(csat: number): NpsClass {
  return csat >= 5 ? 'promoter' : csat >= 4 ? 'passive' : 'detractor'
}

/**
 * The predicted NPS class: a serious flag makes a detractor; otherwise the predicted CSAT's class, with the
 * scorecard's `nps` cuts (predicted CSAT below `detractor_below` → detractor, at or above `promoter_from` →
 * promoter) or, where it has none, the model's (weights.json `classes`, chosen on the training dialogues).
 */
export function predictNps(csatPredicted: number, flags: readonly Flag[], card: Scorecard): NpsClass {
  if (flags.some((f) => SERIOUS.has(f.severity))) return 'detractor'
  const model = satisfactionModel().weights.classes
  const detractorBelow = card.spec.nps?.detractor_below ?? model.detractor_below
  const promoterFrom = card.spec.nps?.promoter_from ?? model.promoter_from
  return csatPredicted < detractorBelow ? 'detractor' : csatPredicted >= promoterFrom ? 'promoter' : 'passive'
}

export function npsOf(interaction: Interaction, predicted: NpsClass): QaResult['nps'] {
  const { nps, csat } = interaction.survey ?? {}
  if (typeof nps === 'number' && nps >= 0 && nps <= 10)
    return { score: nps, class: npsClassOfScore(nps), source: 'survey' }
  if (typeof csat === 'number' && csat >= 1 && csat <= 5) return { score: null, class: csatClass(csat), source: 'csat' }
  return { score: null, class: predicted, source: 'predicted' }
}

/**
 * Predicted vs surveyed for the review desk (GET /api/qa/interactions/<id> `satisfaction`): the prediction, the
 * survey's answers (null where none was given), the class they give and whether it agrees with the predicted one
 * (null without a survey). `csat_predicted` is null for results stored before predicted CSAT existed.
 */
export function satisfactionOf(row: {
  csat_predicted: number | null
  nps_predicted: string
  survey_nps: number | null
  survey_csat: number | null
}): SatisfactionComparison {
  const nps = row.survey_nps ?? null
  const csat = row.survey_csat ?? null
  const surveyed = nps !== null ? npsClassOfScore(nps) : csat !== null ? csatClass(csat) : null
  const predicted = row.csat_predicted ?? null
  return {
    // Stored as Float32: back to the two decimals it was predicted with.
    csat_predicted: predicted === null ? null : Math.round(predicted * 100) / 100,
    nps_predicted: row.nps_predicted,
    survey_nps: nps,
    survey_csat: csat,
    surveyed_class: surveyed,
    agrees: surveyed === null ? null : surveyed === row.nps_predicted,
  }
}
