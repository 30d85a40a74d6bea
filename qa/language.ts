/**
 * Language detection for zh/en contact-centre text: a script count, not a model, because the only
 * question is which of two very different scripts carries the words.
 */
export type Language = 'zh' | 'en' | 'mixed'

/** Han outside the BMP (CJK extensions B-H, ideographic marks): rare, so tested by the regex itself. */
const ASTRAL_HAN = /^\p{Script=Han}$/u

/** Whether a BMP code unit is Han: the ranges \p{Script=Han} matches below U+10000 (language.test.ts checks all). */
function isHanUnit(c: number): boolean {
  if (c >= 0x4e00) return c <= 0x9fff || (c >= 0xf900 && c <= 0xfad9 && (c <= 0xfa6d || c >= 0xfa70))
  if (c < 0x2e80) return false
  if (c >= 0x3400) return c <= 0x4dbf
  if (c < 0x3000) return c <= 0x2ef3 ? c !== 0x2e9a : c >= 0x2f00 && c <= 0x2fd5
  return c === 0x3005 || c === 0x3007 || (c >= 0x3021 && c <= 0x3029) || (c >= 0x3038 && c <= 0x303b)
}

const isLatinLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a

/**
 * Share of the text's words written in Han, in [0,1]; NaN when there are no words.
 * A Latin word (two or more letters A-Z in a row) counts as two Han characters, about the information one Chinese
 * word carries. One pass over the code units: every turn of every interaction comes through here.
 */
export function hanShare(text: string): number {
  let han = 0
  let latinWords = 0
  let letters = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isLatinLetter(c)) {
      if (++letters === 2) latinWords++
      continue
    }
    letters = 0
    if (c < 0x2e80) continue
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1)
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (ASTRAL_HAN.test(text.slice(i, i + 2))) han++
        i++
        continue
      }
    }
    if (isHanUnit(c)) han++
  }
  const latin = latinWords * 2
  return han + latin === 0 ? Number.NaN : han / (han + latin)
}

/** Above this share of Han the text is Chinese (a product name or two in a Chinese sentence stays zh). */
const ZH_FROM = 0.65
/** Below this share it is English. */
const EN_UNTIL = 0.15

export function languageOfShare(share: number): Language {
  if (Number.isNaN(share) || share <= EN_UNTIL) return 'en'
  return share >= ZH_FROM ? 'zh' : 'mixed'
}

export function detectLanguage(texts: readonly string[]): Language {
  return languageOfShare(hanShare(texts.join('\n')))
}
