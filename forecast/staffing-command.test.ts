import { describe, it, expect } from 'vitest'
import { parseDuration, parseServiceLevel } from './staffing-command.js'

describe('staffing flags', () => {
  it('parses durations and SL targets', () => {
    expect(parseDuration('30m', 'period')).toBe(1800)
    expect(parseDuration('1h', 'period')).toBe(3600)
    expect(parseDuration('900', 'period')).toBe(900)
    expect(() => parseDuration('soon', 'period')).toThrow('--period')
    expect(parseServiceLevel('80/20')).toEqual({ serviceLevel: 0.8, threshold: 20 })
    expect(() => parseServiceLevel('100/20')).toThrow('--sl')
  })
})
