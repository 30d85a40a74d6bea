import { describe, it, expect } from 'vitest'
import { scoreInteraction } from '../pipeline.js'
import type { Interaction, Turn } from '../types.js'

const chat = (turns: [Turn['role'], string][], extra: Partial<Interaction> = {}): Interaction => ({
  interaction_id: 't',
  turns: turns.map(([role, text], i) => ({ role, text, ts: i * 10_000 })),
  ...extra,
})
const flagsOf = (x: Interaction, check: string) => scoreInteraction(x).flags.filter((f) => f.check === check)

describe('greeting and closing', () => {
  it('passes when the agent greets early and closes properly (zh, en)', () => {
    const zh = scoreInteraction(
      chat([
        ['customer', '在吗'],
        ['agent', '您好，很高兴为您服务'],
        ['customer', '好的'],
        ['agent', '感谢您的来电，祝您生活愉快'],
      ]),
    )
    expect(zh.checks.greeting.fraction).toBe(1)
    expect(zh.checks.closing.fraction).toBe(1)
    const en = scoreInteraction(
      chat([
        ['agent', 'Hi, how can I help you?'],
        ['customer', 'my order is late'],
        ['agent', 'Sorted. Have a great day!'],
      ]),
    )
    expect(en.checks.greeting.fraction).toBe(1)
    expect(en.checks.closing.fraction).toBe(1)
  })

  it('flags a missing greeting within the first N agent turns', () => {
    const x = chat([
      ['agent', '说'],
      ['agent', '订单号'],
      ['agent', '您好'],
      ['customer', '嗯'],
      ['agent', '再见'],
    ])
    expect(flagsOf(x, 'greeting')).toHaveLength(1)
    const en = chat([
      ['agent', 'order number?'],
      ['customer', 'ok'],
      ['agent', 'done'],
      ['agent', 'anything else?'],
    ])
    expect(flagsOf(en, 'greeting')[0].reason).toMatch(/first 2 agent/)
    expect(flagsOf(en, 'closing')).toHaveLength(0)
  })
})

describe('politeness', () => {
  it('scores polite agents high and flags impolite expressions with the span', () => {
    const polite = scoreInteraction(
      chat([
        ['agent', '您好，请提供订单号，谢谢'],
        ['agent', 'Please hold on, thank you'],
      ]),
    )
    // A probability from the learned model now, not the old 0.5 + 0.25 per form capped at 1.
    expect(polite.politeness.agent).toBeGreaterThan(0.85)
    const rude = chat([
      ['agent', '你好'],
      ['agent', '我已经说过了，你懂不懂'],
    ])
    const flags = flagsOf(rude, 'politeness')
    expect(flags.map((f) => f.text)).toEqual(['我已经说过了', '你懂不懂', ''])
    expect(scoreInteraction(rude).politeness.agent).toBeLessThan(0.6)
    expect(
      flagsOf(
        chat([
          ['agent', 'Hi'],
          ['agent', 'Calm down, I already told you'],
        ]),
        'politeness',
      ).map((f) => f.text),
    ).toContain('Calm down')
  })

  it('does not call a polite refusal impolite', () => {
    const x = chat([
      ['agent', '您好'],
      ['agent', '很抱歉，这个我们无法办理，但您可以去官网申请'],
    ])
    expect(flagsOf(x, 'politeness')).toEqual([])
    expect(scoreInteraction(x).politeness.agent).toBeGreaterThanOrEqual(0.75)
    expect(
      flagsOf(chat([['agent', "Hello. I'm sorry, we can't do that, but you can apply online."]]), 'politeness'),
    ).toEqual([])
  })
})

