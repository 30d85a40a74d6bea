/**
 * CSV input for the offline commands: a header line, then `timestamp,count`
 * (history) or `timestamp` (targets). Errors name the file and line.
 */
import { BadInputError } from '../core/index.js';
import { parseLocalTimestamp } from './series.js';
function* dataLines(text) {
    const lines = text.split(/\r?\n/);
    for (let i = 1; i < lines.length; i++) {
        if (lines[i].trim() === '')
            continue;
        yield { line: i + 1, cells: lines[i].split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1')) };
    }
}
function timestampAt(cells, where) {
    const t = parseLocalTimestamp(cells[0] ?? '');
    if (typeof t === 'string')
        throw new BadInputError(`${where}: ${t}`);
    return t;
}
/** Parses a history CSV into points sorted by time; duplicates and bad counts are errors. */
export function parseHistoryCsv(text, fileName) {
    const points = [];
    for (const { line, cells } of dataLines(text)) {
        const where = `${fileName} line ${line}`;
        if (cells.length < 2)
            throw new BadInputError(`${where}: expected "timestamp,count"`);
        const t = timestampAt(cells, where);
        const count = Number(cells[1]);
        if (cells[1] === '' || !Number.isFinite(count))
            throw new BadInputError(`${where}: count is not a number`);
        if (count < 0)
            throw new BadInputError(`${where}: count is negative`);
        points.push({ t, count, line });
    }
    if (points.length === 0)
        throw new BadInputError(`${fileName}: no data rows after the header`);
    points.sort((a, b) => a.t - b.t || a.line - b.line);
    for (let i = 1; i < points.length; i++) {
        if (points[i].t === points[i - 1].t)
            throw new BadInputError(`${fileName} line ${points[i].line}: duplicate timestamp (also on line ${points[i - 1].line})`);
    }
    return points.map(({ t, count }) => ({ t, count }));
}
/** Parses a target CSV (header + timestamps), keeping the given order. */
export function parseTargetCsv(text, fileName) {
    const out = [];
    for (const { line, cells } of dataLines(text))
        out.push({ t: timestampAt(cells, `${fileName} line ${line}`), text: cells[0] });
    if (out.length === 0)
        throw new BadInputError(`${fileName}: no timestamps after the header`);
    return out;
}
//# sourceMappingURL=csv.js.map