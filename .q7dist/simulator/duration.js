/** Parses durations such as 90s, 15m, 1h, 1h30m, 2d, 1w (and a bare number of ms) into ms. */
import { BadInputError } from '../core/index.js';
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
export function parseDuration(text, flag) {
    const s = text.trim();
    if (/^\d+$/.test(s))
        return Number(s);
    const parts = [...s.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)];
    if (parts.length === 0 || parts.map((p) => p[0]).join('') !== s) {
        throw new BadInputError(`--${flag}: expected a duration like 90s, 15m, 1h30m or 2d, got "${text}"`);
    }
    return Math.round(parts.reduce((ms, [, n, unit]) => ms + Number(n) * UNIT_MS[unit], 0));
}
//# sourceMappingURL=duration.js.map