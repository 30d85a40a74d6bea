import { describe, it, expect } from 'vitest'
import { parseHistoryCsv, parseTargetCsv } from './csv.js'

describe('CSV input', () => {
  it('parses and sorts history', () => {
    const pts = parseHistoryCsv('ts,count\n2024-01-01T08:15:00,4\n2024-01-01T08:00:00,3\n\n', 'h.csv')
    expect(pts.map((p) => p.count)).toEqual([3, 4])
  })

  it.each([
    ['ts,count\n2024-01-01T08:00:00,3\n2024-01-01T08:15:00,abc\n', 'h.csv line 3: count is not a number'],
    ['ts,count\n2024-01-01T08:00:00,-1\n', 'h.csv line 2: count is negative'],
    ['ts,count\n2024-01-01T08:00:00\n', 'h.csv line 2: expected "timestamp,count"'],
    ['ts,count\nyesterday,3\n', 'h.csv line 2: timestamp "yesterday" is not a local ISO'],
    ['ts,count\n2024-01-01T08:00:00,3\n2024-01-01T08:00:00,4\n', 'h.csv line 3: duplicate timestamp (also on line 2)'],
    ['ts,count\n', 'h.csv: no data rows'],
  ])('rejects %j with the line number', (text, message) => {
    expect(() => parseHistoryCsv(text, 'h.csv')).toThrow(message)
  })

  it('keeps target text and order', () => {
    const t = parseTargetCsv('ts\n2024-01-02T09:00:00\n2024-01-02 08:00\n', 't.csv')
    expect(t.map((x) => x.text)).toEqual(['2024-01-02T09:00:00', '2024-01-02 08:00'])
    expect(() => parseTargetCsv('ts\n2024-13-01T00:00\n', 't.csv')).toThrow('t.csv line 2')
  })
})
