/** Every forecasting method by name. `auto` is not here: it chooses among these (see auto.ts). */
import { meanWeeks, seasonalNaive } from './baselines.js';
import { dailyProfile } from './daily-profile.js';
import { dayLevelProfile } from './day-level.js';
import { ensemble } from './ensemble.js';
import { holtWinters } from './holt-winters.js';
const profile = dailyProfile();
export const METHODS = [
    seasonalNaive,
    meanWeeks,
    holtWinters,
    profile,
    ensemble('ensemble', [holtWinters, profile]),
    dayLevelProfile(),
];
export function methodByName(name) {
    return METHODS.find((m) => m.name === name);
}
//# sourceMappingURL=index.js.map