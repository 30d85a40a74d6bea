/**
 * Feature extraction shared by training and scoring, so the two can never drift apart.
 * Chinese: character 1-4-grams (robust to typos and slang) plus jieba words, word bigrams and negated words.
 * English: lower-cased word tokens.
 */
import { boundedMemo } from '../../core/index.js'
import { segment, type Token } from '../../kits/words/index.js'

/** Text that normalising leaves as it is (CJK unified ideographs only): most jieba words, skipped cheaply. */
const HAN_ONLY = /^[\u4e00-\u9fff]*$/

/**
 * NFKC folds full-width letters, digits and punctuation (Ａ１！) onto their ASCII forms; runs of the same
 * punctuation mark (！！！, 。。。) count as one, so emphasis does not invent n-grams seen once.
 */
export function normalize(text: string): string {
  if (HAN_ONLY.test(text)) return text
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/([!?.~,，。、…])\1+/g, '$1')
}

/** Whether a UTF-16 unit is whitespace as \s reads it (features.test.ts checks every BMP unit). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d)
  if (c < 0xa0) return false
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

/** Code point starts of the chunk being visited (scratch space of forEachCharNgram, grown as needed). */
let starts = new Int32Array(256)

/**
 * Visits every character n-gram (n = 1..maxN) of normalised text as its range [from, to) of UTF-16 units, in the
 * order charNgrams lists them (duplicates included). Whitespace separates chunks and is not a character; a surrogate
 * pair is one character.
 */
export function forEachCharNgram(norm: string, visit: (from: number, to: number) => void, maxN = 4): void {
  let chunk = 0
  for (let end = 0; end <= norm.length; end++) {
    if (end < norm.length && !isSpace(norm.charCodeAt(end))) continue
    if (end > chunk) {
      if (starts.length < end - chunk + 1) starts = new Int32Array(2 * (end - chunk + 1))
      let length = 0
      for (let i = chunk; i < end; i++) {
        starts[length++] = i
        const c = norm.charCodeAt(i)
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (norm.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++
      }
      starts[length] = end
      for (let i = 0; i < length; i++)
        for (let n = 1; n <= maxN && i + n <= length; n++) visit(starts[i], starts[i + n])
    }
    chunk = end + 1
  }
}

/** Distinct character n-grams (n = 1..maxN) of the text; whitespace separates but is not a character. */
export function charNgrams(text: string, maxN = 4): Set<string> {
  const out = new Set<string>()
  const norm = normalize(text)
  forEachCharNgram(norm, (from, to) => out.add(norm.slice(from, to)), maxN)
  return out
}

/** English word tokens, apostrophes kept inside words ("don't", "can't"). */
export function wordTokens(text: string): string[] {
  return normalize(text).match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []
}

/** Words that negate what follows: 不好 and 没有问题 must not read like 好 and 问题. */
const ZH_NEGATORS = new Set([
  '不',
  '没',
  '没有',
  '别',
  '无',
  '未',
  '不是',
  '不会',
  '不能',
  '不要',
  '不用',
  '并非',
  '毫无',
  '从未',
  '不太',
  '不够',
  '不怎么',
])
/** Degree and filler words skipped between a negator and the word it negates (不太好 → 好, 没有很满意 → 满意). */
const ZH_NEGATION_FILLERS = new Set([
  '太',
  '很',
  '是',
  '怎么',
  '那么',
  '够',
  '大',
  '算',
  '会',
  '能',
  '再',
  '要',
  '都',
  '也',
  '还',
  '的',
])
/** A negator reaches at most this many words ahead. */
const ZH_NEGATION_WINDOW = 3

/**
 * The words the Chinese model reads: jieba's tokens of the text as written, each normalised. Segmenting before
 * normalising lets the pipeline hand over the tokens its segment step already made, so a turn is cut once.
 */
export function zhWords(text: string, tokens: readonly Token[] = segment(text)): string[] {
  return tokens.map((t) => normalizeWord(t.word))
}

/**
 * normalize() of the jieba words that are not Han only (punctuation, Latin words, digits), remembered for 10,000 of
 * them (NFKC is the costly part; punctuation and product names recur, so a few thousand suffice).
 */
const normalizedWord = boundedMemo(10_000, normalize)

/** normalize() of one jieba word. */
const normalizeWord = (word: string) => (HAN_ONLY.test(word) ? word : normalizedWord(word))

/** The prefix of each kind of word feature, so they never collide with character n-grams. */
export type ZhWordFeatureKind = 'w:' | 'b:' | 'n:'

/**
 * Visits the jieba word features of a Chinese text in order: `w:` word i, `b:` words i and i+1 side by side, `n:`
 * word i under a negator (不/没/别/无/未… then the next word, skipping 太/很/是…).
 */
export function forEachZhWordFeature(
  words: readonly string[],
  visit: (kind: ZhWordFeatureKind, i: number) => void,
): void {
  for (let i = 0; i < words.length; i++) {
    visit('w:', i)
    if (i + 1 < words.length) visit('b:', i)
    if (!ZH_NEGATORS.has(words[i])) continue
    let j = i + 1
    while (j < words.length && ZH_NEGATION_FILLERS.has(words[j])) j++
    if (j < words.length && j - i <= ZH_NEGATION_WINDOW) visit('n:', j)
  }
}

/** The text of one word feature (forEachZhWordFeature's kind and index). */
export function zhWordFeature(words: readonly string[], kind: ZhWordFeatureKind, i: number): string {
  return kind === 'b:' ? 'b:' + words[i] + '|' + words[i + 1] : kind + words[i]
}

/** jieba word features of a Chinese text (forEachZhWordFeature), added to `out`. */
export function zhWordFeatures(words: readonly string[], out = new Set<string>()): Set<string> {
  forEachZhWordFeature(words, (kind, i) => out.add(zhWordFeature(words, kind, i)))
  return out
}

/**
 * All features the Chinese model reads: character 1-4-grams and jieba word features. `tokens`: the text's jieba
 * tokens when the caller has them already (segment(text)).
 */
export function zhFeatures(text: string, tokens?: readonly Token[]): Set<string> {
  return zhWordFeatures(zhWords(text, tokens), charNgrams(text))
}
