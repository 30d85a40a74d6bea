/**
 * The built-in key-fact patterns: Windows stop codes and error codes, Lenovo product models, order numbers. Shared
 * by QA (facts of a finished interaction), OCR (facts of a screenshot), the live conversations and agent assist, so
 * every part finds the same facts in the same words. A pattern's first capture group, when it has one, is the value.
 */
import { normalise, numberKind } from '../pii/index.js'
import { forEachMatch } from '../../core/index.js'

export type FactKind = 'error_code' | 'product_model' | 'order_number'

/** A fact as the contracts carry it (OcrResult.facts, LiveFact without its source). */
export interface FactValue {
  kind: FactKind
  value: string
}

/** One match in a text, with its span (UTF-16 offsets). */
export interface FactMatch extends FactValue {
  start: number
  end: number
}

export const FACT_PATTERNS: Readonly<Record<FactKind, RegExp>> = {
  error_code: new RegExp(
    [
      // Hex stop/status codes: 0x0000007B, 0xC000021A.
      '\\b0x[0-9A-Fa-f]{4,8}\\b',
      // Symbolic stop codes: INACCESSIBLE_BOOT_DEVICE, IRQL_NOT_LESS_OR_EQUAL, CRITICAL_PROCESS_DIED.
      '\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){2,}\\b',
      // "error code 43", "错误代码：E-1001".
      '(?:错误代码|错误码|故障码|error code|code)\\s*[:：]?\\s*([A-Za-z]*-?\\d{2,8}[A-Za-z]?)\\b',
    ].join('|'),
    'g',
  ),
  product_model: new RegExp(
    '(?:Lenovo\\s+|联想\\s*)?(?:ThinkPad|ThinkBook|ThinkCentre|ThinkStation|ThinkVision|IdeaPad|IdeaCentre|Legion|Yoga|拯救者|小新|天逸|扬天|昭阳)' +
      // Then model words: X1, Carbon, Y9000P, Pro, 14, Gen 11, 14s… each separated by an optional space.
      '(?:\\s?(?:Gen\\s?\\d+|Carbon|Yoga|Nano|Extreme|Slim|Pro|Air|Plus|Ultra|[A-Z]{0,2}\\d{1,5}[A-Za-z]{0,2}|[A-Z](?=\\s|$)))+',
    'gu',
  ),
  // The value has a digit: "order number please" names no order. "is"/"was" may join label and value.
  order_number:
    /(?:订单号?|单号|order\s*(?:number|no\.?|id|#))\s*(?:是|为|:|：|#|is\b|was\b)?\s*((?=[A-Za-z-]*\d)[A-Za-z0-9-]{6,32})/giu,
}

export const FACT_KINDS = Object.keys(FACT_PATTERNS) as FactKind[]

/** An order number that is really a card, ID or mobile number (separators and full-width digits read through). */
const isPiiNumber = (value: string) =>
  numberKind(
    normalise(value)
      .text.replace(/[ ._-]/g, '')
      .toUpperCase(),
    true,
  ) !== undefined

/** The first capture group that took part in the match, else the whole match. */
function firstGroup(m: RegExpExecArray): string {
  for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return m[g]
  return m[0]
}

/**
 * The matches of one pattern (a built-in one or a tenant's) in a text, in order. A value that touches a masked
 * span (`*`), or an order number that verifies as PII by the redaction's rules, is never a fact.
 */
export function matchFacts(text: string, kind: FactKind, re: RegExp): FactMatch[] {
  const found: FactMatch[] = []
  forEachMatch(re, text, (m) => {
    const value = firstGroup(m).trim()
    const end = m.index + m[0].length
    if (!value || value.includes('*') || text[end] === '*') return
    if (kind === 'order_number' && isPiiNumber(value)) return
    found.push({ kind, value, start: m.index, end })
  })
  return found
}

/** The built-in facts of a text, deduplicated by kind and value (case-insensitive, first mention kept). */
export function factsInText(text: string): FactValue[] {
  const seen = new Set<string>()
  const facts: FactValue[] = []
  for (const kind of FACT_KINDS)
    for (const { value } of matchFacts(text, kind, FACT_PATTERNS[kind])) {
      const key = `${kind}\u0000${value.toLowerCase()}`
      if (seen.has(key)) continue
      seen.add(key)
      facts.push({ kind, value })
    }
  return facts
}
