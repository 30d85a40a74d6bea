/**
 * The `mofang forecast backtest` report: every method plus `auto` (chosen
 * afresh inside each fold from that fold's training data only, so its score is
 * honest), with the 80% interval coverage of auto's forecasts.
 */
import { selectMethod } from './auto.js';
import { emptyResult, rollingSplits, scoreSplit } from './backtest.js';
import { prepare } from './engine.js';
import { intervalFor } from './intervals.js';
import { METHODS } from './methods/index.js';
import { ErrorTally } from './metrics.js';
export function runBacktest(history, opts = {}) {
    const horizonDays = opts.horizonDays ?? 5;
    const splits = rollingSplits(history, horizonDays, opts.folds ?? 10);
    const results = new Map(METHODS.map((m) => [m.name, emptyResult()]));
    const auto = new ErrorTally();
    const autoPicks = {};
    splits.forEach((split, i) => {
        for (const m of METHODS)
            scoreSplit(m, split, results.get(m.name));
        const picked = scoreAuto(split, horizonDays, auto);
        autoPicks[picked] = (autoPicks[picked] ?? 0) + 1;
        opts.onFold?.(i + 1, splits.length);
    });
    const rows = [...results].map(([method, r]) => ({ method, wape: r.tally.wape, mape: r.tally.mape }));
    rows.push({ method: 'auto', wape: auto.wape, mape: auto.mape });
    return {
        folds: splits.length,
        horizonDays,
        rows,
        autoPick: selectMethod(prepare(history).train, { horizonDays }).method.name,
        autoPicks,
        autoCoverage80: auto.coverage,
    };
}
/** Selects on the fold's training data, then scores the pick with its intervals. Returns the pick. */
function scoreAuto(split, horizonDays, into) {
    const selection = selectMethod(split.train, { horizonDays });
    const one = emptyResult();
    scoreSplit(selection.method, split, one);
    one.residuals.forecast.forEach((f, i) => into.add(one.residuals.actual[i], f, ...intervalFor(selection.intervals, f)));
    return selection.method.name;
}
export function formatReport(r) {
    const lines = [
        `Rolling-origin backtest: ${r.folds} folds × ${r.horizonDays} open days ahead`,
        '',
        '| method | WAPE % | MAPE % |',
        '| --- | ---: | ---: |',
        ...r.rows.map((row) => `| ${row.method} | ${row.wape.toFixed(2)} | ${row.mape.toFixed(2)} |`),
        '',
        `auto picks now: ${r.autoPick}; per fold: ${Object.entries(r.autoPicks)
            .map(([m, n]) => `${m} ×${n}`)
            .join(', ')}`,
        `auto 80% interval coverage: ${r.autoCoverage80.toFixed(1)}%`,
    ];
    return lines.join('\n');
}
//# sourceMappingURL=backtest-report.js.map