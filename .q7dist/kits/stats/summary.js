/** Summaries and rank statistics for model fitting and evaluation: ties are averaged throughout. */
/** The median (mean of the middle two for an even count); 0 for no values. Does not reorder `xs`. */
export function median(xs) {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length === 0 ? 0 : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export const sigmoid = (z) => 1 / (1 + Math.exp(-z));
/** Ranks 1..n, tied values sharing their mean rank. */
export function ranks(xs) {
    const order = Array.from({ length: xs.length }, (_, i) => i).sort((a, b) => xs[a] - xs[b]);
    const out = new Array(xs.length);
    for (let i = 0; i < order.length;) {
        let j = i;
        while (j + 1 < order.length && xs[order[j + 1]] === xs[order[i]])
            j++;
        for (let k = i; k <= j; k++)
            out[order[k]] = (i + j) / 2 + 1;
        i = j + 1;
    }
    return out;
}
export function pearson(xs, ys) {
    const n = xs.length;
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
        sxy += (xs[i] - mx) * (ys[i] - my);
        sxx += (xs[i] - mx) ** 2;
        syy += (ys[i] - my) ** 2;
    }
    return sxx && syy ? sxy / Math.sqrt(sxx * syy) : 0;
}
/** Spearman's rank correlation: Pearson's r on the (tie-averaged) ranks. */
export function spearman(xs, ys) {
    return pearson(ranks(xs), ranks(ys));
}
/**
 * Area under the ROC curve of `scores` for the positives (`positive[i]` true or 1): the probability that a random
 * positive scores above a random negative, ties counting half (Mann-Whitney U / n₊n₋). NaN without both classes.
 */
export function auc(scores, positive) {
    const r = ranks(scores);
    let rankSum = 0;
    let pos = 0;
    for (let i = 0; i < r.length; i++)
        if (positive[i]) {
            rankSum += r[i];
            pos++;
        }
    const neg = r.length - pos;
    return pos && neg ? (rankSum - (pos * (pos + 1)) / 2) / (pos * neg) : Number.NaN;
}
//# sourceMappingURL=summary.js.map