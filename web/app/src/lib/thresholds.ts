/**
 * Green/amber/red for each tile. A rule says which way is good and where amber
 * and red begin; a saved wall's thresholds or the URL override them: `th=sl:85:75,abandon:5:8`
 * (metric:green-limit:amber-limit). SL defaults follow the row's own target.
 */
import type { ColourLimits, ThresholdMetric } from '../../../../core/contracts/index.js'

export type TileState = 'green' | 'amber' | 'red' | 'none'

export interface Rule {
  /** true: bigger is better (SL); false: smaller is better (waiting). */
  higherIsBetter: boolean
  /** Green up to (or from) here… */
  green: number
  /** …amber up to (or from) here, red beyond. */
  amber: number
}

export type MetricName = ThresholdMetric

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
  ticket_sl: { higherIsBetter: true, green: 90, amber: 80 },
  tickets_overdue: { higherIsBetter: false, green: 0, amber: 5 },
}

/** Rules with a saved wall's limits applied. */
export function rulesWith(limits: Partial<Record<MetricName, ColourLimits>>): Record<MetricName, Rule> {
  const rules = { ...DEFAULT_RULES }
  for (const [name, l] of Object.entries(limits) as [MetricName, ColourLimits][]) rules[name] = { ...rules[name], ...l }
  return rules
}

/** The URL's colour limits (`sl:85:75,abandon:5:8`); malformed entries are ignored. */
export function parseLimits(text: string): Partial<Record<MetricName, ColourLimits>> {
  const limits: Partial<Record<MetricName, ColourLimits>> = {}
  for (const part of text.split(',')) {
    const [name, g, a] = part.split(':')
    const green = Number(g)
    const amber = Number(a)
    if (
      !(name in DEFAULT_RULES) ||
      g === undefined ||
      a === undefined ||
      !Number.isFinite(green) ||
      !Number.isFinite(amber)
    )
      continue
    limits[name as MetricName] = { green, amber }
  }
  return limits
}

/** Rules with the URL's overrides applied. */
export const parseRules = (text: string): Record<MetricName, Rule> => rulesWith(parseLimits(text))

/** SL rule tied to a target: green at the target, amber down to 10 points under it (unless the URL set sl). */
export function slRule(rules: Record<MetricName, Rule>, targetPercent: number, overridden: boolean): Rule {
  return overridden ? rules.sl : { higherIsBetter: true, green: targetPercent, amber: targetPercent - 10 }
}

export function evaluate(rule: Rule, value: number | null | undefined): TileState {
  if (value === null || value === undefined || Number.isNaN(value)) return 'none'
  if (rule.higherIsBetter) return value >= rule.green ? 'green' : value >= rule.amber ? 'amber' : 'red'
  return value <= rule.green ? 'green' : value <= rule.amber ? 'amber' : 'red'
}
