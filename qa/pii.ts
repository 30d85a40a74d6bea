/**
 * PII redaction: the first step of the pipeline, so no check, model, log or store ever sees the raw values.
 * Matches are masked with '*' of the same length, so every offset (PII spans, flags, facts) is valid in
 * both the original and the redacted text. Identity and card numbers are only redacted when their check
 * digit verifies, which keeps order numbers, serials and error codes readable.
 */
import type { PiiKind, PiiSpan } from './types.js'

interface Detector {
  kind: PiiKind
  pattern: RegExp
  /** Extra verification of a match (checksums); absent = the pattern is enough. */
  verify?: (digits: string) => boolean
}

const NOT_DIGIT_BEFORE = '(?<![0-9A-Za-z])'
const NOT_DIGIT_AFTER = '(?![0-9A-Za-z])'

/** GB 11643: 17 digits weighted 2^(17-i) mod 11, check character from "10X98765432"; plus a plausible birth date. */
export function validCnId(id: string): boolean {
  const s = id.toUpperCase()
  if (!/^\d{17}[\dX]$/.test(s)) return false
  const month = Number(s.slice(10, 12))
  const day = Number(s.slice(12, 14))
  if (month < 1 || month > 12 || day < 1 || day > 31) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * (2 ** (17 - i) % 11)
  return '10X98765432'[sum % 11] === s[17]
}

/** Luhn (mod 10) over the digits, as every payment card number carries. */
export function luhnValid(digits: string): boolean {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

const onlyDigits = (s: string) => s.replace(/\D/g, '')

/** Order matters: on overlap the earlier detector wins (an ID number is not also a card). */
const DETECTORS: Detector[] = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  { kind: 'cn_id', pattern: new RegExp(`${NOT_DIGIT_BEFORE}\\d{17}[\\dXx]${NOT_DIGIT_AFTER}`, 'g'), verify: validCnId },
  {
    kind: 'bank_card',
    // 13-19 digits, optionally in groups of 4 separated by a space or dash.
    pattern: new RegExp(
      `${NOT_DIGIT_BEFORE}(?:\\d{4}[ -]){3}\\d{1,7}${NOT_DIGIT_AFTER}|${NOT_DIGIT_BEFORE}\\d{13,19}${NOT_DIGIT_AFTER}`,
      'g',
    ),
    verify: (s) => {
      const d = onlyDigits(s)
      return d.length >= 13 && d.length <= 19 && luhnValid(d)
    },
  },
  {
    kind: 'phone',
    pattern: new RegExp(
      [
        // Chinese mobile, optionally +86 / 0086, optionally split 3-4-4.
        `(?:(?:\\+|00)86[ -]?)?1[3-9]\\d(?:[ -]?\\d{4}){2}`,
        // Chinese landline: area code 0xx/0xxx (optionally in brackets) and a 7-8 digit number.
        `\\(?0\\d{2,3}\\)?[ -]?\\d{7,8}`,
        // International: +CC then 6-14 more digits in groups.
        `\\+\\d{1,3}(?:[ -]?\\(?\\d{1,4}\\)?){2,5}`,
        // North American: (977) 625-2661, 977-625-2661, 977.625.2661.
        `\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}`,
      ]
        .map((p) => `${NOT_DIGIT_BEFORE}${p}${NOT_DIGIT_AFTER}`)
        .join('|'),
      'g',
    ),
    verify: (s) => {
      const n = onlyDigits(s).length
      return n >= 7 && n <= 15
    },
  },
]

/**
 * Order numbers are business data the QA needs (facts, follow-ups), not personal data: a number right
 * after an order label is never taken for a card or phone number.
 */
const ORDER_LABEL = /(?:订单号?|单号|order(?:\s*(?:number|no\.?|id|#))?)\s*(?:是|为|:|：|#)?\s*$/i
const LABEL_LOOKBEHIND = 16

/** Finds the PII spans of one text, non-overlapping, in text order. */
export function findPii(text: string, turn = 0): PiiSpan[] {
  const spans: PiiSpan[] = []
  const taken = (start: number, end: number) => spans.some((s) => start < s.end && s.start < end)
  for (const d of DETECTORS) {
    for (const m of text.matchAll(d.pattern)) {
      const start = m.index
      const end = start + m[0].length
      if (taken(start, end)) continue
      if (d.verify && !d.verify(m[0])) continue
      if (d.kind !== 'email' && ORDER_LABEL.test(text.slice(Math.max(0, start - LABEL_LOOKBEHIND), start))) continue
      spans.push({ turn, start, end, kind: d.kind })
    }
  }
  return spans.sort((a, b) => a.start - b.start)
}

/** Masks the spans with '*' (same length: offsets stay valid). */
export function mask(text: string, spans: readonly PiiSpan[]): string {
  let out = text
  for (const s of spans) out = out.slice(0, s.start) + '*'.repeat(s.end - s.start) + out.slice(s.end)
  return out
}

export function redact(text: string, turn = 0): { text: string; spans: PiiSpan[] } {
  const spans = findPii(text, turn)
  return { text: spans.length ? mask(text, spans) : text, spans }
}
