/** Small dense linear systems, as the least-squares fits (forecast levels, weather uplift, CSAT) need them. */
/**
 * Solves A x = b (A square and small, typically the normal equations of a least-squares fit) by Gaussian
 * elimination with partial pivoting. A singular direction (a pivot under 1e-12, e.g. a feature that never occurs)
 * gets 0 instead of an infinity, so a fit with an unseen effect still has the others.
 */
export function solveLinear(a, b) {
    const n = b.length;
    const m = a.map((row, i) => [...row, b[i]]);
    for (let c = 0; c < n; c++) {
        let p = c;
        for (let r = c + 1; r < n; r++)
            if (Math.abs(m[r][c]) > Math.abs(m[p][c]))
                p = r;
        [m[c], m[p]] = [m[p], m[c]];
        if (Math.abs(m[c][c]) < 1e-12)
            continue;
        for (let r = c + 1; r < n; r++) {
            const f = m[r][c] / m[c][c];
            if (f !== 0)
                for (let k = c; k <= n; k++)
                    m[r][k] -= f * m[c][k];
        }
    }
    const x = new Array(n).fill(0);
    for (let r = n - 1; r >= 0; r--) {
        if (Math.abs(m[r][r]) < 1e-12)
            continue;
        let s = m[r][n];
        for (let k = r + 1; k < n; k++)
            s -= m[r][k] * x[k];
        x[r] = s / m[r][r];
    }
    return x;
}
//# sourceMappingURL=linear.js.map