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

/**
 * segment() of each text, cut in one call into jieba (a chat's turns): each call into the native module costs about
 * as much as cutting a short turn. The texts are joined by line breaks, which jieba never puts inside a word (it cuts
 * runs of Han, letters and digits on their own), so every text gets the tokens it would get alone; should a token
 * ever span two texts, each is cut on its own instead.
 */
export function segmentEach(texts: readonly string[]): Token[][] {
  if (texts.length < 2) return texts.map(segment)
  jieba ??= Jieba.withDict(dict)
  const joined = texts.join('\n')
  const out: Token[][] = texts.map(() => [])
  let index = 0
  let from = 0
  let at = 0
  for (const word of jieba.cut(joined, true)) {
    const start = joined.indexOf(word, at)
    if (start < 0) continue
    at = start + word.length
    if (!word.trim()) continue
    while (start >= from + texts[index].length + 1) from += texts[index++].length + 1
    if (at > from + texts[index].length) return texts.map(segment)
    out[index].push({ word, start: start - from, end: at - from })
  }
  return out
}

/** Start and end offsets of the tokens, for "does this span fall on word boundaries?" questions. */
export function boundaries(tokens: readonly Token[]): { starts: Set<number>; ends: Set<number> } {
  return { starts: new Set(tokens.map((t) => t.start)), ends: new Set(tokens.map((t) => t.end)) }
}
