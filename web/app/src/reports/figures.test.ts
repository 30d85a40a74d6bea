import { describe, expect, it } from 'vitest'
import { changeBetween, formatChange, formatValue, toneOf } from './figures.js'

describe('report figures', () => {
  it('colours a change by which way is good', () => {
    expect(toneOf('higher', 2)).toBe('good') // service level up
    expect(toneOf('higher', -2)).toBe('bad')
    expect(toneOf('lower', 12)).toBe('bad') // AHT or abandon rate up
    expect(toneOf('lower', -3)).toBe('good')
    expect(toneOf('neutral', 500)).toBe('neutral') // more contacts: neither
    expect(toneOf('higher', 0)).toBe('flat')
    expect(toneOf('lower', null)).toBe('flat')
  })

  it('writes values in their unit', () => {
    expect(formatValue(12345, 'count', 'en')).toBe('12,345')
    expect(formatValue(82.44, 'percent', 'en')).toBe('82.4%')
    expect(formatValue(312, 'seconds', 'en')).toBe('5:12')
    expect(formatValue(36.54, 'hours', 'zh')).toBe('36.5 小时')
    expect(formatValue(36.54, 'hours', 'en')).toBe('36.5 h')
    expect(formatValue(-12, 'nps', 'en')).toBe('-12')
    expect(formatValue(0.123, 'ratio', 'en')).toBe('0.12')
    expect(formatValue(null, 'percent', 'en')).toBe('—')
  })

  it('writes changes: points for percentages, time for seconds, relative for counts', () => {
    expect(formatChange({ change: 1.24, change_pct: 1.5, unit: 'percent' }, 'en')).toBe('+1.2 pp')
    expect(formatChange({ change: -1.24, change_pct: -1.5, unit: 'percent' }, 'zh')).toBe('−1.2 个百分点')
    expect(formatChange({ change: 12, change_pct: 4, unit: 'seconds' }, 'en')).toBe('+0:12')
    expect(formatChange({ change: 120, change_pct: 5.26, unit: 'count' }, 'en')).toBe('+5.3%')
    expect(formatChange({ change: 3, change_pct: null, unit: 'count' }, 'en')).toBe('+3')
    expect(formatChange({ change: 4, change_pct: 20, unit: 'nps' }, 'en')).toBe('+4')
    expect(formatChange({ change: null, change_pct: null, unit: 'nps' }, 'en')).toBe('—')
    expect(changeBetween(110, 100)).toEqual({ change: 10, change_pct: 10 })
    expect(changeBetween(5, 0)).toEqual({ change: 5, change_pct: null })
    expect(changeBetween(null, 3)).toEqual({ change: null, change_pct: null })
  })
})
