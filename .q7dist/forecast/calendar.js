/**
 * Open hours and special days. Open hours are learned from history: a weekday
 * with no rows in recent weeks is a closed day, an interval never seen on a
 * recent same weekday is a closed hour. Special days come from configuration.
 */
import { formatDay, parseLocalTimestamp } from './series.js';
export function learnOpenHours(history, opts = {}) {
    const weeks = opts.recentWeeks ?? 8;
    const openSlots = Array.from({ length: 7 }, () => new Uint8Array(history.slots));
    const seen = new Array(7).fill(0);
    const last = history.days.at(-1)?.day ?? 0;
    const from = last - weeks * 7 + 1;
    for (const row of history.days) {
        if (row.day < from)
            continue;
        seen[row.weekday]++;
        row.values.forEach((v, s) => {
            if (v === v)
                openSlots[row.weekday][s] = 1;
        });
    }
    // A weekday is open if it had rows in at least half of the recent weeks; holidays
    // (the odd missing Monday) then do not close the weekday for good.
    const span = Math.min(weeks, Math.max(1, Math.ceil((last - (history.days[0]?.day ?? last) + 1) / 7)));
    const openWeekdays = seen.map((n) => n > 0 && n >= span / 2);
    return { openWeekdays, openSlots };
}
export function isOpen(open, weekday, slot) {
    return open.openWeekdays[weekday] && open.openSlots[weekday][slot] === 1;
}
/** Lookup of special days by day number. */
export function specialDayIndex(days) {
    return new Map(days.map((d) => [d.date, d.factor]));
}
/** History without the special days: they would distort profiles and levels. They are kept in `special`. */
export function withoutSpecialDays(history, special) {
    if (special.size === 0)
        return history;
    const byDay = new Map();
    for (const [date, factor] of special) {
        const t = parseLocalTimestamp(date);
        if (typeof t === 'number')
            byDay.set(Math.floor(t / 1440), factor);
    }
    return { ...history, days: history.days.filter((d) => !special.has(formatDay(d.day))), special: byDay };
}
/**
 * Parses a special-days file: CSV lines `date[,factor]` (a header line is allowed),
 * or JSON `["2024-12-25", {"date": "2024-12-24", "factor": 0.6}]`. Returns an error string on bad input.
 */
export function parseSpecialDays(text, fileName) {
    const trimmed = text.trim();
    if (trimmed.startsWith('['))
        return parseJsonDays(trimmed, fileName);
    const out = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (line === '' || line.startsWith('#') || (i === 0 && !/^\d/.test(line)))
            continue;
        const [date, factor = '0'] = line.split(',').map((s) => s.trim());
        const day = checkDay(date, Number(factor));
        if (typeof day === 'string')
            return `${fileName} line ${i + 1}: ${day}`;
        out.push(day);
    }
    return out;
}
function parseJsonDays(text, fileName) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch (err) {
        return `${fileName}: not valid JSON (${err.message})`;
    }
    const out = [];
    for (const [i, item] of raw.entries()) {
        const obj = typeof item === 'string' ? { date: item, factor: 0 } : item;
        const day = checkDay(String(obj?.date), Number(obj?.factor ?? 0));
        if (typeof day === 'string')
            return `${fileName} item ${i + 1}: ${day}`;
        out.push(day);
    }
    return out;
}
function checkDay(date, factor) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date + 'T00:00:00Z')))
        return `"${date}" is not a date like 2024-12-25`;
    if (!Number.isFinite(factor) || factor < 0)
        return `factor for ${date} must be a number ≥ 0`;
    return { date, factor };
}
//# sourceMappingURL=calendar.js.map