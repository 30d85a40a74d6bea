/**
 * Predicted satisfaction (CSAT, 1-5) of one interaction from the shipped weights (satisfaction/weights.json,
 * written by train.ts): a ridge regression of the dialogue's mean human rating on the features of features.ts
 * (the customer's sentiment trajectory, resolution, complaint, rejection, politeness and repetition cues, agent
 * failure/success cues and turn features), and the NPS class read off it with thresholds chosen by
 * cross-validation. Cheap: a few regular expressions per turn and a dot product; the per-turn sentiment comes
 * from the pipeline's sentiment step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootDir } from '../../core/index.js';
import { dialogueFeatures, FEATURE_NAMES } from './features.js';
export function defaultSatisfactionWeightsPath() {
    return join(rootDir(), 'qa', 'satisfaction', 'weights.json');
}
export const CSAT_MIN = 1;
export const CSAT_MAX = 5;
export class SatisfactionModel {
    weights;
    center;
    /** weight / scale: the weight on the raw feature. */
    slope;
    constructor(weights) {
        this.weights = weights;
        const names = Object.keys(weights.features).join(',');
        if (names !== FEATURE_NAMES.join(','))
            throw new Error(`satisfaction weights: features ${names} do not match features.ts (${FEATURE_NAMES.join(',')})`);
        this.center = Float64Array.from(FEATURE_NAMES, (f) => weights.features[f].center);
        this.slope = Float64Array.from(FEATURE_NAMES, (f) => weights.features[f].weight / weights.features[f].scale);
    }
    /** Predicted mean rating from a feature vector (FEATURE_NAMES order), not clamped. */
    raw(x) {
        let z = this.weights.intercept;
        for (let i = 0; i < x.length; i++)
            z += this.slope[i] * (x[i] - this.center[i]);
        return z;
    }
    /**
     * Predicted CSAT in [1,5] of a dialogue: its (redacted) turns and the per-turn sentiment the pipeline computed
     * (null for bot turns). Rounded to 0.01.
     */
    predict(turns, sentiment) {
        const csat = Math.min(CSAT_MAX, Math.max(CSAT_MIN, this.raw(dialogueFeatures(turns, sentiment))));
        return Math.round(csat * 100) / 100;
    }
    /** The NPS class a predicted CSAT stands for. */
    npsClass(csat) {
        const { detractor_below, promoter_from } = this.weights.classes;
        return csat < detractor_below ? 'detractor' : csat >= promoter_from ? 'promoter' : 'passive';
    }
}
let shared;
/** The shipped model, loaded once per thread. */
export function satisfactionModel() {
    shared ??= loadSatisfactionModel();
    return shared;
}
export function loadSatisfactionModel(file = defaultSatisfactionWeightsPath()) {
    return new SatisfactionModel(JSON.parse(readFileSync(file, 'utf8')));
}
//# sourceMappingURL=model.js.map