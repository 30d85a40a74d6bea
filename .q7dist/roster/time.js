/** Durations, clock times, day names and time windows for the roster rules; errors name the field. */
import { RosterInputError } from './errors.js';
export const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const LONG_DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** Minutes from a `Duration`: a number of minutes, or `8h`, `8h30m`, `90m`, `1:30`. */
export function parseDuration(value, field) {
    if (typeof value === 'number') {
        if (!Number.isFinite(value) || value < 0)
            throw new RosterInputError(field, `expected minutes ≥ 0, got ${value}`);
        return value;
    }
    if (typeof value === 'string') {
        const text = value.trim().toLowerCase();
        let m = /^(\d+):([0-5]\d)$/.exec(text);
        if (m)
            return Number(m[1]) * 60 + Number(m[2]);
        m = /^(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m(?:in)?)?$/.exec(text);
        if (m && (m[1] !== undefined || m[2] !== undefined))
            return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
        if (/^\d+(?:\.\d+)?$/.test(text))
            return Number(text);
    }
    throw new RosterInputError(field, `expected a duration such as 8h, 8h30m, 90m or a number of minutes, got ${show(value)}`);
}
/** Minutes from midnight of `HH:MM` (00:00–24:00). */
export function parseClock(value, field) {
    const m = typeof value === 'string' ? /^\s*(\d{1,2}):([0-5]\d)\s*$/.exec(value) : null;
    const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
    if (!(minutes >= 0 && minutes <= 1440))
        throw new RosterInputError(field, `expected a time HH:MM, got ${show(value)}`);
    return minutes;
}
/** `HH:MM` of minutes from midnight; past midnight adds `+1d` (e.g. `02:00+1d`). */
export function formatClock(minutes) {
    const day = Math.floor(minutes / 1440);
    const m = minutes - day * 1440;
    const hhmm = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(Math.round(m % 60)).padStart(2, '0')}`;
    return day > 0 ? `${hhmm}+${day}d` : hhmm;
}
/** `2h30m`, `45m`, `8h` of minutes. */
export function formatDuration(minutes) {
    const h = Math.floor(minutes / 60);
    const m = Math.round(minutes % 60);
    return h && m ? `${h}h${m}m` : h ? `${h}h` : `${m}m`;
}
/** Weekday 0..6 (Monday = 0) of a day name (`mon`, `Monday`), or -1. */
export function weekdayOf(name) {
    const n = name.trim().toLowerCase();
    const short = DAY_NAMES.indexOf(n.slice(0, 3));
    return short >= 0 && (n.length === 3 || LONG_DAY_NAMES[short] === n) ? short : -1;
}
/** Label of a horizon day: `Mon`, or `Mon 2025-03-03` when the start date is known. */
export function dayLabel(day, firstWeekday, startDate) {
    const name = DAY_NAMES[(firstWeekday + day) % 7];
    const label = name.charAt(0).toUpperCase() + name.slice(1);
    if (!startDate)
        return label;
    const d = new Date(`${startDate}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + day);
    return `${label} ${d.toISOString().slice(0, 10)}`;
}
/** Horizon days named by one token: `sat`, `mon-fri`, `3`, `0-2`. */
function daysOfToken(token, horizon, firstWeekday, field) {
    const range = token.split('-').map((t) => t.trim());
    if (range.length > 2 || range.some((t) => t === ''))
        throw new RosterInputError(field, `expected a day (mon, sat-sun, 0-6), got "${token}"`);
    const asDay = (t) => {
        if (/^\d+$/.test(t)) {
            const n = Number(t);
            if (n >= horizon)
                throw new RosterInputError(field, `day ${n} is past the horizon (${horizon} days)`);
            return { kind: 'day', n };
        }
        const w = weekdayOf(t);
        if (w < 0)
            throw new RosterInputError(field, `unknown day "${t}" (use mon…sun or a day number)`);
        return { kind: 'weekday', n: w };
    };
    const [a, b] = [asDay(range[0]), asDay(range[range.length - 1])];
    if (a.kind !== b.kind)
        throw new RosterInputError(field, `mixes day names and numbers in "${token}"`);
    const out = [];
    if (a.kind === 'day') {
        for (let d = a.n; d <= b.n; d++)
            out.push(d);
        return out;
    }
    const weekdays = new Set();
    for (let w = a.n;; w = (w + 1) % 7) {
        weekdays.add(w);
        if (w === b.n)
            break;
    }
    for (let d = 0; d < horizon; d++)
        if (weekdays.has((firstWeekday + d) % 7))
            out.push(d);
    return out;
}
/** A window's absolute ranges on the horizon timeline, `[start, end)` minutes from day 0's midnight. */
export function parseWindow(value, horizon, firstWeekday, field) {
    let dayTokens = [];
    let from;
    let to;
    if (typeof value === 'string') {
        const parts = value.trim().split(/\s+/);
        const last = parts[parts.length - 1];
        if (parts.length > 2 || parts[0] === '')
            throw new RosterInputError(field, `expected "DAYS", "HH:MM-HH:MM" or "DAYS HH:MM-HH:MM", got "${value}"`);
        if (/^\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}$/.test(last)) {
            ;
            [from, to] = last.split('-');
            if (parts.length === 2)
                dayTokens = parts[0].split(',');
        }
        else if (parts.length === 1)
            dayTokens = parts[0].split(',');
        else
            throw new RosterInputError(field, `expected "DAYS HH:MM-HH:MM", got "${value}"`);
    }
    else if (value && typeof value === 'object') {
        const days = value.days;
        dayTokens = days === undefined ? [] : Array.isArray(days) ? days.map(String) : String(days).split(',');
        from = value.from;
        to = value.to;
        if ((from === undefined) !== (to === undefined))
            throw new RosterInputError(field, 'give both "from" and "to", or neither');
    }
    else
        throw new RosterInputError(field, `expected a time window such as "sat" or "mon 09:00-12:00"`);
    const days = dayTokens.length
        ? [...new Set(dayTokens.flatMap((t) => daysOfToken(t, horizon, firstWeekday, field)))].sort((a, b) => a - b)
        : Array.from({ length: horizon }, (_, d) => d);
    const start = from === undefined ? 0 : parseClock(from, field);
    let end = to === undefined ? 1440 : parseClock(to, field);
    if (end <= start)
        end += 1440; // 22:00-06:00 runs into the next day
    return days.map((d) => [d * 1440 + start, d * 1440 + end]);
}
/** Sorted, merged ranges (touching ranges join, so `mon 22:00-24:00` + `tue 00:00-06:00` is one). */
export function mergeRanges(ranges) {
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    const out = [];
    for (const r of sorted) {
        const last = out[out.length - 1];
        if (last && r[0] <= last[1])
            last[1] = Math.max(last[1], r[1]);
        else
            out.push([r[0], r[1]]);
    }
    return out;
}
export function show(value) {
    return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}
//# sourceMappingURL=time.js.map