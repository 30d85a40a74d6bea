/** File I/O around the forecasting library for `mofang forecast run|backtest`. */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { numberOption, requireString, Progress } from '../kits/cli/index.js';
import { BadInputError } from '../core/index.js';
import { learnOpenHours, parseSpecialDays, specialDayIndex, withoutSpecialDays } from './calendar.js';
import { formatReport, runBacktest } from './backtest-report.js';
import { parseHistoryCsv, parseTargetCsv } from './csv.js';
import { forecastSeries } from './forecast.js';
import { detectInterval, minuteOfDay, toHistory } from './series.js';
function readText(path, flag) {
    try {
        return readFileSync(path, 'utf8');
    }
    catch (err) {
        throw new BadInputError(`--${flag}: cannot read ${path} (${err.code ?? err.message})`);
    }
}
function readSpecialDays(args) {
    if (typeof args.values.holidays !== 'string')
        return [];
    const parsed = parseSpecialDays(readText(args.values.holidays, 'holidays'), basename(args.values.holidays));
    if (typeof parsed === 'string')
        throw new BadInputError(parsed);
    return parsed;
}
function readHistory(args) {
    const path = requireString(args, 'history');
    const name = basename(path);
    const points = parseHistoryCsv(readText(path, 'history'), name);
    const interval = detectInterval(points);
    if (typeof interval === 'string')
        throw new BadInputError(`${name}: ${interval}`);
    const misaligned = points.find((p) => minuteOfDay(p.t) % interval !== 0);
    if (misaligned)
        throw new BadInputError(`${name}: a timestamp is not on the ${interval}-minute grid (${new Date(misaligned.t * 60_000).toISOString().slice(0, 16)})`);
    return { history: toHistory(points, interval), name, points };
}
export async function runForecast(args) {
    const progress = new Progress({ total: 2, label: 'forecast', unit: 'steps' });
    const { points, history, name } = readHistory(args);
    const targetPath = requireString(args, 'target');
    const targets = parseTargetCsv(readText(targetPath, 'target'), basename(targetPath));
    targets.forEach((t, i) => {
        if (minuteOfDay(t.t) % history.interval !== 0) {
            throw new BadInputError(`${basename(targetPath)} row ${i + 1} (${t.text}): not on the ${history.interval}-minute grid of ${name}`);
        }
    });
    progress.tick(1, 'read');
    const result = forecastSeries(points, targets.map((t) => t.t), { method: String(args.values.method), specialDays: readSpecialDays(args) });
    const csv = [
        'ts,forecast,lo,hi',
        ...result.rows.map((r, i) => `${targets[i].text},${r.forecast.toFixed(2)},${r.lo.toFixed(2)},${r.hi.toFixed(2)}`),
    ].join('\n') + '\n';
    if (typeof args.values.output === 'string')
        writeFileSync(args.values.output, csv);
    else
        process.stdout.write(csv);
    progress.tick(1, `method ${result.method}, ${result.rows.length} rows`);
}
/** `5d` → 5 open days; `2w` → two weeks of open days as learned from the history. */
export function parseHorizon(text, history) {
    const m = /^(\d+)\s*([dw]?)$/.exec(text.trim());
    if (!m || +m[1] < 1)
        throw new BadInputError(`--horizon: expected Nd or Nw (e.g. 5d), got "${text}"`);
    if (m[2] !== 'w')
        return +m[1];
    return +m[1] * Math.max(1, learnOpenHours(history).openWeekdays.filter(Boolean).length);
}
export async function runBacktestCommand(args) {
    const { history } = readHistory(args);
    const train = withoutSpecialDays(history, specialDayIndex(readSpecialDays(args)));
    const horizonDays = parseHorizon(String(args.values.horizon), train);
    const folds = numberOption(args, 'folds', { min: 1, max: 100, integer: true });
    const progress = new Progress({ total: folds, label: 'backtest', unit: 'folds' });
    const report = runBacktest(train, { horizonDays, folds, onFold: () => progress.tick() });
    progress.finish();
    if (report.folds === 0)
        throw new BadInputError(`--history: too short to backtest ${horizonDays} days ahead (need at least 4 weeks of training before the first fold)`);
    console.log(args.values.json ? JSON.stringify(report, null, 2) : formatReport(report));
}
//# sourceMappingURL=forecast-command.js.map