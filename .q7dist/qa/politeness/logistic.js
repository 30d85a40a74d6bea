/**
 * L2-regularised logistic regression over binary sparse features, and the two measures the README reports
 * (accuracy, ROC AUC). Full-batch Adam from zero for a fixed number of steps: no randomness, so the same data
 * give the same weights on every machine. Used by train.ts and by the cross-validation test.
 */
import { sigmoid } from '../../kits/stats/index.js';
export function fitLogistic(data, opts) {
    const { rows, labels, dims } = data;
    const steps = opts.steps ?? 400;
    const rate = opts.learningRate ?? 0.05;
    const prior = opts.prior ?? new Float64Array(dims);
    const penalty = opts.penalty;
    const w = Float64Array.from(prior);
    const g = new Float64Array(dims);
    const m = new Float64Array(dims + 1);
    const v = new Float64Array(dims + 1);
    const n = rows.length;
    let bias = opts.biasPrior ?? 0;
    const b1 = 0.9;
    const b2 = 0.999;
    for (let t = 1; t <= steps; t++) {
        g.fill(0);
        let gb = 0;
        for (let r = 0; r < n; r++) {
            const ids = rows[r];
            let z = bias;
            for (let k = 0; k < ids.length; k++)
                z += w[ids[k]];
            const err = sigmoid(z) - labels[r];
            gb += err;
            for (let k = 0; k < ids.length; k++)
                g[ids[k]] += err;
        }
        const c1 = 1 - Math.pow(b1, t);
        const c2 = 1 - Math.pow(b2, t);
        for (let j = 0; j <= dims; j++) {
            const grad = j === dims
                ? gb / n + (opts.biasPrior === undefined ? 0 : opts.l2 * (bias - opts.biasPrior))
                : g[j] / n + opts.l2 * (penalty ? penalty[j] : 1) * (w[j] - prior[j]);
            m[j] = b1 * m[j] + (1 - b1) * grad;
            v[j] = b2 * v[j] + (1 - b2) * grad * grad;
            const step = (rate * (m[j] / c1)) / (Math.sqrt(v[j] / c2) + 1e-8);
            if (j === dims)
                bias -= step;
            else
                w[j] -= step;
        }
    }
    return { bias, weights: w };
}
export function logitOf(fit, ids) {
    let z = fit.bias;
    for (let k = 0; k < ids.length; k++)
        z += fit.weights[ids[k]];
    return z;
}
export function accuracy(scores, labels, threshold = 0) {
    let ok = 0;
    for (let i = 0; i < labels.length; i++)
        if ((scores[i] > threshold ? 1 : 0) === labels[i])
            ok++;
    return ok / labels.length;
}
//# sourceMappingURL=logistic.js.map