import { describe, expect, it } from 'vitest'
import { detectLanguage, hanShare } from './language.js'

/** The definition hanShare's loop must keep to: two regexes. */
function hanShareByRegex(text: string): number {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0
  const latin = (text.match(/[A-Za-z]{2,}/g)?.length ?? 0) * 2
  return han + latin === 0 ? Number.NaN : han / (han + latin)
}

describe('hanShare', () => {
  it('counts Han as \\p{Script=Han} does, for every BMP code unit', () => {
    const misses: string[] = []
    for (let c = 0; c < 0x10000; c++) {
      const unit = String.fromCharCode(c)
      // A Han character beside an English word, so a wrong answer moves the share either way.
      const text = `ab ${unit}`
      if (!Object.is(hanShare(text), hanShareByRegex(text))) misses.push(c.toString(16))
    }
    expect(misses).toEqual([])
  })

  it('reads surrogate pairs as one code point, and lone surrogates as none', () => {
    for (const text of ['𠀀𪜀 ok', '𝒜𝒷 word', '\ud840 中', '中\udc00', '\ud840\ud840\udc00', '𠀀'])
      expect(hanShare(text)).toEqual(hanShareByRegex(text))
  })

  it('counts each run of two or more Latin letters as one word', () => {
    for (const text of ['a b c', 'ThinkPad X1 Carbon', 'Y9000P开不了机', 'é and ö', 'AbC_dE', '', '123 456', 'x中y'])
      expect(hanShare(text)).toEqual(hanShareByRegex(text))
    expect(hanShare('你好 hello')).toBe(0.5)
  })

  it('agrees with the regexes on random mixtures of scripts, digits, punctuation and spaces', () => {
    const alphabet = [...'aZbY 中文，。！？12_-\u3000\u3005\u2e9a\u2e9b\uf900\ufa6e', '𠀀', '\ud800', '\udfff']
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length
    for (let k = 0; k < 2000; k++) {
      const text = Array.from({ length: 1 + (k % 23) }, next)
        .map((i) => alphabet[i])
        .join('')
      expect(hanShare(text)).toEqual(hanShareByRegex(text))
    }
  })

  it('tells the languages apart', () => {
    expect(detectLanguage(['您好，请问有什么可以帮您？'])).toBe('zh')
    expect(detectLanguage(['How can I help you today?'])).toBe('en')
    expect(detectLanguage(['我的ThinkPad X1 Carbon坏了'])).toBe('mixed')
  })
})
