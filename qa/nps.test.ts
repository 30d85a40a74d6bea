import { describe, it, expect } from 'vitest'
import { predictNps, satisfactionOf } from './nps.js'
import { scoreInteraction } from './pipeline.js'
import { compileScorecard, defaultScorecard } from './scorecard.js'
import { satisfactionModel } from './satisfaction/model.js'
import type { Flag, Interaction } from './types.js'

const chat = (lines: [string, string][]): Interaction => ({
  interaction_id: 'n',
  turns: lines.map(([role, text]) => ({ role: role as 'customer' | 'agent', text })),
})

describe('predicted CSAT and NPS class', () => {
  it('gives every result a predicted CSAT in 1..5 and the class read off it', () => {
    const happy = scoreInteraction(
      chat([
        ['customer', 'My laptop will not start'],
        ['agent', 'Please hold the power button for 30 seconds, then try again.'],
        ['customer', 'That fixed it, it works now. Thank you so much!'],
      ]),
    )
    const angry = scoreInteraction(
      chat([
        ['customer', '我的订单还没到'],
        ['agent', '请您耐心等待'],
        ['customer', '已经等了十天了，还是没到，我要投诉，退款！'],
      ]),
    )
    for (const r of [happy, angry]) {
      expect(r.csat_predicted).toBeGreaterThanOrEqual(1)
      expect(r.csat_predicted).toBeLessThanOrEqual(5)
    }
    expect(happy.csat_predicted).toBeGreaterThan(angry.csat_predicted)
    expect(happy.nps_predicted).toBe('promoter')
    expect(angry.nps_predicted).toBe('detractor')
    expect(scoreInteraction({ interaction_id: 'empty', turns: [] }).csat_predicted).toBeGreaterThanOrEqual(1)
  })

  it("uses the model's cuts, a scorecard's own, and makes a detractor of a serious flag", () => {
    const { detractor_below, promoter_from } = satisfactionModel().weights.classes
    const card = defaultScorecard('en')
    expect(predictNps(detractor_below - 0.01, [], card)).toBe('detractor')
    expect(predictNps(detractor_below, [], card)).toBe('passive')
    expect(predictNps(promoter_from, [], card)).toBe('promoter')
    const serious: Flag = { check: 'blame', severity: 'high', turn: 1, start: 0, end: 1, text: 'x', reason: 'r' }
    expect(predictNps(5, [serious], card)).toBe('detractor')
    const strict = compileScorecard(
      { ...card.spec, id: 'strict', nps: { detractor_below: 4, promoter_from: 4.5 } },
      'strict.yaml',
    )
    expect(predictNps(promoter_from, [], strict)).toBe('detractor')
    // The cuts are in CSAT units now: the old sentiment thresholds are refused, naming the field.
    expect(() => compileScorecard({ ...card.spec, nps: { detractor_below: -0.2 } }, 'old.yaml')).toThrow(
      /nps\.detractor_below/,
    )
    expect(() => compileScorecard({ ...card.spec, nps: { detractor_below: 4, promoter_from: 3 } }, 'x.yaml')).toThrow(
      /must not exceed/,
    )
  })

  it('compares predicted with surveyed where a survey exists', () => {
    expect(
      satisfactionOf({ csat_predicted: 3.4199999, nps_predicted: 'promoter', survey_nps: 9, survey_csat: null }),
    ).toEqual({
      csat_predicted: 3.42,
      nps_predicted: 'promoter',
      survey_nps: 9,
      survey_csat: null,
      surveyed_class: 'promoter',
      agrees: true,
    })
    expect(
      satisfactionOf({ csat_predicted: 3.2, nps_predicted: 'passive', survey_nps: null, survey_csat: 2 }),
    ).toMatchObject({ surveyed_class: 'detractor', agrees: false })
    expect(
      satisfactionOf({ csat_predicted: null, nps_predicted: 'passive', survey_nps: null, survey_csat: null }),
    ).toMatchObject({ csat_predicted: null, surveyed_class: null, agrees: null })
  })
})
