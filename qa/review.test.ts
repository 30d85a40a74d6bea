import { describe, it, expect } from 'vitest'
import { agreementOf, correctedScore, invalidDecision } from './review.js'
import type { CheckResult } from '../core/contracts/index.js'

const c = (fraction: number, weight: number, extra: Partial<CheckResult> = {}): CheckResult => ({
  fraction,
  weight,
  applicable: true,
  auto_failed: false,
  ...extra,
})
const checks = {
  greeting: c(1, 10),
  blame: c(0, 20),
  politeness: c(0.5, 20),
  address_by_surname: c(0, 10, { applicable: false }),
}

describe('correctedScore', () => {
  it('gives the automatic score when everything is confirmed', () => {
    expect(correctedScore(checks, [{ check: 'blame', decision: 'confirm' }]).score).toBe(40)
  })
  it('replaces overridden shares, counting an overridden non-applicable item', () => {
    expect(correctedScore(checks, [{ check: 'blame', decision: 'override', earned: 1 }]).score).toBe(80)
    expect(correctedScore(checks, [{ check: 'address_by_surname', decision: 'override', earned: 1 }]).score).toBe(50)
  })
  it('keeps an auto-fail unless that item is overridden to a pass', () => {
    const af = { ...checks, forbidden_words: c(0, 10, { auto_failed: true }) }
    expect(correctedScore(af, [])).toEqual({ score: 0, auto_failed: true })
    expect(correctedScore(af, [{ check: 'forbidden_words', decision: 'override', earned: 1 }])).toEqual({
      score: 50,
      auto_failed: false,
    })
  })
  it('names what is wrong in a decision list', () => {
    expect(invalidDecision(checks, [])).toMatch(/non-empty/)
    expect(invalidDecision(checks, [{ check: 'nope', decision: 'confirm' }])).toBe('items[0].check: unknown item')
    expect(invalidDecision(checks, [{ check: 'blame', decision: 'override', earned: 2 }])).toBe(
      'items[0].earned: expected a number from 0 to 1',
    )
    expect(invalidDecision(checks, [{ check: 'blame', decision: 'override', earned: 0.5, comment: 'ok' }])).toBeNull()
  })
  it("refuses names that are only the object's inherited properties, not the scorecard's checks", () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])
      expect(invalidDecision(checks, [{ check: name, decision: 'confirm' }]), name).toBe('items[0].check: unknown item')
    // Also as an own key of a parsed body (JSON.parse makes "__proto__" an own property).
    const parsed = JSON.parse('{"__proto__": {"fraction": 1, "weight": 1}}') as Record<string, CheckResult>
    expect(invalidDecision(checks, [{ check: Object.keys(parsed)[0], decision: 'confirm' }])).toMatch(/unknown item/)
  })
})

describe('agreementOf', () => {
  it('measures pairwise pass/fail agreement and the score spread', () => {
    const a = agreementOf([
      { reviewer: 'a', items: { greeting: 1, blame: 0 }, score: 40 },
      { reviewer: 'b', items: { greeting: 1, blame: 1 }, score: 90 },
      { reviewer: 'c', items: { greeting: 0.8, blame: 0 }, score: 38 },
    ])
    expect(a.items).toEqual({ blame: 1 / 3, greeting: 1 })
    expect(a.overall_pct).toBe(66.7)
    expect(a.score_spread).toBe(52)
  })
  it('has nothing to say about one reviewer', () => {
    expect(agreementOf([{ reviewer: 'a', items: { greeting: 1 }, score: 100 }])).toMatchObject({
      reviewers: 1,
      overall_pct: null,
      score_spread: null,
    })
  })
})
