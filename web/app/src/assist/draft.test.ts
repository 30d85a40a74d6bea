import { describe, expect, it } from 'vitest'
import { pieces, type Span } from './draft.js'

const span = (start: number, end: number, word: string): Span => ({
  start,
  end,
  word,
  kind: 'forbidden',
  reason: 'test',
})

describe('pieces', () => {
  it('cuts the draft at the spans, in order', () => {
    const draft = '你是不是傻，这不归我管'
    const got = pieces(draft, [span(7, 11, '不归我管'), span(2, 4, '不是')])
    expect(got.map((p) => [p.text, p.span?.word ?? null])).toEqual([
      ['你是', null],
      ['不是', '不是'],
      ['傻，这', null],
      ['不归我管', '不归我管'],
    ])
    expect(got.map((p) => p.text).join('')).toBe(draft)
  })

  it('trims overlaps, drops what lies past the end, and leaves a clean draft whole', () => {
    const got = pieces('abcdef', [span(1, 4, 'bcd'), span(2, 5, 'cde'), span(9, 12, 'x')])
    expect(got.map((p) => [p.text, p.span?.word ?? null])).toEqual([
      ['a', null],
      ['bcd', 'bcd'],
      ['e', 'cde'],
      ['f', null],
    ])
    expect(pieces('hello', [])).toEqual([{ text: 'hello' }])
  })
})
