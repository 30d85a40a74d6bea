/**
 * Feature extraction shared by training and scoring, so the two can never drift apart.
 * Chinese: character 1-3-grams (no segmentation needed, robust to typos and slang).
 * English: lower-cased word tokens.
 */

/** NFKC folds full-width letters, digits and punctuation (Ａ１！) onto their ASCII forms. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** Distinct character n-grams (n = 1..maxN) of the text; whitespace separates but is not a character. */
export function charNgrams(text: string, maxN = 3): Set<string> {
  const out = new Set<string>()
  for (const chunk of normalize(text).split(/\s+/)) {
    const chars = Array.from(chunk)
    for (let i = 0; i < chars.length; i++) {
      let gram = ''
      for (let n = 0; n < maxN && i + n < chars.length; n++) {
        gram += chars[i + n]
        out.add(gram)
      }
    }
  }
  return out
}

/** English word tokens, apostrophes kept inside words ("don't", "can't"). */
export function wordTokens(text: string): string[] {
  return normalize(text).match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []
}