describe('addressing the customer by surname', () => {
  it('counts 王先生 / 欧阳女士 / Mr Wang and needs two a minute', () => {
    const zh = chat(
      [
        ['agent', '您好王先生'],
        ['customer', '嗯'],
        ['agent', '王先生请稍等'],
      ],
      { customer_name: '王伟' },
    )
    expect(scoreInteraction(zh).checks.address_by_surname.fraction).toBe(1)
    const compound = chat(
      [
        ['agent', '欧阳女士您好'],
        ['agent', '欧阳女士请稍等'],
      ],
      { customer_name: '欧阳娜娜' },
    )
    expect(scoreInteraction(compound).checks.address_by_surname.fraction).toBe(1)
    const en = chat(
      [
        ['agent', 'Hello Mr. Wang'],
        ['agent', 'one moment Mr Wang'],
      ],
      { customer_name: 'Wei Wang' },
    )
    expect(scoreInteraction(en).checks.address_by_surname.fraction).toBe(1)
  })

  it('flags too few uses over a long chat, and skips when the name is unknown', () => {
    const turns: [Turn['role'], string][] = Array.from({ length: 13 }, (_, i) => [
      'agent',
      i === 0 ? '您好王先生' : '请稍等',
    ])
    const long = chat(turns, { customer_name: '王伟' }) // 2 minutes: twice in each
    expect(flagsOf(long, 'address_by_surname')[0].reason).toMatch(
      /too rarely in 2 of 2 minute\(s\) the agent spoke \(minute 1: 1 of 2, minute 2: 0 of 2; at least 2 a minute\)/,
    )
    expect(scoreInteraction(long).checks.address_by_surname.fraction).toBe(0)
    expect(scoreInteraction(chat(turns)).checks.address_by_surname.applicable).toBe(false)
  })

  it('checks every minute the agent speaks, not the average: all four in the first minute misses the second', () => {
    // Turns 10 s apart: minute 1 holds turns 0-5, minute 2 turns 6-12.
    const early: [Turn['role'], string][] = Array.from({ length: 13 }, (_, i) => [
      i === 3 ? 'customer' : 'agent',
      i < 5 ? '王先生您好' : '请稍等',
    ])
    const result = scoreInteraction(chat(early, { customer_name: '王伟' }))
    expect(result.checks.address_by_surname.fraction).toBe(0.5)
    expect(flagsOf(chat(early, { customer_name: '王伟' }), 'address_by_surname')[0].reason).toMatch(/minute 2: 0 of 2/)
    // A minute in which only the customer talks asks nothing of the agent (turns 6-11: minute 2 of 3).
    const quiet: [Turn['role'], string][] = Array.from({ length: 19 }, (_, i) => [
      i >= 6 && i < 12 ? 'customer' : 'agent',
      i % 6 < 2 && (i < 6 || i >= 12) ? '王先生您好' : '好的',
    ])
    expect(scoreInteraction(chat(quiet, { customer_name: '王伟' })).checks.address_by_surname.fraction).toBe(1)
  })
})

describe('blame and buck-passing', () => {
  it('flags 推诿 with the matched span (zh, en)', () => {
    const f = flagsOf(chat([['agent', '这不归我们管，你自己去问厂家']]), 'blame')
    expect(f.map((x) => x.text)).toEqual(['这不归我们管', '你自己去问厂家'])
    expect(f[0]).toMatchObject({ turn: 0, start: 0, end: 6, severity: 'high' })
    const en = flagsOf(
      chat([
        ['agent', "Sorry, that's not our department."],
        ['agent', 'You should have read the terms.'],
      ]),
      'blame',
    )
    expect(en.map((x) => x.text)).toEqual(["that's not our department", 'You should have'])
  })

  it('does not fire on near-misses', () => {
    expect(flagsOf(chat([['agent', '我们会帮您问一下']]), 'blame')).toEqual([])
    expect(flagsOf(chat([['agent', '这个问题不是我们的问题吗？我们会帮您问一下']]), 'blame')).toHaveLength(1)
    expect(flagsOf(chat([['agent', 'You should have received an email with the label.']]), 'blame')).toEqual([])
    expect(flagsOf(chat([['customer', '这不归你们管吗？不是你们的问题吗']]), 'blame')).toEqual([])
  })
})

