/**
 * The score with overridden items' shares replaced, computed like the pipeline's: Σ weight × share over the
 * applicable items / Σ weight × 100, one decimal. An overridden item counts even if it had nothing to judge;
 * an auto-fail stands unless the reviewer overrides that item to a non-zero share.
 */
export function correctedScore(checks, decisions) {
    const overrides = new Map(decisions.filter((d) => d.decision === 'override' && d.earned !== undefined).map((d) => [d.check, d.earned]));
    let total = 0;
    let earned = 0;
    let autoFailed = false;
    for (const [name, c] of Object.entries(checks)) {
        const override = overrides.get(name);
        if (override === undefined && !c.applicable)
            continue;
        const share = override ?? c.fraction;
        total += c.weight;
        earned += c.weight * share;
        if (c.auto_failed && (override === undefined || override === 0))
            autoFailed = true;
    }
    return { score: autoFailed || total === 0 ? 0 : Math.round((1000 * earned) / total) / 10, auto_failed: autoFailed };
}
/** Checks a decision list from the API: known items, a share in [0,1] for overrides. Returns the reason or null. */
export function invalidDecision(checks, decisions) {
    if (!Array.isArray(decisions) || decisions.length === 0)
        return 'items: expected a non-empty array';
    for (const [i, d] of decisions.entries()) {
        // Own properties only: `__proto__` or `constructor` is `in` every object, and no check.
        if (typeof d?.check !== 'string' || !Object.hasOwn(checks, d.check))
            return `items[${i}].check: unknown item`;
        if (d.decision !== 'confirm' && d.decision !== 'override')
            return `items[${i}].decision: expected confirm or override`;
        if (d.decision === 'override' && !(typeof d.earned === 'number' && d.earned >= 0 && d.earned <= 1))
            return `items[${i}].earned: expected a number from 0 to 1`;
        if (d.comment !== undefined && (typeof d.comment !== 'string' || d.comment.length > 4000))
            return `items[${i}].comment: expected text up to 4000 characters`;
    }
    return null;
}
/** Pairwise percent agreement on pass/fail per item, the usual first measure of calibration. */
export function agreementOf(entries) {
    const names = [...new Set(entries.flatMap((e) => Object.keys(e.items)))].sort();
    const items = {};
    for (const name of names) {
        const votes = entries
            .map((e) => e.items[name])
            .filter((v) => v !== undefined)
            .map((v) => v >= 0.5);
        let pairs = 0;
        let agree = 0;
        for (let i = 0; i < votes.length; i++)
            for (let j = i + 1; j < votes.length; j++) {
                pairs++;
                if (votes[i] === votes[j])
                    agree++;
            }
        items[name] = pairs ? agree / pairs : null;
    }
    const known = Object.values(items).filter((v) => v !== null);
    const scores = entries.map((e) => e.score);
    return {
        reviewers: entries.length,
        items,
        overall_pct: known.length ? Math.round((1000 * known.reduce((a, b) => a + b, 0)) / known.length) / 10 : null,
        score_spread: entries.length >= 2 ? Math.round(10 * (Math.max(...scores) - Math.min(...scores))) / 10 : null,
    };
}
//# sourceMappingURL=review.js.map