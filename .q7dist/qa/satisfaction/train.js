/**
 * Trains the satisfaction model and writes satisfaction/weights.json. Reproducible: fixed split, fixed folds.
 *
 *   npx tsx qa/satisfaction/train.ts [--data DIR] [--out FILE] [--explore]      (npm run train:csat)
 *
 * Data: SGD from the User Satisfaction Simulation corpus (corpus.ts), 1,000 dialogues rated 1-5 by three to
 * seven annotators; a dialogue's rating is the mean of its OVERALL ratings; dissatisfied = rating below 3.
 * A seeded 20% of the dialogues is held out and touched once, at the end. The ridge penalty is chosen by 5-fold
 * cross-validation on the other 80% (by the AUC for dissatisfied dialogues, then Spearman's rho); the same
 * out-of-fold predictions give the calibration line and the NPS class cuts (each class gets the share of the
 * training dialogues it has among the ratings); the model is then refitted on all training dialogues.
 * `--explore` prints each feature's univariate AUC and the cross-validated effect of leaving feature groups out,
 * and stops before the held-out dialogues are scored (nothing is written): features were developed that way.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { Random } from '../../kits/sim/index.js';
import { redact } from '../../kits/pii/index.js';
import { sentimentModel } from '../sentiment/model.js';
import { DISSATISFIED_BELOW, HELD_OUT_SHARE, loadCheckDialogues, loadSgd, splitSgd, SPLIT_SEED, ussDir, } from './corpus.js';
import { dialogueFeatures, FEATURE_NAMES } from './features.js';
import { auc, solveLinear, spearman } from '../../kits/stats/index.js';
import { defaultSatisfactionWeightsPath, SatisfactionModel } from './model.js';
const { values } = parseArgs({
    options: {
        data: { type: 'string', default: ussDir() },
        out: { type: 'string', default: defaultSatisfactionWeightsPath() },
        explore: { type: 'boolean', default: false },
        /** With --explore: writes each training dialogue's out-of-fold prediction, rating and text, as TSV. */
        predictions: { type: 'string' },
    },
});
const FOLDS = 5;
const FOLD_SEED = SPLIT_SEED + 1;
/** Ridge penalties tried (on standardised features, sum-of-squares loss). */
const LAMBDAS = [1, 3, 10, 30, 100, 300, 1000, 3000, 10000];
/** A dialogue rated at least this is "satisfied": the predicted promoters get the share these have. */
const SATISFIED_FROM = 3.5;
/**
 * Per feature: the smallest scale it is standardised with, and the prior weight (rating points per scale unit)
 * the ridge shrinks it towards instead of zero. SGD's customers hardly ever complain, escalate, shout or say a
 * problem persists (complaint words occur in 6 of 10,259 customer turns), so SGD cannot teach those cues'
 * weights; a plain ridge would leave them at ~0 and a model judged on real service dialogues would ignore the
 * strongest signs of a dissatisfied customer. The prior states the obvious direction and a modest size for
 * every cue (a human's judgement, fixed before looking at the held-out dialogues); where SGD has evidence the
 * data moves the weight, where it has none the prior stands. The scale floor keeps a cue that is rare in SGD
 * from being blown up by a tiny standard deviation: 0.2 for rates per turn (one turn in five), 0.1 for sentiment.
 */
const PRIOR = {
    sent_mean: [0.1, 0.1],
    sent_min: [0.1, 0.05],
    sent_first: [0.1, 0],
    sent_last: [0.1, 0.05],
    sent_slope: [0.1, 0.03],
    sent_negative_share: [0.1, -0.05],
    agent_sent_mean: [0.1, 0],
    thanks_rate: [0.2, 0.05],
    praise_rate: [0.2, 0.05],
    closing_rate: [0.2, 0],
    complaint_rate: [0.2, -0.1],
    unresolved_rate: [0.2, -0.08],
    rejection_rate: [0.2, -0.05],
    affirm_rate: [0.2, 0.03],
    negate_rate: [0.2, -0.03],
    escalate_rate: [0.2, -0.08],
    why_rate: [0.2, -0.03],
    polite_rate: [0.2, 0.02],
    shouting_rate: [0.2, -0.05],
    customer_question_rate: [0.2, 0],
    agent_apology_rate: [0.2, -0.02],
    agent_failure_rate: [0.2, -0.05],
    agent_success_rate: [0.2, 0.05],
    agent_question_rate: [0.2, 0],
    late_failure: [0.3, -0.05],
    last_outcome: [0.3, 0.05],
    log_failures: [0.3, -0.03],
    late_complaint: [0.3, -0.08],
    late_positive: [0.3, 0.05],
    customer_repeat_share: [0.1, -0.05],
    agent_repeat_share: [0.1, -0.03],
    log_customer_turns: [0.1, 0],
    log_customer_length: [0.1, 0],
    log_agent_length: [0.1, 0],
};
const priorOf = (j) => PRIOR[FEATURE_NAMES[j]][1];
/** What the pipeline gives the model: redacted turns and their sentiment (agents and customers; bots null). */
function featuresOf(turns) {
    const model = sentimentModel();
    const redacted = turns.map((t, i) => ({ ...t, text: redact(t.text, i).text }));
    return dialogueFeatures(redacted, redacted.map((t) => (t.role === 'bot' ? null : model.score(t.text))));
}
function example(d) {
    return { x: featuresOf(d.turns), y: d.rating, dissatisfied: d.rating < DISSATISFIED_BELOW };
}
/**
 * Ridge regression on standardised features towards the prior weights (columns in `use`; the others get weight 0),
 * intercept unpenalised: minimises Σ (y − b − w·z)² + λ Σ (w − prior)².
 */