describe('forbidden and sensitive words', () => {
  it('flags forbidden words and auto-fails the interaction', () => {
    const r = scoreInteraction(
      chat([
        ['agent', '您好'],
        ['agent', '你有病吧，滚'],
      ]),
    )
    expect(r.flags.filter((f) => f.check === 'forbidden_words').map((f) => f.text)).toEqual(['你有病', '滚'])
    expect(r.auto_failed).toBe(true)
    expect(r.score).toBe(0)
    expect(scoreInteraction(chat([['agent', 'Hello, that was a stupid question']])).score).toBe(0)
  })

  it('matches whole words only (滚动条, hello)', () => {
    expect(flagsOf(chat([['agent', '您好，请把滚动条拉到底']]), 'forbidden_words')).toEqual([])
    expect(flagsOf(chat([['agent', 'Hello, shell scripts are fine']]), 'forbidden_words')).toEqual([])
  })

  it('rates sensitive words low without failing', () => {
    const r = scoreInteraction(chat([['agent', '您好，我保证没问题']]))
    expect(r.flags.find((f) => f.check === 'forbidden_words')).toMatchObject({ severity: 'low', text: '保证没问题' })
    expect(r.auto_failed).toBe(false)
    expect(r.checks.forbidden_words.fraction).toBe(0.5)
  })
})

describe('sentiment', () => {
  it('gives per-turn sentiment in [-1,1] and the customer trajectory', () => {
    const r = scoreInteraction(
      chat([
        ['customer', '这是什么破服务，气死我了'],
        ['agent', '非常抱歉'],
        ['customer', '好的，谢谢你，解决了，非常满意'],
      ]),
    )
    expect(r.sentiment.customer.first!).toBeLessThan(-0.3)
    expect(r.sentiment.customer.last!).toBeGreaterThan(0.3)
    for (const s of r.sentiment.turns) expect(Math.abs(s!)).toBeLessThanOrEqual(1)
    expect(r.flags.filter((f) => f.check === 'sentiment')).toEqual([])
  })

  it('flags an angry customer who leaves angry (zh, en)', () => {
    const zh = chat([
      ['customer', '太差劲了，我要投诉'],
      ['agent', '您好'],
      ['customer', '还是不行，太离谱了，垃圾服务'],
    ])
    expect(flagsOf(zh, 'sentiment')[0]).toMatchObject({ severity: 'high', turn: 2 })
    const en = chat([
      ['customer', 'This is ridiculous, I have been waiting for an hour.'],
      ['agent', 'Hello'],
      ['customer', 'Still not working. Worst service ever, I am fed up.'],
    ])
    expect(flagsOf(en, 'sentiment')).toHaveLength(1)
    expect(scoreInteraction(en).nps_predicted).toBe('detractor')
  })
})

describe('NPS', () => {
  it('uses the survey when given and predicts otherwise', () => {
    const happy = chat([
      ['agent', 'Hello'],
      ['customer', 'Thank you so much, that fixed it!'],
    ])
    expect(scoreInteraction(happy).nps).toEqual({ score: null, class: 'promoter', source: 'predicted' })
    expect(scoreInteraction({ ...happy, survey: { nps: 6 } }).nps).toEqual({
      score: 6,
      class: 'detractor',
      source: 'survey',
    })
    expect(scoreInteraction({ ...happy, survey: { nps: 9 } }).nps.class).toBe('promoter')
    expect(scoreInteraction({ ...happy, survey: { nps: 7 } }).nps.class).toBe('passive')
    expect(scoreInteraction({ ...happy, survey: { csat: 3 } }).nps).toMatchObject({
      class: 'detractor',
      source: 'csat',
    })
    expect(scoreInteraction({ ...happy, survey: { nps: 2 } }).nps_predicted).toBe('promoter')
  })
})

describe('dead air', () => {
  it('only applies with audio stats, and flags long silences and too much silence', () => {
    const x = chat([
      ['agent', 'Hello'],
      ['customer', 'hi'],
      ['agent', 'one moment'],
    ])
    expect(scoreInteraction(x).checks.dead_air.applicable).toBe(false)
    const r = scoreInteraction({
      ...x,
      audio: { duration_ms: 60_000, silences: [{ start_ms: 21_000, end_ms: 36_000 }] },
    })
    expect(r.flags.filter((f) => f.check === 'dead_air').map((f) => [f.turn, f.reason])).toEqual([
      [2, 'silence of 15.0 s at 21.0 s'],
      [-1, 'silence is 25% of the call (limit 20%)'],
    ])
    expect(r.checks.dead_air.fraction).toBe(0)
  })
})
