/**
 * Search terms of a text: jieba words for Chinese (so 蓝屏 matches 电脑蓝屏了 and 滚 does not match 滚动条), Latin words
 * and numbers lower-cased. jieba is loaded once per thread (qa/'s segmenter, ~0.3 s the first time).
 */
import { segment } from '../kits/words/index.js'

/** Particles and function words that match everything and rank nothing. */
const STOP = new Set(
  [
    '的 了 吗 呢 吧 啊 呀 哦 嗯 是 在 我 你 您 他 她 它 们 我们 你们 这 那 就 也 都 和 与 及 或 把 被 给 让 有 没 不',
    'a an the is are was were be to of in on at for and or but with my your our it this that i you we me do does',
  ]
    .join(' ')
    .split(' '),
)

/** Anything with a letter or a digit is a term; punctuation and spaces are not. */
const WORDLIKE = /[\p{L}\p{N}]/u

/** The text's search terms, in order, duplicates kept (BM25 counts them). */
export function searchTerms(text: string): string[] {
  const terms: string[] = []
  for (const { word } of segment(text)) {
    const term = word.toLowerCase()
    if (WORDLIKE.test(term) && !STOP.has(term)) terms.push(term)
  }
  return terms
}