function fitRidge(rows, lambda, use) {
    const d = FEATURE_NAMES.length;
    const n = rows.length;
    const center = new Array(d).fill(0);
    const scale = new Array(d).fill(1);
    for (let j = 0; j < d; j++) {
        const m = rows.reduce((s, r) => s + r.x[j], 0) / n;
        const sd = Math.sqrt(rows.reduce((s, r) => s + (r.x[j] - m) ** 2, 0) / n);
        center[j] = m;
        scale[j] = Math.max(sd, PRIOR[FEATURE_NAMES[j]][0]);
    }
    const ym = rows.reduce((s, r) => s + r.y, 0) / n;
    const z = rows.map((r) => use.map((j) => (r.x[j] - center[j]) / scale[j]));
    const k = use.length;
    const A = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (_, b) => z.reduce((s, zr) => s + zr[a] * zr[b], 0) + (a === b ? lambda : 0)));
    const rhs = Array.from({ length: k }, (_, a) => z.reduce((s, zr, i) => s + zr[a] * (rows[i].y - ym), 0) + lambda * priorOf(use[a]));
    const w = solveLinear(A, rhs);
    const weights = new Array(d).fill(0);
    use.forEach((j, a) => (weights[j] = w[a]));
    return { center, scale, weights, intercept: ym };
}
function predict(fit, x) {
    let z = fit.intercept;
    for (let j = 0; j < x.length; j++)
        z += (fit.weights[j] * (x[j] - fit.center[j])) / fit.scale[j];
    return z;
}
function evaluate(rows, predictions) {
    return {
        rho: spearman(predictions, rows.map((r) => r.y)),
        // Dissatisfied dialogues should score low: the AUC of the negated prediction.
        auc: auc(predictions.map((p) => -p), rows.map((r) => r.dissatisfied)),
    };
}
/** Out-of-fold predictions, in `rows` order. */
function crossValidate(rows, folds, lambda, use) {
    const out = new Array(rows.length);
    for (let f = 0; f < FOLDS; f++) {
        const fit = fitRidge(rows.filter((_, i) => folds[i] !== f), lambda, use);
        rows.forEach((r, i) => {
            if (folds[i] === f)
                out[i] = predict(fit, r.x);
        });
    }
    return out;
}
/**
 * The prediction below which the lowest `share` of the predictions lie: a class cut that gives the class the
 * share it has among the rated dialogues.
 */
function quantileCut(predictions, share) {
    const sorted = [...predictions].sort((a, b) => a - b);
    const k = Math.min(sorted.length - 1, Math.max(1, Math.round(share * sorted.length)));
    return (sorted[k - 1] + sorted[k]) / 2;
}
const r3 = (x) => Math.round(x * 1000) / 1000;
const r5 = (x) => Math.round(x * 1e5) / 1e5;
const fmt = (s) => `rho ${s.rho.toFixed(3)}, AUC ${s.auc.toFixed(3)}`;
const started = Date.now();
const all = loadSgd(values.data);
const { train: trainDialogues, heldOut: heldOutDialogues } = splitSgd(all);
const train = trainDialogues.map(example);
const heldOut = heldOutDialogues.map(example);
const folds = Random.fromState(FOLD_SEED)
    .shuffle(train.map((_, i) => i))
    .reduce((acc, row, k) => ((acc[row] = k % FOLDS), acc), new Array(train.length));
