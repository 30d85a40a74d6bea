import { describe, expect, it } from 'vitest'
import { ESCALATION_WORDS, wordMatcher } from '../kits/words/index.js'
import {
  burstSignal,
  escalationSignals,
  messageScore,
  MOOD_DEFAULTS,
  shoutingSignal,
  smoothingWeight,
  smoothMood,
  waitingMood,
  waitingSignal,
  waitPenalty,
} from './mood.js'

const escalation = wordMatcher({ escalation: ESCALATION_WORDS })

describe('shouting', () => {
  it('hears repeated punctuation, half- and full-width, and !? mixed', () => {
    for (const text of ['你们怎么回事！！！', 'why???', 'what?!', '到底好了没？？？', 'seriously!!!'])
      expect(shoutingSignal(text)?.name, text).toBe('punctuation')
  })
  it('hears a Latin message in capitals', () => {
    expect(shoutingSignal('THIS IS UNACCEPTABLE')).toEqual({ name: 'capitals', delta: -MOOD_DEFAULTS.shoutingPenalty })
  })
  it('leaves ordinary punctuation, one capital word and Chinese alone', () => {
    for (const text of ['好的！', 'Really? OK.', 'My VPN is down', 'ThinkPad X1', '谢谢。', 'E-1001 again?'])
      expect(shoutingSignal(text), text).toBeNull()
  })
})

describe('escalation', () => {
  it('finds 投诉, 差评, 要求退款, 找你们领导, manager, complaint and refund', () => {
    const cases: [string, string][] = [
      ['我要投诉你们', 'escalation:投诉'],
      ['再不解决就给差评', 'escalation:差评'],
      ['我要求退款', 'escalation:退款'],
      ['找你们领导来', 'escalation:找你们领导'],
      ['Let me speak to your Manager', 'escalation:manager'],
      ['I want to file a complaint', 'escalation:complaint'],
      ['just refund me', 'escalation:refund'],
    ]
    for (const [text, name] of cases)
      expect(
        escalationSignals(escalation.find(text)).map((s) => s.name),
        text,
      ).toEqual([name])
  })
  it('counts two words at most, each once', () => {
    const signals = escalationSignals(escalation.find('投诉！投诉！差评！退款！'))
    expect(signals.map((s) => s.name)).toEqual(['escalation:投诉', 'escalation:差评'])
    expect(signals.every((s) => s.delta === -MOOD_DEFAULTS.escalationPenalty)).toBe(true)
  })
  it('ignores words inside longer ones', () => {
    expect(escalationSignals(escalation.find('my managerial skills'))).toEqual([])
    expect(escalationSignals(escalation.find('已经退款成功了吗？不，是总经理办公室'))).toHaveLength(1)
  })
})

describe('waiting', () => {
  it('costs nothing within the grace, then grows per minute up to the cap', () => {
    expect(waitPenalty(MOOD_DEFAULTS.graceMs)).toBe(0)
    expect(waitingSignal(10_000)).toBeNull()
    expect(waitPenalty(MOOD_DEFAULTS.graceMs + 60_000)).toBeCloseTo(MOOD_DEFAULTS.perMinuteWaited)
    expect(waitPenalty(60 * 60_000)).toBe(MOOD_DEFAULTS.maxWaitPenalty)
    expect(waitingSignal(90_000)).toEqual({ name: 'waited_90s', delta: -0.15 })
  })
  it('lowers the mood from where the wait began, never raises it', () => {
    expect(waitingMood(0.2, 0)).toBe(0.2)
    expect(waitingMood(0.2, 90_000)).toBeCloseTo(0.05)
    expect(waitingMood(-0.9, 60 * 60_000)).toBe(-1)
  })
})

describe('bursts', () => {
  it('needs three unanswered messages within 30 s', () => {
    expect(burstSignal([0, 5_000])).toBeNull()
    expect(burstSignal([0, 5_000, 9_000])?.name).toBe('burst')
    expect(burstSignal([0, 20_000, 40_000])).toBeNull()
    expect(burstSignal([0, 20_000, 40_000, 45_000])?.name).toBe('burst')
  })
})

describe('smoothing', () => {
  it('lets the first message set the mood and halves a message weight every half-life', () => {
    expect(smoothMood(null, -0.6)).toBe(-0.6)
    const w = smoothingWeight({ halfLifeMessages: 1 })
    expect(w).toBe(0.5)
    expect(smoothMood(0, -1, { halfLifeMessages: 1 })).toBe(-0.5)
    // After two half-lives of the same score, three quarters of the way there.
    expect(smoothMood(smoothMood(0, -1, { halfLifeMessages: 1 }), -1, { halfLifeMessages: 1 })).toBe(-0.75)
  })
  it('pulls a calm conversation below -0.35 after a few angry lines, and back up after calm ones', () => {
    let mood: number | null = 0.3
    for (let i = 0; i < 3; i++) mood = smoothMood(mood, -0.8)
    expect(mood).toBeLessThan(-0.35)
    for (let i = 0; i < 4; i++) mood = smoothMood(mood, 0.5)
    expect(mood).toBeGreaterThan(0)
  })
  it('scores a message as its sentiment moved by the signals, within [-1, 1]', () => {
    expect(messageScore(0.1, [{ name: 'burst', delta: -0.2 }])).toBeCloseTo(-0.1)
    expect(
      messageScore(-0.9, [
        { name: 'escalation:投诉', delta: -0.35 },
        { name: 'punctuation', delta: -0.2 },
      ]),
    ).toBe(-1)
  })
})
