import { describe, expect, it } from 'vitest'
import { findAll } from './context.js'

/** What findAll replaced: matchAll without the empty matches. */
const viaMatchAll = (re: RegExp, text: string) =>
  Array.from(text.matchAll(re), (m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] })).filter(
    (m) => m.end > m.start,
  )

describe('findAll', () => {
  it('finds what matchAll finds, empty matches and astral characters included, and leaves lastIndex at 0', () => {
    const cases: [RegExp, string][] = [
      [/(?<![\p{L}\p{N}])sorry(?![\p{L}\p{N}])|(?:抱歉)/giu, 'Sorry, 很抱歉 — sorry! unsorry'],
      [/x*/gu, 'a𠀀x𠀀xxb'],
      [/x*/g, 'a𠀀x'],
      [/王(?:先生|女士)/g, '王先生，王女士，王总'],
    ]
    for (const [re, text] of cases) {
      re.lastIndex = 3
      const expected = viaMatchAll(new RegExp(re.source, re.flags), text)
      expect(findAll(re, text)).toEqual(expected)
      expect(re.lastIndex).toBe(0)
    }
  })

  it('refuses a regex without the g flag, as matchAll does', () => {
    expect(() => findAll(/a/, 'a')).toThrow(TypeError)
    expect(findAll(undefined, 'anything')).toEqual([])
  })
})
