import { describe, expect, it } from 'vitest'
import { subjectMatches } from './streams.js'

describe('subjectMatches', () => {
  it('matches NATS wildcards: * one token, > one or more', () => {
    expect(subjectMatches('cx.>', 'cx.acme.wechat.chat.message')).toBe(true)
    expect(subjectMatches('cx.*.*.chat.ended', 'cx.acme.wechat.chat.ended')).toBe(true)
    expect(subjectMatches('cx.*.*.chat.ended', 'cx.acme.wechat.chat.message')).toBe(false)
    expect(subjectMatches('cx.acme.>', 'cx.beta.voice.voice.ended')).toBe(false)
    expect(subjectMatches('cx.>', 'cx')).toBe(false)
    expect(subjectMatches('cx.*', 'cx.acme.voice')).toBe(false)
    expect(subjectMatches('qa.result.acme', 'qa.result.acme')).toBe(true)
  })
})
