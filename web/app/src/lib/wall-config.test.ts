import { describe, it, expect } from 'vitest'
import { kioskPages, parseParams } from './params.js'
import { evaluate, parseRules, slRule, DEFAULT_RULES } from './thresholds.js'
import { duration, pct, signed } from './format.js'

describe('URL parameters', () => {
  it('defaults to the Chinese overview', () => {
    expect(parseParams('')).toMatchObject({
      page: { wall: 'overview' },
      lang: 'zh',
      kiosk: false,
      window: '30m',
      staleS: 5,
    })
  })

  it('reads queue walls, filters, kiosk rotation and limits', () => {
    const p = parseParams(
      '?wall=queue&queue=repair&channel=voice&site=sh&lang=en&kiosk=1&rotate=2&window=15m&stale=9&token=abc',
    )
    expect(p).toMatchObject({
      page: { wall: 'queue', queue: 'repair' },
      channel: 'voice',
      site: 'sh',
      lang: 'en',
      kiosk: true,
      rotateS: 5,
      window: '15m',
      staleS: 9,
      token: 'abc',
    })
    expect(parseParams('?wall=queue').page).toEqual({ wall: 'overview' })
    expect(parseParams('?wall=bogus&window=soon').page).toEqual({ wall: 'overview' })
  })

  it('builds kiosk pages from the list or from the queues', () => {
    expect(kioskPages(parseParams('?kiosk=1'), ['repair', 'sales'])).toEqual([
      { wall: 'overview' },
      { wall: 'queue', queue: 'repair' },
      { wall: 'queue', queue: 'sales' },
      { wall: 'agents' },
    ])
    expect(kioskPages(parseParams('?kiosk=1&pages=agents,queue:vip,queue,nope'), ['repair'])).toEqual([
      { wall: 'agents' },
      { wall: 'queue', queue: 'vip' },
    ])
  })
})

describe('thresholds', () => {
  it('colours higher-is-better and lower-is-better metrics at the limits', () => {
    expect([80, 79.9, 70, 69.9].map((v) => evaluate(DEFAULT_RULES.sl, v))).toEqual(['green', 'amber', 'amber', 'red'])
    expect([5, 5.1, 10, 10.1].map((v) => evaluate(DEFAULT_RULES.abandon, v))).toEqual([
      'green',
      'amber',
      'amber',
      'red',
    ])
    expect(evaluate(DEFAULT_RULES.sl, null)).toBe('none')
  })

  it('takes overrides from the URL and ties SL to the row target otherwise', () => {
    const rules = parseRules('sl:90:85,asa:10:15,bogus:1:2,waiting:x:1')
    expect(rules.sl).toEqual({ higherIsBetter: true, green: 90, amber: 85 })
    expect(rules.asa).toMatchObject({ green: 10, amber: 15 })
    expect(rules.waiting).toEqual(DEFAULT_RULES.waiting)
    expect(slRule(DEFAULT_RULES, 90, false)).toEqual({ higherIsBetter: true, green: 90, amber: 80 })
  })
})

describe('formatting', () => {
  it('writes durations, percentages and signed scores for a wall', () => {
    expect([duration(0), duration(75), duration(3725), duration(null)]).toEqual(['0:00', '1:15', '1:02:05', '—'])
    expect([pct(79.6), pct(null), signed(12), signed(-3)]).toEqual(['80%', '—', '+12', '-3'])
  })
})
