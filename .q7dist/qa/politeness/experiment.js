/**
 * The English model's training and measuring steps, shared by train.ts and the cross-validation test:
 * featurise once, pick the n-gram vocabulary from the training part only, fit, predict, cross-validate, tune.
 */
import { Tokens } from './features-en.js';
import { accuracy, fitLogistic, logitOf } from './logistic.js';
import { STRATEGIES } from './strategies.js';
import { auc } from '../../kits/stats/index.js';
/** A gram must be in at least this many training requests to be kept. */
const MIN_REQUESTS = 3;
/**
 * ... and in requests of at least this many communities: words of one or two sites (php, latex, espresso) cannot
 * tell politeness on a site the model has not seen, and while they are in the model they take weight that
 * general words and the strategies would otherwise carry. Costs ~0.3 pt of in-domain AUC.
 */
const MIN_COMMUNITIES = 3;
/**
 * The strategies are penalised this much less than the n-grams: where a word and a strategy say the same thing
 * ("please"), the strategy carries the weight, so flags can name it and the Chinese weights can start from it.
 */
export const STRATEGY_PENALTY = 0.1;
export function featurise(examples, en) {
    const tokens = new Tokens();
    return examples.map((ex) => {
        const mask = en.detect(ex.text, tokens);
        return { mask, grams: [...new Set(gramsOf(tokens.list()))], label: ex.label, community: ex.community ?? '' };
    });
}
export function gramsOf(tokens) {
    const out = [...tokens];
    for (let i = 1; i < tokens.length; i++)
        out.push(tokens[i - 1] + ' ' + tokens[i]);
    return out;
}
/**
 * The `count` grams found in the most training requests (ties: alphabetical), each in at least MIN_REQUESTS
 * requests from at least MIN_COMMUNITIES communities.
 */
export function vocabulary(train, count) {
    if (count <= 0)
        return [];
    const df = new Map();
    const communities = new Map();
    for (const ex of train) {
        for (const g of ex.grams) {
            df.set(g, (df.get(g) ?? 0) + 1);
            const set = communities.get(g) ?? communities.set(g, new Set()).get(g);
            if (set.size < MIN_COMMUNITIES)
                set.add(ex.community);
        }
    }
    return [...df]
        .filter(([g, n]) => n >= MIN_REQUESTS && communities.get(g).size >= MIN_COMMUNITIES)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, count)
        .map(([g]) => g);
}
function encode(examples, vocab, params) {
    const S = STRATEGIES.length;
    const rows = examples.map((ex) => {
        const ids = [];
        if (params.strategies !== false)
            for (let i = 0; i < S; i++)
                if (ex.mask & (1 << i))
                    ids.push(i);
        for (const g of ex.grams) {
            const k = vocab.get(g);
            if (k !== undefined)
                ids.push(S + k);
        }
        return Int32Array.from(ids);
    });
    return { rows, labels: Uint8Array.from(examples, (ex) => ex.label), dims: S + vocab.size };
}
export function trainEn(train, params) {
    const vocab = vocabulary(train, params.ngrams);
    const index = new Map(vocab.map((g, k) => [g, k]));
    const rows = encode(train, index, params);
    const penalty = new Float64Array(rows.dims).fill(1).fill(STRATEGY_PENALTY, 0, STRATEGIES.length);
    return { fit: fitLogistic(rows, { l2: params.l2, penalty }), vocabulary: vocab, params };
}
export function predictEn(model, examples) {
    const index = new Map(model.vocabulary.map((g, k) => [g, k]));
    const { rows } = encode(examples, index, model.params);
    return Float64Array.from(rows, (ids) => logitOf(model.fit, ids));
}
export function measure(logits, labels) {
    return { accuracy: accuracy(logits, labels), auc: auc(logits, labels), n: labels.length };
}
/** Out-of-fold logits: each example scored by the model trained on the other folds. */
export function crossValidate(data, folds, params) {
    const k = Math.max(...folds) + 1;
    const out = new Float64Array(data.length);
    for (let f = 0; f < k; f++) {
        const trainPart = data.filter((_, i) => folds[i] !== f);
        const testIdx = data.map((_, i) => i).filter((i) => folds[i] === f);
        const logits = predictEn(trainEn(trainPart, params), testIdx.map((i) => data[i]));
        testIdx.forEach((i, j) => (out[i] = logits[j]));
    }
    return out;
}
/**
 * The grid point with the best validation AUC on one inner split of `data` (every 5th example by position
 * validates: the data come shuffled), accuracy breaking ties.
 */
export function tune(data, grid) {
    const fit = data.filter((_, i) => i % 5 !== 0);
    const validate = data.filter((_, i) => i % 5 === 0);
    const labels = validate.map((ex) => ex.label);
    let best = grid[0];
    let bestScore = -Infinity;
    for (const p of grid) {
        const m = measure(predictEn(trainEn(fit, p), validate), labels);
        const score = m.auc + m.accuracy * 1e-3;
        if (score > bestScore) {
            bestScore = score;
            best = p;
        }
    }
    return best;
}
//# sourceMappingURL=experiment.js.map