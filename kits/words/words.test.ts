import { describe, expect, it } from 'vitest'
import { compileWords, ESCALATION_WORDS, segment, segmentEach, wordMatcher } from './index.js'

const matcher = wordMatcher({
  forbidden: ['滚', '闭嘴', 'shut up', 'damn'],
  sensitive: ['保证没问题', 'guarantee', '/100% ?sure/'],
  escalation: ESCALATION_WORDS,
})

describe('word matcher', () => {
  it('finds each list with its kind and span, in order', () => {
    const text = '你给我闭嘴，我保证没问题，不然我投诉'
    expect(matcher.find(text)).toEqual([
      { start: 3, end: 5, word: '闭嘴', kind: 'forbidden' },
      { start: 7, end: 12, word: '保证没问题', kind: 'sensitive' },
      { start: 16, end: 18, word: '投诉', kind: 'escalation' },
    ])
  })
  it('matches Latin words case-insensitively on word boundaries only', () => {
    expect(matcher.find('Shut up! DAMN.').map((h) => h.word)).toEqual(['Shut up', 'DAMN'])
    expect(matcher.find('damnation, I guaranteed it')).toEqual([])
    expect(matcher.find('I am 100% sure').map((h) => h.kind)).toEqual(['sensitive'])
  })
  it('matches Han words on jieba word boundaries: 滚 but not 滚动条', () => {
    expect(matcher.find('你滚').map((h) => h.word)).toEqual(['滚'])
    expect(matcher.find('请拖动滚动条到底部')).toEqual([])
  })
  it('builds nothing for an empty list and throws on a bad regex entry', () => {
    expect(compileWords([])).toBeUndefined()
    expect(wordMatcher({ forbidden: [] }).find('anything')).toEqual([])
    expect(() => compileWords(['/(/'])).toThrow()
  })
})

describe('segmentEach', () => {
  it('gives every text the tokens segment gives it alone', () => {
    const texts = [
      '您好，很高兴为您服务',
      '我的ThinkPad X1 Carbon一直蓝屏，错误代码0x0000007B',
      'line one\n第二行 滚动条',
      '',
      '  好的 ',
      '生僻字𠀀和表情😡也要对齐',
      '王先生\r',
      '\n请拖动滚动条',
    ]
    expect(segmentEach(texts)).toEqual(texts.map(segment))
    expect(segmentEach(['你滚'])).toEqual([segment('你滚')])
    expect(segmentEach([])).toEqual([])
  })
})
