/** The two baselines every other method has to beat. */
import { meanProfile, recentSameWeekday } from './types.js';
/** Same interval on the most recent same weekday (one week earlier unless that day was closed). */
export const seasonalNaive = {
    name: 'seasonal_naive',
    description: 'same interval on the last same weekday (one week earlier)',
    forecast: (train, targets) => targets.map((t) => meanProfile(recentSameWeekday(train, t.weekday, 1), train.slots)),
};
/** Mean of the last `weeks` same weekdays, interval by interval. */
export function meanOfWeeks(weeks, name = `mean_weeks_${weeks}`) {
    return {
        name,
        description: `mean of the last ${weeks} same weekdays, same interval`,
        forecast: (train, targets) => targets.map((t) => meanProfile(recentSameWeekday(train, t.weekday, weeks), train.slots)),
    };
}
/** Mean of the last four same weekdays, interval by interval. */
export const meanWeeks = meanOfWeeks(4, 'mean_weeks');
//# sourceMappingURL=baselines.js.map