/**
 * Chinese word segmentation with jieba (dictionary loaded once per thread, ~0.3 s). Used so that word
 * lists match whole words: the forbidden 滚 must not fire inside 滚动条.
 */
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

export interface Token {
  word: string
  start: number
  end: number
}

let jieba: Jieba | undefined

/** Tokens with offsets (UTF-16, like String.prototype.slice). jieba returns every character, spaces included. */
export function segment(text: string): Token[] {
  jieba ??= Jieba.withDict(dict)
  const tokens: Token[] = []
  let at = 0
  for (const word of jieba.cut(text, true)) {
    const start = text.indexOf(word, at)
    if (start < 0) continue
    at = start + word.length
    if (word.trim()) tokens.push({ word, start, end: at })
  }
  return tokens
}

/** Start and end offsets of the tokens, for "does this span fall on word boundaries?" questions. */
export function boundaries(tokens: readonly Token[]): { starts: Set<number>; ends: Set<number> } {
  return { starts: new Set(tokens.map((t) => t.start)), ends: new Set(tokens.map((t) => t.end)) }
}
