/**
 * Green/amber/red for each tile. A rule says which way is good and where amber
 * and red begin; the URL can override them: `th=sl:85:75,abandon:5:8`
 * (metric:green-limit:amber-limit). SL defaults follow the row's own target.
 */
export type TileState = 'green' | 'amber' | 'red' | 'none'

export interface Rule {
  /** true: bigger is better (SL); false: smaller is better (waiting). */
  higherIsBetter: boolean
  /** Green up to (or from) here… */
  green: number
  /** …amber up to (or from) here, red beyond. */
  amber: number
}

export type MetricName = 'sl' | 'abandon' | 'asa' | 'waiting' | 'longest' | 'aht' | 'occupancy' | 'nps' | 'csat' | 'qa'

export const DEFAULT_RULES: Record<MetricName, Rule> = {
  sl: { higherIsBetter: true, green: 80, amber: 70 },
  abandon: { higherIsBetter: false, green: 5, amber: 10 },
  asa: { higherIsBetter: false, green: 20, amber: 40 },
  waiting: { higherIsBetter: false, green: 5, amber: 10 },
  longest: { higherIsBetter: false, green: 60, amber: 120 },
  aht: { higherIsBetter: false, green: 360, amber: 480 },
  occupancy: { higherIsBetter: false, green: 85, amber: 92 },
  nps: { higherIsBetter: true, green: 30, amber: 0 },
  csat: { higherIsBetter: true, green: 85, amber: 75 },
  qa: { higherIsBetter: true, green: 85, amber: 75 },
}

/** Rules with the URL's overrides applied; malformed entries are ignored. */
export function parseRules(text: string, base: Record<MetricName, Rule> = DEFAULT_RULES): Record<MetricName, Rule> {
  const rules = { ...base }
  for (const part of text.split(',')) {
    const [name, g, a] = part.split(':')
    const green = Number(g)
    const amber = Number(a)
    if (!(name in rules) || g === undefined || a === undefined || !Number.isFinite(green) || !Number.isFinite(amber))
      continue
    rules[name as MetricName] = { ...rules[name as MetricName], green, amber }
  }
  return rules
}

/** SL rule tied to a target: green at the target, amber down to 10 points under it (unless the URL set sl). */
export function slRule(rules: Record<MetricName, Rule>, targetPercent: number, overridden: boolean): Rule {
  return overridden ? rules.sl : { higherIsBetter: true, green: targetPercent, amber: targetPercent - 10 }
}

export function evaluate(rule: Rule, value: number | null | undefined): TileState {
  if (value === null || value === undefined || Number.isNaN(value)) return 'none'
  if (rule.higherIsBetter) return value >= rule.green ? 'green' : value >= rule.amber ? 'amber' : 'red'
  return value <= rule.green ? 'green' : value <= rule.amber ? 'amber' : 'red'
}
