/**
 * How the report's figures read: a value in its unit, its change against the previous period, and whether that
 * change is good news (a rise in service level is, a rise in AHT or abandon rate is not). Pure, for the page and
 * its unit test.
 */
import type { MetricDefinition, MetricUnit, ReportMetric } from '../../../../core/contracts/index.js'
import { DASH, duration } from '../lib/format.js'
import type { Lang } from '../lib/params.js'

/** good / bad: coloured; neutral: a metric with no better direction (volume); flat: no change or nothing to compare. */
export type Tone = 'good' | 'bad' | 'neutral' | 'flat'

export function toneOf(better: MetricDefinition['better'], change: number | null): Tone {
  if (change === null || Math.abs(change) < 1e-9) return 'flat'
  if (better === 'neutral') return 'neutral'
  return change > 0 === (better === 'higher') ? 'good' : 'bad'
}

const fixed = (v: number, digits: number) =>
  v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** A value in its unit: 12,345 · 82.4% · 5:12 · 36.5 h · 87.2 · 32 · 0.12. */
export function formatValue(v: number | null | undefined, unit: MetricUnit, lang: Lang): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return DASH
  switch (unit) {
    case 'count':
      return fixed(v, 0)
    case 'percent':
      return `${fixed(v, 1)}%`
    case 'seconds':
      return duration(v)
    case 'hours':
      return `${fixed(v, 1)}${lang === 'zh' ? ' 小时' : ' h'}`
    case 'score':
      return fixed(v, 1)
    case 'nps':
      return fixed(v, 0)
    case 'ratio':
      return fixed(v, 2)
  }
}

const sign = (v: number) => (v > 0 ? '+' : v < 0 ? '−' : '±')

/**
 * The change as people read it: percentage points for a percentage (+1.2 pp), points for NPS and QA scores (+4),
 * seconds for times (+0:12), and a relative change for the rest (+5.3%).
 */
export function formatChange(m: Pick<ReportMetric, 'change' | 'change_pct' | 'unit'>, lang: Lang): string {
  if (m.change === null) return DASH
  const abs = Math.abs(m.change)
  switch (m.unit) {
    case 'percent':
      return `${sign(m.change)}${fixed(abs, 1)}${lang === 'zh' ? ' 个百分点' : ' pp'}`
    case 'nps':
      return `${sign(m.change)}${fixed(abs, 0)}`
    case 'score':
      return `${sign(m.change)}${fixed(abs, 1)}`
    case 'seconds':
      return `${sign(m.change)}${duration(abs)}`
    default:
      return m.change_pct === null
        ? `${sign(m.change)}${formatValue(abs, m.unit, lang)}`
        : `${sign(m.change_pct)}${fixed(Math.abs(m.change_pct), 1)}%`
  }
}

/** ▲ ▼ or nothing. */
export const arrowOf = (change: number | null): string =>
  change === null || Math.abs(change) < 1e-9 ? '' : change > 0 ? '▲' : '▼'

/** A change between two values of a scorecard or top item (no change_pct in the answer). */
export function changeBetween(
  value: number | null,
  previous: number | null,
): Pick<ReportMetric, 'change' | 'change_pct'> {
  if (value === null || previous === null) return { change: null, change_pct: null }
  return {
    change: value - previous,
    change_pct: previous === 0 ? null : ((value - previous) / Math.abs(previous)) * 100,
  }
}
