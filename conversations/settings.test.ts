import { describe, expect, it } from 'vitest'
import { loadConfig } from '../core/index.js'
import { conversationsSettings, liveWordMatcher } from './settings.js'

describe('conversations settings', () => {
  it('has defaults, in ms', () => {
    expect(conversationsSettings(loadConfig({}))).toEqual({
      replyLimitMs: 60_000,
      silenceMs: 180_000,
      incidentMinConversations: 5,
      incidentWindowMs: 600_000,
      incidentRules: [],
    })
  })
  it('refuses bad values naming the variable', () => {
    expect(() => loadConfig({ MOFANG_LIVE_REPLY_LIMIT_SECONDS: '2' })).toThrow(/MOFANG_LIVE_REPLY_LIMIT_SECONDS/)
    expect(() => loadConfig({ MOFANG_INCIDENT_MIN_CONVERSATIONS: '1' })).toThrow(/MOFANG_INCIDENT_MIN_CONVERSATIONS/)
    expect(() => loadConfig({ MOFANG_INCIDENT_WINDOW_MINUTES: 'ten' })).toThrow(/MOFANG_INCIDENT_WINDOW_MINUTES/)
    expect(() => conversationsSettings(loadConfig({ MOFANG_INCIDENT_RULES: 'no colon here' }))).toThrow(
      /MOFANG_INCIDENT_RULES: expected name/,
    )
  })
  it('parses incident rules', () => {
    const rules = conversationsSettings(loadConfig({ MOFANG_INCIDENT_RULES: 'login: 无法登录|登录不了' })).incidentRules
    expect(rules.map((r) => [r.name, r.words])).toEqual([['login', ['无法登录', '登录不了']]])
  })
})

describe('live word lists', () => {
  it("watch the QA scorecards' forbidden and sensitive words, Chinese and English, and escalation words", () => {
    const kinds = (text: string) =>
      liveWordMatcher()
        .find(text)
        .map((h) => [h.word, h.kind])
    expect(kinds('你给我闭嘴')).toEqual([['闭嘴', 'forbidden']])
    expect(kinds('I guarantee it, you idiot')).toEqual([
      ['guarantee', 'sensitive'],
      ['idiot', 'forbidden'],
    ])
    expect(kinds('我要投诉')).toEqual([['投诉', 'escalation']])
  })
})