const everything = FEATURE_NAMES.map((_, j) => j);
console.log(`SGD: ${all.length} dialogues, ${train.length} for training (${train.filter((r) => r.dissatisfied).length} dissatisfied), ${heldOut.length} held out (${heldOut.filter((r) => r.dissatisfied).length} dissatisfied; seed ${SPLIT_SEED}, ${HELD_OUT_SHARE * 100}%)`);
if (values.explore) {
    console.log('univariate AUC for dissatisfied (training dialogues; > 0.5: high values go with dissatisfied)');
    FEATURE_NAMES.forEach((name, j) => {
        const a = auc(train.map((r) => r.x[j]), train.map((r) => r.dissatisfied));
        const rho = spearman(train.map((r) => r.x[j]), train.map((r) => r.y));
        console.log(`  ${name.padEnd(24)} AUC ${a.toFixed(3)}  rho ${rho.toFixed(3)}`);
    });
}
const cv = LAMBDAS.map((lambda) => ({ lambda, ...evaluate(train, crossValidate(train, folds, lambda, everything)) }));
for (const c of cv)
    console.log(`CV λ=${c.lambda}: ${fmt(c)}`);
const chosen = cv.reduce((best, c) => c.auc > best.auc + 1e-9 || (c.auc > best.auc - 1e-9 && c.rho > best.rho) ? c : best);
const outOfFold = crossValidate(train, folds, chosen.lambda, everything);
if (values.explore) {
    const groups = {
        sentiment: /^sent_|agent_sent/,
        'customer cues': /^(?!agent_).*_rate$/,
        'agent cues': /^agent_(apology|failure|success|question)|outcome|failures/,
        'late cues': /^late_/,
        repetition: /repeat/,
        'turn features': /^log_/,
    };
    for (const [group, re] of Object.entries(groups)) {
        const without = everything.filter((j) => !re.test(FEATURE_NAMES[j]));
        const only = everything.filter((j) => re.test(FEATURE_NAMES[j]));
        console.log(`CV without ${group}: ${fmt(evaluate(train, crossValidate(train, folds, chosen.lambda, without)))}; only ${group}: ${fmt(evaluate(train, crossValidate(train, folds, chosen.lambda, only)))}`);
    }
}
if (values.explore) {
    const priorOnly = fitRidge(train, 1e9, everything);
    console.log(`prior weights alone (no fitting): ${fmt(evaluate(train, train.map((r) => predict(priorOnly, r.x))))}`);
    const explored = fitRidge(train, chosen.lambda, everything);
    console.log('weights at the chosen λ (per scale unit) vs prior:');
    for (const [j, name] of FEATURE_NAMES.entries())
        console.log(`  ${name.padEnd(24)} ${explored.weights[j].toFixed(4).padStart(8)} ${priorOf(j).toFixed(2).padStart(6)}  scale ${explored.scale[j].toFixed(3)}`);
    if (values.predictions) {
        const lines = trainDialogues.map((d, i) => `${outOfFold[i].toFixed(3)}\t${d.rating.toFixed(2)}\t${d.turns.map((t) => `${t.role === 'customer' ? 'C' : 'A'}: ${t.text}`).join(' | ')}\n`);
        writeFileSync(values.predictions, 'predicted\trating\tturns\n' + lines.join(''));
    }
    // Exploring looks at cross-validation only: the held-out dialogues are read once, by the real run.
    console.log(`explored in ${((Date.now() - started) / 1000).toFixed(1)} s; nothing written`);
    process.exit(0);
}
/**
 * Calibration: the least-squares line from the out-of-fold predictions to the ratings. Shrinking towards the prior
 * narrows the predictions; the line stretches them back onto the rating scale (ranks, so rho and AUC, are unchanged).
 */
