/** `mofang roster build`: read the three files, build the roster with a progress bar, write XLSX, CSV or JSON. */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { BadInputError } from '../core/index.js';
import { numberOption, Progress, requireString } from '../kits/cli/index.js';
import { buildRoster } from './build.js';
import { RosterInputError } from './errors.js';
import { coverageToCsv, parseAgents, parseRequirementsCsv, parseRules, rosterInput, rosterToCsv, rosterToXlsx, } from './io.js';
function readText(path, flag) {
    try {
        return readFileSync(path, 'utf8');
    }
    catch (err) {
        throw new BadInputError(`--${flag}: cannot read ${path}: ${err.code ?? err}`);
    }
}
/** `requirements[12].required` → `req.csv line 14 (requirements[12].required)`, so the message points into the file. */
function pointIntoFiles(err, files) {
    const m = /^(requirements|agents)\[(\d+)\](.*)$/.exec(err.field);
    if (!m)
        return err;
    const lines = m[1] === 'requirements' ? files.req.lines : files.agents.lines;
    const name = m[1] === 'requirements' ? files.reqName : files.agentsName;
    const line = lines?.[Number(m[2])];
    return line === undefined ? err : new RosterInputError(`${name} line ${line} (${err.field})`, err.reason);
}
export function summary(roster) {
    const t = roster.totals;
    const pct = (x) => `${(100 * x).toFixed(2)}%`;
    const rows = [
        [
            'status',
            `${roster.status} (shift gap ${pct(roster.gap)}, break gap ${roster.breakGap === null ? 'not measured' : pct(roster.breakGap)})`,
        ],
        [
            'agents',
            `${roster.agents.length} (${roster.agents.filter((a) => a.shifts.length).length} scheduled), ${t.shifts} shifts, ${t.paidHours} paid hours`,
        ],
        ['required', `${t.requiredHours} agent-hours`],
        ['understaffed', `${t.understaffedHours} agent-hours (cost ${t.understaffedCost})`],
        ['overstaffed', `${t.overstaffedHours} agent-hours (cost ${t.overstaffedCost})`],
        ['shift cost', String(t.shiftCost)],
        ['total cost', String(t.total)],
        [
            'solve',
            `${roster.solveSeconds} s (shifts ${roster.model.shiftSeconds} s, breaks ${roster.model.breakSeconds} s)`,
        ],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    return [...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`), ...roster.warnings.map((w) => `warning: ${w}`)].join('\n');
}
export async function runRosterBuild(args) {
    const reqName = requireString(args, 'requirements');
    const agentsName = requireString(args, 'agents');
    const rulesName = requireString(args, 'rules');
    const output = typeof args.values.output === 'string' ? args.values.output : undefined;
    const format = output ? extname(output).slice(1).toLowerCase() : '';
    if (output && !['xlsx', 'csv', 'json'].includes(format))
        throw new BadInputError(`--output: expected a .xlsx, .csv or .json file, got "${output}"`);
    const timeLimit = numberOption(args, 'time-limit', { min: 1, max: 3600 }) ?? 25;
    const gap = numberOption(args, 'gap', { min: 0, max: 1 }) ?? 0.005;
    const req = parseRequirementsCsv(readText(reqName, 'requirements'), basename(reqName));
    const agents = parseAgents(readText(agentsName, 'agents'), basename(agentsName));
    const rules = parseRules(readText(rulesName, 'rules'), basename(rulesName));
    const progress = new Progress({ total: Math.ceil(timeLimit), label: 'roster', unit: 's' });
    let shown = 0;
    let roster;
    try {
        roster = await buildRoster(rosterInput(req, agents, rules), {
            timeLimitSeconds: timeLimit,
            gap,
            onProgress: (p) => {
                const whole = Math.floor(p.seconds);
                const note = p.phase === 'solve' && p.gap !== undefined
                    ? `shifts: gap ${(100 * p.gap).toFixed(1)}%`
                    : (p.message ?? p.phase);
                if (whole > shown || p.phase !== 'solve') {
                    progress.tick(Math.max(0, whole - shown), note);
                    shown = Math.max(shown, whole);
                }
            },
        });
    }
    catch (err) {
        if (err instanceof RosterInputError)
            throw pointIntoFiles(err, { req, reqName: basename(reqName), agents, agentsName: basename(agentsName) });
        throw err;
    }
    progress.finish('done');
    if (output && format === 'xlsx')
        writeFileSync(output, await rosterToXlsx(roster));
    else if (output && format === 'json')
        writeFileSync(output, JSON.stringify(roster, null, 2) + '\n');
    else if (output) {
        writeFileSync(output, rosterToCsv(roster));
        writeFileSync(output.replace(/\.csv$/i, '') + '-coverage.csv', coverageToCsv(roster));
    }
    if (args.values.json && !output)
        console.log(JSON.stringify(roster, null, 2));
    else {
        console.log(summary(roster));
        if (output)
            console.log(`wrote ${output}${format === 'csv' ? ` and ${output.replace(/\.csv$/i, '')}-coverage.csv` : ''}`);
    }
}
//# sourceMappingURL=build-command.js.map