/**
 * Feature extraction shared by training and scoring, so the two can never drift apart.
 * Chinese: character 1-4-grams (robust to typos and slang) plus jieba words, word bigrams and negated words.
 * English: lower-cased word tokens.
 */
import { boundedMemo } from '../../core/index.js'
import { segment, type Token } from '../../kits/words/index.js'

/** Text that normalising leaves as it is (CJK unified ideographs only): most jieba words, skipped cheaply. */
const HAN_ONLY = /^[\u4e00-\u9fff]*$/
/** Characters outside the BMP take two UTF-16 units: only then must a chunk be split into code points. */
const SURROGATE = /[\ud800-\udfff]/

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

/** Distinct character n-grams (n = 1..maxN) of the text; whitespace separates but is not a character. */
export function charNgrams(text: string, maxN = 4): Set<string> {
  const out = new Set<string>()
  for (const chunk of normalize(text).split(/\s+/)) {
    // Slices of the chunk itself where every character is one UTF-16 unit (no string built piece by piece).
    const chars = SURROGATE.test(chunk) ? Array.from(chunk) : null
    const length = chars ? chars.length : chunk.length
    for (let i = 0; i < length; i++)
      for (let n = 1; n <= maxN && i + n <= length; n++)
        out.add(chars ? chars.slice(i, i + n).join('') : chunk.slice(i, i + n))
  }
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

/**
 * jieba word features of a Chinese text: `w:` word, `b:` two adjacent words, `n:` a word under a negator
 * (不/没/别/无/未… then the next word, skipping 太/很/是…). Prefixed so they never collide with character n-grams.
 */
export function zhWordFeatures(words: readonly string[], out = new Set<string>()): Set<string> {
  for (let i = 0; i < words.length; i++) {
    out.add('w:' + words[i])
    if (i + 1 < words.length) out.add('b:' + words[i] + '|' + words[i + 1])
    if (!ZH_NEGATORS.has(words[i])) continue
    let j = i + 1
    while (j < words.length && ZH_NEGATION_FILLERS.has(words[j])) j++
    if (j < words.length && j - i <= ZH_NEGATION_WINDOW) out.add('n:' + words[j])
  }
  return out
}

/**
 * All features the Chinese model reads: character 1-4-grams and jieba word features. `tokens`: the text's jieba
 * tokens when the caller has them already (segment(text)).
 */
export function zhFeatures(text: string, tokens?: readonly Token[]): Set<string> {
  return zhWordFeatures(zhWords(text, tokens), charNgrams(text))
}
