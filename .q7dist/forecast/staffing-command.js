/** `mofang staffing`: one period's staffing, as a table or JSON. */
import { numberOption, requireString } from '../kits/cli/index.js';
import { BadInputError } from '../core/index.js';
import { chatHandleTime, MAX_CONCURRENCY, staff } from '../kits/erlang/index.js';
/** `30m`, `1h`, `90s` or plain seconds → seconds. */
export function parseDuration(text, flag) {
    const m = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/.exec(text.trim());
    const seconds = m ? Number(m[1]) * { s: 1, m: 60, h: 3600 }[(m[2] ?? 's')] : NaN;
    if (!(seconds > 0))
        throw new BadInputError(`--${flag}: expected a duration like 30m, 1h or 1800, got "${text}"`);
    return seconds;
}
/** `80/20` → 80% within 20 s. */
export function parseServiceLevel(text) {
    const m = /^(\d+(?:\.\d+)?)\s*%?\s*\/\s*(\d+(?:\.\d+)?)\s*s?$/.exec(text.trim());
    if (!m || !(Number(m[1]) > 0 && Number(m[1]) < 100))
        throw new BadInputError(`--sl: expected PERCENT/SECONDS with 0 < PERCENT < 100, e.g. 80/20, got "${text}"`);
    return { serviceLevel: Number(m[1]) / 100, threshold: Number(m[2]) };
}
export function formatStaffing(s, extra) {
    const pct = (x) => `${(100 * x).toFixed(1)}%`;
    const chats = s.concurrency > 1;
    const rows = [
        ['model', s.model === 'erlang_a' ? 'Erlang A (with abandonment)' : 'Erlang C'],
        ['offered load', `${s.erlangs.toFixed(2)} Erlangs (${extra.volume} contacts in ${extra.periodSeconds / 60} min)`],
    ];
    if (chats)
        rows[0][1] += `, ${s.concurrency} chats per agent`;
    if (chats && extra.aht !== undefined) {
        const full = chatHandleTime(extra.aht, s.concurrency, extra.slowdown);
        rows.push(['handle time at full load', `${full.toFixed(0)} s per chat (${extra.aht} s alone)`]);
    }
    rows.push(['required agents', String(s.required)], ['scheduled agents', `${s.scheduled} (after shrinkage)`], [`service level (${extra.threshold} s)`, pct(s.serviceLevel)], ['ASA', `${s.asa.toFixed(1)} s`], ['probability of waiting', pct(s.probWait)], [chats ? 'occupancy (chat slots)' : 'occupancy', pct(s.occupancy)]);
    if (s.model === 'erlang_a')
        rows.push(['abandonment', pct(s.abandonment)]);
    const width = Math.max(...rows.map((r) => r[0].length));
    return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
export async function runStaffing(args) {
    requireString(args, 'volume');
    requireString(args, 'aht');
    const volume = numberOption(args, 'volume', { min: 0 });
    const aht = numberOption(args, 'aht', { min: 1 });
    const periodSeconds = parseDuration(String(args.values.period), 'period');
    const { serviceLevel, threshold } = parseServiceLevel(String(args.values.sl));
    const patience = numberOption(args, 'patience', { min: 1 });
    const shrinkage = numberOption(args, 'shrinkage', { min: 0, max: 0.95 }) ?? 0;
    const maxOccupancy = numberOption(args, 'max-occupancy', { min: 0.05, max: 1 }) ?? 1;
    const concurrency = numberOption(args, 'concurrency', { min: 1, max: MAX_CONCURRENCY, integer: true }) ?? 1;
    const slowdown = numberOption(args, 'slowdown', { min: 0, max: 1 }) ?? 0.25;
    const result = staff({ lambda: volume / periodSeconds, aht }, { serviceLevel, threshold, maxOccupancy, patience, concurrency, slowdown }, shrinkage);
    console.log(args.values.json
        ? JSON.stringify(result, null, 2)
        : formatStaffing(result, { volume, periodSeconds, threshold, aht, slowdown }));
}
//# sourceMappingURL=staffing-command.js.map