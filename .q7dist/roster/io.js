/**
 * Files in and out: the requirements CSV, the agents (YAML, JSON or CSV) and rules (YAML or JSON) files, and the
 * roster as CSV or XLSX. Errors are `RosterInputError`s naming the file, line and column.
 */
import { parse as parseYaml } from 'yaml';
import { RosterInputError } from './errors.js';
import { dayLabel, formatClock, weekdayOf } from './time.js';
/** Rows of a CSV text (RFC 4180 quoting), with their 1-based line numbers; blank lines skipped. */
export function parseCsv(text) {
    const rows = [];
    let cells = [];
    let cell = '';
    let quoted = false;
    let line = 1;
    let rowLine = 1;
    const endRow = () => {
        cells.push(cell.trim());
        if (cells.some((c) => c !== ''))
            rows.push({ line: rowLine, cells });
        cells = [];
        cell = '';
    };
    const s = text.replace(/^\uFEFF/, '');
    for (let i = 0; i < s.length; i++) {
        const ch = s[i];
        if (quoted) {
            if (ch === '"' && s[i + 1] === '"') {
                cell += '"';
                i++;
            }
            else if (ch === '"')
                quoted = false;
            else {
                if (ch === '\n')
                    line++;
                cell += ch;
            }
        }
        else if (ch === '"')
            quoted = true;
        else if (ch === ',') {
            cells.push(cell.trim());
            cell = '';
        }
        else if (ch === '\n' || ch === '\r') {
            if (ch === '\r' && s[i + 1] === '\n')
                i++;
            endRow();
            line++;
            rowLine = line;
        }
        else
            cell += ch;
    }
    if (cell !== '' || cells.length)
        endRow();
    return rows;
}
function csvCell(v) {
    const text = v === undefined || v === null ? '' : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const toCsv = (rows) => rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
/** Index of the first header among `names` (case-insensitive, `_`/`-`/space ignored), or -1. */
function column(header, names) {
    const norm = (x) => x.toLowerCase().replace(/[\s_-]/g, '');
    const h = header.map(norm);
    for (const n of names) {
        const i = h.indexOf(norm(n));
        if (i >= 0)
            return i;
    }
    return -1;
}
const DATE = /^(\d{4}-\d{2}-\d{2})$/;
const STAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
function dayNumber(date) {
    return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}
/**
 * Requirements CSV: a header, then one row per interval (and skill). Columns: `timestamp` (local
 * `YYYY-MM-DDTHH:MM`) or `day` (0-based number, weekday name or date) with `time` (`HH:MM`); `required` (or
 * `agents`, `scheduled`, `requirement`); optionally `skill` (or `queue`). Intervals without a row need nobody.
 */
export function parseRequirementsCsv(text, fileName) {
    const rows = parseCsv(text);
    if (rows.length < 2)
        throw new RosterInputError(fileName, 'expected a header line and at least one row');
    const header = rows[0].cells;
    const iStamp = column(header, ['timestamp', 'ts', 'datetime', 'start', 'interval']);
    const iDay = column(header, ['day', 'date', 'weekday']);
    const iTime = column(header, ['time', 'minute', 'clock']);
    const iReq = column(header, ['required', 'agents', 'requirement', 'scheduled', 'need', 'staff']);
    const iSkill = column(header, ['skill', 'queue']);
    if (iReq < 0)
        throw new RosterInputError(`${fileName} line ${rows[0].line}`, 'no "required" column (or agents, scheduled, requirement)');
    if (iStamp < 0 && (iDay < 0 || iTime < 0))
        throw new RosterInputError(`${fileName} line ${rows[0].line}`, 'expected a "timestamp" column, or "day" and "time" columns');
    const raw = rows.slice(1).map(({ line, cells }) => {
        const at = (i, name) => {
            const v = cells[i];
            if (v === undefined || v === '')
                throw new RosterInputError(`${fileName} line ${line} (${name})`, 'is empty');
            return v;
        };
        const r = { line, minute: 0, required: 0 };
        if (iStamp >= 0) {
            const m = STAMP.exec(at(iStamp, header[iStamp]));
            if (!m)
                throw new RosterInputError(`${fileName} line ${line} (${header[iStamp]})`, `expected YYYY-MM-DDTHH:MM, got "${cells[iStamp]}"`);
            r.date = m[1];
            r.minute = Number(m[2]) * 60 + Number(m[3]);
        }
        else {
            const day = at(iDay, header[iDay]);
            if (DATE.test(day))
                r.date = day;
            else if (/^\d+$/.test(day))
                r.day = Number(day);
            else if (weekdayOf(day) >= 0)
                r.weekday = weekdayOf(day);
            else
                throw new RosterInputError(`${fileName} line ${line} (${header[iDay]})`, `expected a day number, weekday or date, got "${day}"`);
            const m = /^(\d{1,2}):(\d{2})$/.exec(at(iTime, header[iTime]));
            if (!m)
                throw new RosterInputError(`${fileName} line ${line} (${header[iTime]})`, `expected HH:MM, got "${cells[iTime]}"`);
            r.minute = Number(m[1]) * 60 + Number(m[2]);
        }
        if (r.date !== undefined && !Number.isFinite(dayNumber(r.date)))
            throw new RosterInputError(`${fileName} line ${line}`, `not a date: "${r.date}"`);
        const req = at(iReq, header[iReq]);
        r.required = Number(req);
        if (!Number.isFinite(r.required))
            throw new RosterInputError(`${fileName} line ${line} (${header[iReq]})`, `not a number: "${req}"`);
        if (r.required < 0)
            throw new RosterInputError(`${fileName} line ${line} (${header[iReq]})`, `negative requirement ${req}`);
        if (iSkill >= 0 && cells[iSkill])
            r.skill = cells[iSkill];
        return r;
    });
    const kinds = new Set(raw.map((r) => (r.date !== undefined ? 'date' : r.weekday !== undefined ? 'weekday' : 'day')));
    if (kinds.size > 1)
        throw new RosterInputError(fileName, 'mixes dates, weekday names and day numbers in the day column');
    const out = { requirements: [], lines: [] };
    if (kinds.has('date')) {
        const first = Math.min(...raw.map((r) => dayNumber(r.date)));
        const last = Math.max(...raw.map((r) => dayNumber(r.date)));
        out.startDate = new Date(first * 86_400_000).toISOString().slice(0, 10);
        out.firstWeekday = (new Date(first * 86_400_000).getUTCDay() + 6) % 7;
        out.days = Math.max(7, last - first + 1);
        for (const r of raw)
            r.day = dayNumber(r.date) - first;
    }
    else if (kinds.has('weekday')) {
        out.firstWeekday = 0;
        for (const r of raw)
            r.day = r.weekday;
    }
    else
        out.days = Math.max(7, ...raw.map((r) => r.day + 1));
    for (const r of raw) {
        out.requirements.push({
            day: r.day,
            minute: r.minute,
            required: r.required,
            ...(r.skill ? { skill: r.skill } : {}),
        });
        out.lines.push(r.line);
    }
    return out;
}
function parseStructured(text, fileName) {
    try {
        return parseYaml(text);
    }
    catch (err) {
        throw new RosterInputError(fileName, `not valid YAML/JSON: ${err.message.split('\n')[0]}`);
    }
}
const LIST = /[;|]/;
/**
 * Agents: YAML or JSON (a list, or `{ agents: [...] }`, fields as in `AgentSpec`), or CSV with a header:
 * `id, name, skills, minHours, maxHours, daysOff, consecutiveDaysOff, shifts, unavailable, available, costPerHour`
 * (lists separated by `;` or `|`, e.g. `unavailable: sat;sun;mon 09:00-12:00`).
 */
export function parseAgents(text, fileName) {
    if (/\.csv$/i.test(fileName))
        return parseAgentsCsv(text, fileName);
    const doc = parseStructured(text, fileName);
    const list = Array.isArray(doc)
        ? doc
        : doc && typeof doc === 'object'
            ? doc.agents
            : undefined;
    if (!Array.isArray(list))
        throw new RosterInputError(fileName, 'expected a list of agents, or { agents: [...] }');
    return { agents: list };
}
function parseAgentsCsv(text, fileName) {
    const rows = parseCsv(text);
    if (rows.length < 2)
        throw new RosterInputError(fileName, 'expected a header line and at least one agent');
    const header = rows[0].cells;
    const col = (names) => column(header, names);
    const cols = {
        id: col(['id', 'agent', 'agentid']),
        name: col(['name']),
        skills: col(['skills', 'skill', 'queues']),
        minHours: col(['minHours', 'min']),
        maxHours: col(['maxHours', 'max']),
        daysOff: col(['daysOff']),
        consecutiveDaysOff: col(['consecutiveDaysOff', 'consecutive']),
        shifts: col(['shifts', 'templates']),
        unavailable: col(['unavailable']),
        available: col(['available', 'availability']),
        costPerHour: col(['costPerHour', 'cost']),
    };
    if (cols.id < 0)
        throw new RosterInputError(`${fileName} line ${rows[0].line}`, 'no "id" column');
    const agents = rows.slice(1).map(({ line, cells }) => {
        const get = (i) => (i >= 0 && cells[i] !== undefined && cells[i] !== '' ? cells[i] : undefined);
        const num = (key) => {
            const v = get(cols[key]);
            if (v === undefined)
                return undefined;
            const n = Number(v);
            if (!Number.isFinite(n))
                throw new RosterInputError(`${fileName} line ${line} (${header[cols[key]]})`, `not a number: "${v}"`);
            return n;
        };
        const listOf = (key) => get(cols[key])
            ?.split(LIST)
            .map((x) => x.trim())
            .filter(Boolean);
        const a = { id: get(cols.id) ?? '' };
        const put = (k, v) => {
            if (v !== undefined)
                a[k] = v;
        };
        put('name', get(cols.name));
        put('skills', listOf('skills'));
        put('minHours', num('minHours'));
        put('maxHours', num('maxHours'));
        put('daysOff', num('daysOff'));
        const consecutive = get(cols.consecutiveDaysOff);
        if (consecutive !== undefined) {
            if (!/^(true|false|yes|no|1|0)$/i.test(consecutive))
                throw new RosterInputError(`${fileName} line ${line} (${header[cols.consecutiveDaysOff]})`, `expected true or false, got "${consecutive}"`);
            a.consecutiveDaysOff = /^(true|yes|1)$/i.test(consecutive);
        }
        put('shifts', listOf('shifts'));
        put('unavailable', listOf('unavailable'));
        put('available', listOf('available'));
        put('costPerHour', num('costPerHour'));
        return a;
    });
    return { agents, lines: rows.slice(1).map((r) => r.line) };
}
/** Rules: YAML or JSON, an object as in `RosterRules` (or `{ rules: {...} }`). */
export function parseRules(text, fileName) {
    const doc = parseStructured(text, fileName);
    const rules = doc && typeof doc === 'object' && 'rules' in doc ? doc.rules : doc;
    if (!rules || typeof rules !== 'object' || Array.isArray(rules))
        throw new RosterInputError(fileName, 'expected an object with shifts, breaks, daysOff, hours, costs…');
    return rules;
}
/** The input of `buildRoster` from the three files' contents. */
export function rosterInput(req, agents, rules) {
    return {
        requirements: req.requirements,
        agents: agents.agents,
        rules,
        ...(req.days !== undefined ? { days: req.days } : {}),
        ...(req.firstWeekday !== undefined ? { firstWeekday: req.firstWeekday } : {}),
        ...(req.startDate !== undefined ? { startDate: req.startDate } : {}),
    };
}
const clockSpan = (start, end) => `${formatClock(start)}-${formatClock(end)}`;
function breaksText(breaks) {
    return breaks.map((b) => `${b.name} ${clockSpan(b.start, b.end)}${b.paid ? '' : ' (unpaid)'}`).join('; ');
}
function dateOf(roster, day) {
    if (!roster.startDate)
        return '';
    return dayLabel(day, roster.firstWeekday, roster.startDate).split(' ')[1];
}
const weekdayOfDay = (roster, day) => dayLabel(day, roster.firstWeekday);
/** One row per agent and shift: `agent,name,skills,day,date,weekday,template,start,end,paid_hours,breaks`. */
export function rosterToCsv(roster) {
    const rows = [
        ['agent', 'name', 'skills', 'day', 'date', 'weekday', 'template', 'start', 'end', 'paid_hours', 'breaks'],
    ];
    for (const a of roster.agents)
        for (const s of a.shifts)
            rows.push([
                a.id,
                a.name ?? '',
                a.skills.join(';'),
                s.day,
                dateOf(roster, s.day),
                weekdayOfDay(roster, s.day),
                s.template,
                formatClock(s.start),
                formatClock(s.end),
                s.paidHours,
                breaksText(s.breaks),
            ]);
    return toCsv(rows);
}
/** One row per interval and skill: `day,date,weekday,time,skill,required,scheduled,under,over`. */
export function coverageToCsv(roster) {
    const rows = [['day', 'date', 'weekday', 'time', 'skill', 'required', 'scheduled', 'under', 'over']];
    for (const c of roster.coverage)
        rows.push([
            c.day,
            dateOf(roster, c.day),
            weekdayOfDay(roster, c.day),
            formatClock(c.minute),
            c.skill,
            c.required,
            c.scheduled,
            c.under,
            c.over,
        ]);
    return toCsv(rows);
}
/**
 * The roster as an XLSX workbook: `Roster` (an agent per row, a day per column, breaks in the cell), `Shifts`,
 * `Coverage` (requirement vs scheduled, shortfalls red, surpluses yellow) and `Summary`.
 */
export async function rosterToXlsx(roster) {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Mofang';
    const bold = { bold: true };
    const days = Array.from({ length: roster.days }, (_, d) => dayLabel(d, roster.firstWeekday, roster.startDate));
    const grid = wb.addWorksheet('Roster', { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
    grid.columns = [
        { header: 'Agent', width: 12 },
        { header: 'Name', width: 16 },
        { header: 'Skills', width: 14 },
        { header: 'Paid hours', width: 10 },
        ...days.map((d) => ({ header: d, width: 24 })),
    ];
    grid.getRow(1).font = bold;
    for (const a of roster.agents) {
        const cells = days.map((_, d) => {
            const s = a.shifts.find((x) => x.day === d);
            if (!s)
                return 'off';
            const br = s.breaks.map((b) => `${b.name} ${clockSpan(b.start, b.end)}`).join('\n');
            return `${clockSpan(s.start, s.end)} ${s.template}${br ? '\n' + br : ''}`;
        });
        const row = grid.addRow([a.id, a.name ?? '', a.skills.join(', '), a.paidHours, ...cells]);
        row.alignment = { wrapText: true, vertical: 'top' };
        cells.forEach((c, i) => {
            if (c === 'off') {
                const cell = row.getCell(5 + i);
                cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
                cell.font = { color: { argb: 'FF888888' } };
            }
        });
    }
    const shifts = wb.addWorksheet('Shifts', { views: [{ state: 'frozen', ySplit: 1 }] });
    const shiftRows = rosterToCsv(roster);
    parseCsv(shiftRows).forEach(({ cells }, i) => {
        const row = shifts.addRow(i > 0 ? cells.map((c, j) => (j === 3 || j === 9 ? Number(c) : c)) : cells);
        if (i === 0)
            row.font = bold;
    });
    shifts.columns.forEach((c) => (c.width = 14));
    const cov = wb.addWorksheet('Coverage', { views: [{ state: 'frozen', ySplit: 1 }] });
    cov.addRow(['Day', 'Date', 'Weekday', 'Time', 'Skill', 'Required', 'Scheduled', 'Under', 'Over']).font = bold;
    for (const c of roster.coverage) {
        const row = cov.addRow([
            c.day,
            dateOf(roster, c.day),
            weekdayOfDay(roster, c.day),
            formatClock(c.minute),
            c.skill,
            c.required,
            c.scheduled,
            c.under,
            c.over,
        ]);
        if (c.under > 0)
            row.getCell(8).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4B6B6' } };
        if (c.over > 0)
            row.getCell(9).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2B3' } };
    }
    cov.columns.forEach((c) => (c.width = 11));
    const sum = wb.addWorksheet('Summary');
    const t = roster.totals;
    const lines = [
        ['Status', roster.status],
        ['Shift model cost (breaks spread)', roster.objective],
        ['Lower bound', roster.bound],
        ['Gap', roster.gap],
        ['Break placement gap', roster.breakGap ?? 'not measured (time ran out)'],
        ['Solve seconds', roster.solveSeconds],
        ['Agents', roster.agents.length],
        ['Shifts', t.shifts],
        ['Paid hours', t.paidHours],
        ['Required agent-hours', t.requiredHours],
        ['Understaffed agent-hours', t.understaffedHours],
        ['Overstaffed agent-hours', t.overstaffedHours],
        ['Understaffing cost', t.understaffedCost],
        ['Overstaffing cost', t.overstaffedCost],
        ['Shift cost', t.shiftCost],
        ['Total cost', t.total],
        ...roster.warnings.map((w) => ['Warning', w]),
    ];
    for (const [k, v] of lines)
        sum.addRow([k, v]).getCell(1).font = bold;
    sum.getColumn(1).width = 34;
    sum.getColumn(2).width = 60;
    return Buffer.from(await wb.xlsx.writeBuffer());
}
//# sourceMappingURL=io.js.map