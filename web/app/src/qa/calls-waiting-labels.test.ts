import { describe, expect, it } from 'vitest'
import { callsWaitingLabels } from './calls-waiting-labels.js'

describe('the desk notice for calls waiting for a Whisper model', () => {
  it('counts the calls and names the command, in Chinese and English', () => {
    const zh = callsWaitingLabels('zh')
    const en = callsWaitingLabels('en')
    expect(zh.waiting(3)).toBe('3 通电话在等待 Whisper 语音识别模型，尚未转写，也未质检。')
    expect(en.waiting(1)).toBe('1 call waits for a Whisper model: not transcribed, so not scored.')
    expect(en.waiting(2)).toMatch(/^2 calls wait /)
    for (const L of [zh, en]) expect(L.howTo).toContain('mofang models pull tiny')
  })
})
