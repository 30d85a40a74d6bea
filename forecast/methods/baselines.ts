/** The two baselines every other method has to beat. */
import { meanProfile, recentSameWeekday, type ForecastMethod } from './types.js'

/** Same interval on the most recent same weekday (one week earlier unless that day was closed). */
export const seasonalNaive: ForecastMethod = {
  name: 'seasonal_naive',
  description: 'same interval on the last same weekday (one week earlier)',
  forecast: (train, targets) => targets.map((t) => meanProfile(recentSameWeekday(train, t.weekday, 1), train.slots)),
}

/** Mean of the last `weeks` same weekdays, interval by interval. */
export function meanOfWeeks(weeks: number, name = `mean_weeks_${weeks}`): ForecastMethod {
  return {
    name,
    description: `mean of the last ${weeks} same weekdays, same interval`,
    forecast: (train, targets) =>
      targets.map((t) => meanProfile(recentSameWeekday(train, t.weekday, weeks), train.slots)),
  }
}

/** Mean of the last four same weekdays, interval by interval. */
export const meanWeeks: ForecastMethod = meanOfWeeks(4, 'mean_weeks')
