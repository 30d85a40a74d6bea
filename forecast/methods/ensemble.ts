/** Combination forecasts: the slot-wise median of several methods (robust when one of them goes astray). */
import type { ForecastMethod } from './types.js'
import { median } from '../../kits/stats/index.js'

export function ensemble(name: string, members: readonly ForecastMethod[]): ForecastMethod {
  return {
    name,
    description: `slot-wise median of ${members.map((m) => m.name).join(', ')}`,
    forecast(train, targets) {
      const outputs = members.map((m) => m.forecast(train, targets))
      return targets.map((_, i) => outputs[0][i].map((_, s) => median(outputs.map((o) => o[i][s]))))
    },
  }
}
