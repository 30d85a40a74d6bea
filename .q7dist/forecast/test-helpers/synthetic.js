/** Synthetic series for tests: deterministic, with a known weekday/intraday shape. */
import { Random } from '../../kits/sim/index.js';
/**
 * Weekdays 08:00–18:00 at `interval` minutes for `days` calendar days from 2024-01-01 (a Monday),
 * Mondays 30% busier, a midday peak; weekends absent.
 */
export function syntheticSeries(days, interval = 15, seed = 1, level = 40) {
    const rng = Random.minstd(seed);
    const start = Date.UTC(2024, 0, 1) / 60_000;
    const out = [];
    for (let d = 0; d < days; d++) {
        const weekday = (d + 1) % 7;
        if (weekday === 0 || weekday === 6)
            continue;
        for (let m = 8 * 60; m < 18 * 60; m += interval) {
            const shape = 1 + 0.6 * Math.sin((Math.PI * (m - 480)) / 600);
            const mean = level * shape * (weekday === 1 ? 1.3 : 1) * (interval / 15);
            out.push({ t: start + d * 1440 + m, count: rng.poisson(mean) });
        }
    }
    return out;
}
//# sourceMappingURL=synthetic.js.map