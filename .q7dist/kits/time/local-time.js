/**
 * Between instants (UTC ms) and the forecast library's "local minutes"
 * (wall-clock minutes of the centre's time zone, see series.ts).
 */
const formatters = new Map();
/** Offset of `timeZone` from UTC at instant `ms`, in minutes (480 for Asia/Shanghai). */
export function zoneOffsetMinutes(ms, timeZone) {
    let f = formatters.get(timeZone);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
        });
        formatters.set(timeZone, f);
    }
    const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, Number(x.value)]));
    const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000);
}
export const toLocalMinutes = (ms, timeZone) => Math.floor(ms / 60_000) + zoneOffsetMinutes(ms, timeZone);
/** The instant of a local wall-clock minute (the later offset wins in a DST overlap). */
export function fromLocalMinutes(local, timeZone) {
    const guess = local * 60_000;
    const first = guess - zoneOffsetMinutes(guess, timeZone) * 60_000;
    return guess - zoneOffsetMinutes(first, timeZone) * 60_000;
}
//# sourceMappingURL=local-time.js.map