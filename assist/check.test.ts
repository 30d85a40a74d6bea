import { describe, expect, it } from 'vitest'
import { checkDraft, draftChecker } from './check.js'

const checker = draftChecker({ forbidden: ['滚', '闭嘴', 'idiot'], sensitive: ['百分之百', 'guarantee'] })
const check = (text: string) => checkDraft(text, checker)

describe('checkDraft', () => {
  it('passes a polite draft', () => {
    expect(check('您好，我帮您查一下这个问题。')).toEqual({ ok: true, spans: [], suggestion: null })
  })

  it('finds forbidden and sensitive words with their spans, and removes a forbidden word without a rewording', () => {
    const text = '闭嘴，我们百分之百能修好'
    const answer = check(text)
    expect(answer.ok).toBe(false)
    expect(answer.spans.map((s) => [s.word, s.kind, text.slice(s.start, s.end)])).toEqual([
      ['闭嘴', 'forbidden', '闭嘴'],
      ['百分之百', 'sensitive', '百分之百'],
    ])
    expect(answer.spans[1].reason).toContain('sensitive word')
    expect(answer.suggestion).toBe('，我们尽最大努力能修好')
  })

  it('rewords unhelpful phrasing, the longest phrase winning', () => {
    const a = check('这不是我们的问题，我不知道')
    expect(a.spans.map((s) => s.word)).toEqual(['这不是我们的问题', '我不知道'])
    expect(a.spans.every((s) => s.kind === 'sensitive' && s.reason.startsWith('unhelpful phrasing'))).toBe(true)
    expect(a.suggestion).toBe('我们一起看看怎么解决，我帮您查一下')
    expect(check('你听不懂吗？').suggestion).toBe('可能我没说清楚？')
    expect(check("Sorry, I don't know. I GUARANTEE it works").suggestion).toBe(
      'Sorry, let me check that for you. I expect it works',
    )
  })

  it('matches whole words only: 滚 is not in 滚动条, idiot is not in idiotic', () => {
    expect(check('请把滚动条拉到最下面').ok).toBe(true)
    expect(check('an idiotic bug').ok).toBe(true)
    expect(check('你给我滚').spans.map((s) => s.word)).toEqual(['滚'])
  })
})
