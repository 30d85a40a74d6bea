import { satisfactionModel } from './satisfaction/model.js';
/** Flags a customer is likely to remember when asked "would you recommend us?". */
const SERIOUS = new Set(['high', 'critical']);
export function npsClassOfScore(score) {
    return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
}
function csatClass(csat) {
    return csat >= 5 ? 'promoter' : csat >= 4 ? 'passive' : 'detractor';
}
/**
 * The predicted NPS class: a serious flag makes a detractor; otherwise the predicted CSAT's class, with the
 * scorecard's `nps` cuts (predicted CSAT below `detractor_below` → detractor, at or above `promoter_from` →
 * promoter) or, where it has none, the model's (weights.json `classes`, chosen on the training dialogues).
 */
export function predictNps(csatPredicted, flags, card) {
    if (flags.some((f) => SERIOUS.has(f.severity)))
        return 'detractor';
    const model = satisfactionModel().weights.classes;
    const detractorBelow = card.spec.nps?.detractor_below ?? model.detractor_below;
    const promoterFrom = card.spec.nps?.promoter_from ?? model.promoter_from;
    return csatPredicted < detractorBelow ? 'detractor' : csatPredicted >= promoterFrom ? 'promoter' : 'passive';
}
export function npsOf(interaction, predicted) {
    const { nps, csat } = interaction.survey ?? {};
    if (typeof nps === 'number' && nps >= 0 && nps <= 10)
        return { score: nps, class: npsClassOfScore(nps), source: 'survey' };
    if (typeof csat === 'number' && csat >= 1 && csat <= 5)
        return { score: null, class: csatClass(csat), source: 'csat' };
    return { score: null, class: predicted, source: 'predicted' };
}
/**
 * Predicted vs surveyed for the review desk (GET /api/qa/interactions/<id> `satisfaction`): the prediction, the
 * survey's answers (null where none was given), the class they give and whether it agrees with the predicted one
 * (null without a survey). `csat_predicted` is null for results stored before predicted CSAT existed.
 */
export function satisfactionOf(row) {
    const nps = row.survey_nps ?? null;
    const csat = row.survey_csat ?? null;
    const surveyed = nps !== null ? npsClassOfScore(nps) : csat !== null ? csatClass(csat) : null;
    const predicted = row.csat_predicted ?? null;
    return {
        // Stored as Float32: back to the two decimals it was predicted with.
        csat_predicted: predicted === null ? null : Math.round(predicted * 100) / 100,
        nps_predicted: row.nps_predicted,
        survey_nps: nps,
        survey_csat: csat,
        surveyed_class: surveyed,
        agrees: surveyed === null ? null : surveyed === row.nps_predicted,
    };
}
//# sourceMappingURL=nps.js.map