import { describe, expect, it } from 'vitest'
import { forEachMatch } from './matches.js'

const all = (re: RegExp, text: string) => {
  const out: [number, string][] = []
  forEachMatch(re, text, (m) => out.push([m.index, m[0]]))
  return out
}

describe('forEachMatch', () => {
  it('visits what matchAll yields, minus empty matches, and can run twice on the shared pattern', () => {
    const re = /\d+/g
    expect(all(re, 'a1 b22 c333')).toEqual([
      [1, '1'],
      [4, '22'],
      [8, '333'],
    ])
    expect(all(re, 'x9')).toEqual([[1, '9']])
  })

  it('steps over empty matches by a code point with the u flag, so an astral character is never split', () => {
    expect(all(/x*/gu, '😀x😀xx')).toEqual([
      [2, 'x'],
      [5, 'xx'],
    ])
  })

  it('refuses a pattern without the g flag, which would loop forever', () => {
    expect(() => forEachMatch(/a/, 'a', () => {})).toThrow(/global regex/)
  })
})