function calibration(predictions, ys) {
    const n = ys.length;
    const mp = predictions.reduce((s, p) => s + p, 0) / n;
    const my = ys.reduce((s, y) => s + y, 0) / n;
    let spy = 0;
    let spp = 0;
    predictions.forEach((p, i) => {
        spy += (p - mp) * (ys[i] - my);
        spp += (p - mp) ** 2;
    });
    const b = spp > 0 && spy > 0 ? spy / spp : 1;
    return { a: my - b * mp, b };
}
const { a: calA, b: calB } = calibration(outOfFold, train.map((r) => r.y));
const calibrated = outOfFold.map((p) => calA + calB * p);
const dissatisfiedShare = train.filter((r) => r.dissatisfied).length / train.length;
const satisfiedShare = train.filter((r) => r.y >= SATISFIED_FROM).length / train.length;
const detractorBelow = quantileCut(calibrated, dissatisfiedShare);
const promoterFrom = quantileCut(calibrated, 1 - satisfiedShare);
const fitted = fitRidge(train, chosen.lambda, everything);
const fit = {
    ...fitted,
    weights: fitted.weights.map((w) => w * calB),
    intercept: calA + calB * fitted.intercept,
};
const weights = {
    format: 'mofang-satisfaction/1',
    method: `ridge regression towards prior weights (λ ${chosen.lambda}, chosen by ${FOLDS}-fold CV) of the dialogue's mean rating on ${FEATURE_NAMES.length} standardised features (features.ts), calibrated on the out-of-fold predictions (× ${calB.toFixed(3)})`,
    trained_on: `USS SGD (Sun et al. 2021): the ${train.length} training dialogues of the seeded ${100 - HELD_OUT_SHARE * 100}/${HELD_OUT_SHARE * 100} split (seed ${SPLIT_SEED}); rating = mean of the OVERALL annotations`,
    features: Object.fromEntries(FEATURE_NAMES.map((name, j) => [
        name,
        { center: r5(fit.center[j]), scale: r5(fit.scale[j]), weight: r5(fit.weights[j]) },
    ])),
    intercept: r5(fit.intercept),
    classes: { detractor_below: r3(detractorBelow), promoter_from: r3(promoterFrom) },
    evaluation: {},
};
const model = new SatisfactionModel(weights);
const heldOutPredictions = heldOut.map((r) => model.raw(r.x));
const held = evaluate(heldOut, heldOutPredictions);
const classes = heldOut.map((r, i) => model.npsClass(heldOutPredictions[i]));
const detractorHits = heldOut.filter((r, i) => r.dissatisfied && classes[i] === 'detractor').length;
const detractorCalls = classes.filter((c) => c === 'detractor').length;
// For comparison: the customer's last turn's sentiment alone (nps_predicted used the last third's).
const lastThird = (r) => r.x[FEATURE_NAMES.indexOf('sent_last')];
const sentimentOnly = evaluate(heldOut, heldOut.map(lastThird));
// The hand-written zh/en check chats (check-dialogues.tsv): does every language separate them?
const checks = loadCheckDialogues().map((d) => ({ ...d, predicted: model.raw(featuresOf(d.turns)) }));
const checkAuc = (language) => {
    const of = checks.filter((c) => c.language === language);
    return auc(of.map((c) => -c.predicted), of.map((c) => !c.satisfied));
};
weights.evaluation = {
    dissatisfied: `mean rating < ${DISSATISFIED_BELOW}`,
    cv: {
        folds: FOLDS,
        dialogues: train.length,
        lambda: chosen.lambda,
        calibration: { intercept: r3(calA), slope: r3(calB) },
        spearman: r3(chosen.rho),
        auc_dissatisfied: r3(chosen.auc),
        by_lambda: cv.map((c) => ({ lambda: c.lambda, spearman: r3(c.rho), auc_dissatisfied: r3(c.auc) })),
    },
    held_out: {
        dialogues: heldOut.length,
        dissatisfied: heldOut.filter((r) => r.dissatisfied).length,
        spearman: r3(held.rho),
        auc_dissatisfied: r3(held.auc),
        detractor_precision: r3(detractorHits / Math.max(1, detractorCalls)),
        detractor_recall: r3(detractorHits / Math.max(1, heldOut.filter((r) => r.dissatisfied).length)),
        last_turn_sentiment_alone: { spearman: r3(sentimentOnly.rho), auc_dissatisfied: r3(sentimentOnly.auc) },
    },
    check_dialogues: {
        dialogues: checks.length,
        auc_dissatisfied_zh: r3(checkAuc('zh')),
        auc_dissatisfied_en: r3(checkAuc('en')),
    },
};
// Written as prettier formats it (prettier is a devDependency, like the corpus, a training-time tool only).
const json = JSON.stringify(weights, null, 2);
writeFileSync(values.out, await format(json, { ...(await resolveConfig(values.out)), parser: 'json' }));
console.log(`chosen λ=${chosen.lambda} (CV ${fmt(chosen)})`);
console.log(`classes: detractor below ${weights.classes.detractor_below}, promoter from ${weights.classes.promoter_from} (out-of-fold predictions cut at the shares rated < ${DISSATISFIED_BELOW}: ${(dissatisfiedShare * 100).toFixed(1)}% and ≥ ${SATISFIED_FROM}: ${(satisfiedShare * 100).toFixed(1)}%)`);
console.log(`held out (${heldOut.length} dialogues): ${fmt(held)}; last customer turn's sentiment alone: ${fmt(sentimentOnly)}`);
console.log(`held out: predicted detractors ${detractorCalls}, of them dissatisfied ${detractorHits} (recall ${weights.evaluation.held_out.detractor_recall})`);
console.log(`hand-written check chats (${checks.length}): AUC zh ${checkAuc('zh').toFixed(3)}, en ${checkAuc('en').toFixed(3)}`);
console.log('weights (per scale unit):');
for (const [j, name] of FEATURE_NAMES.entries())
    console.log(`  ${name.padEnd(24)} ${fit.weights[j] >= 0 ? '+' : ''}${fit.weights[j].toFixed(4)}`);
console.log(`wrote ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
//# sourceMappingURL=train.js.map