/**
 * PII detection and redaction, pure and shared: the QA pipeline's first step (qa/), and ingest's per-tenant
 * redaction of event text before publishing (ingest/redaction.ts).
 *
 * Detection runs on a normalised copy of the text (`normalise`): NFKC (full-width digits, letters and punctuation
 * become ASCII), digits of other scripts become ASCII digits, invisible characters (zero-width spaces and joiners,
 * bidi marks, BOM, soft hyphen, combining marks, variation selectors, Hangul fillers) are dropped, and the dashes
 * and dots people put between digits become `-` and `.`. Every character of the copy remembers the span of the
 * original it came from, so a match is mapped back and the ORIGINAL span is masked with '*' of the same length:
 * every offset (PII spans, flags, facts) is valid in both the original and the redacted text, and an invisible
 * character inside a number is masked with it.
 *
 * Numbers are read as digit chains (digits joined by up to three spaces, dots, dashes or underscores, so
 * `138 1234 5678`, `138.1234.5678`, `1 3 8 …` and `110105 19491231 002X` are one chain); any run of whole groups
 * of a chain that verifies is PII: an 18-character resident ID number (GB 11643 check digit, plausible birth
 * date), a Chinese mobile (`1[3-9]` + 9 digits, optionally after 86/0086), a bank card (13-19 digits, Luhn).
 * Checksums keep order numbers, serials, dates, amounts and error codes readable. A number right after an order
 * label (订单号, order number) is masked only when it verifies under stricter rules (`ORDER_LABEL`), never
 * exempted by the label alone.
 */
import { boundedMemo, forEachMatch } from '../../core/index.js'

/** What a span holds. */
export type PiiKind = 'phone' | 'cn_id' | 'bank_card' | 'email'

/** A redacted span; offsets index both the original and the redacted text (masking keeps the length). */
export interface PiiSpan {
  /** The turn (or field) the span is in, as the caller numbered it. */
  turn: number
  start: number
  end: number
  kind: PiiKind
}

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

// ---------------------------------------------------------------------------------------------------------------
// Normalisation with an index map back to the original

/** A text as detection reads it, and where each of its UTF-16 units came from in the original. */
export interface Normalised {
  text: string
  /** Original start of each unit of `text`; null when `text` is the original (identity map). */
  starts: number[] | null
  /** Original end (exclusive) of each unit of `text`; null with `starts`. */
  ends: number[] | null
}

/** Invisible in print: format characters, combining and enclosing marks (keycaps, variation selectors), fillers. */
const INVISIBLE = /^[\p{Cf}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0\u2800]$/u
/** Dashes and dots that NFKC leaves alone, as the separators they are between digits. */
const DASHES = /[\u2010-\u2015\u2043\u2212\u2E3A\u2E3B\u30FC\uFE58]/g
const DOTS = /[\u00B7\u2022\u2027\u2219\u22C5\u30FB\u2024]/g
const ND = /^\p{Nd}$/u
/** A folded character matters to detection when it holds something a detector reads. */
const RELEVANT = /[0-9A-Za-z+@().#_ -]/

const isNd = (cp: number) => ND.test(String.fromCodePoint(cp))

/**
 * The ASCII digit of a decimal digit of any script: Unicode encodes every decimal digit set as ten contiguous code
 * points from 0 to 9 (a stability guarantee), and adjacent sets each start at a zero.
 */
function digitOf(cp: number): string {
  let first = cp
  while (first - 1 >= 0 && cp - first < 100 && isNd(first - 1)) first--
  return String((cp - first) % 10)
}

/**
 * What one code point becomes for detection: '' (invisible), its fold, or null when nothing relevant changes.
 * Remembered for 65,536 code points (a text may hold any).
 */
const fold = boundedMemo(65_536, (cp: number): string | null => {
  const ch = String.fromCodePoint(cp)
  if (INVISIBLE.test(ch)) return ''
  const n = ch
    .normalize('NFKC')
    .replace(DASHES, '-')
    .replace(DOTS, '.')
    .replace(/[^\p{ASCII}]/gu, (c) => (ND.test(c) ? digitOf(c.codePointAt(0)!) : /^\s$/.test(c) ? ' ' : c))
  return n !== ch && RELEVANT.test(n) ? n : null
})

/**
 * The text detection reads. ASCII, CJK ideographs and Hangul syllables pass as they are; a text in which nothing
 * changes comes back as itself with no map (the common case), otherwise with the original span of every unit.
 */
export function normalise(text: string): Normalised {
  let out = ''
  let starts: number[] | null = null
  let ends: number[] | null = null
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i)
    if (c < 0x80 || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7a3)) {
      if (starts) {
        out += text[i]
        starts.push(i)
        ends!.push(i + 1)
      }
      i++
      continue
    }
    const cp = text.codePointAt(i)!
    const width = cp > 0xffff ? 2 : 1
    const change = fold(cp)
    if (!starts) {
      if (change === null) {
        i += width
        continue
      }
      // The first change: everything before it maps to itself.
      out = text.slice(0, i)
      starts = Array.from({ length: i }, (_, k) => k)
      ends = Array.from({ length: i }, (_, k) => k + 1)
    }
    const folded = change ?? text.slice(i, i + width)
    out += folded
    for (let k = 0; k < folded.length; k++) {
      starts.push(i)
      ends!.push(i + width)
    }
    i += width
  }
  return starts ? { text: out, starts, ends } : { text, starts: null, ends: null }
}

// ---------------------------------------------------------------------------------------------------------------
// Detection on the normalised text

const NOT_DIGIT_BEFORE = '(?<![0-9A-Za-z])'
const NOT_DIGIT_AFTER = '(?![0-9A-Za-z])'
const WORD = /[0-9A-Za-z]/

/**
 * Digits joined by up to three separators (space, dot, dash, underscore, an ideographic full stop: not folded to a
 * dot, so that ordinary Chinese sentences keep the fast path), an ID's check letter last.
 */
const CHAIN = /(?<![0-9A-Za-z])\d(?:[ ._\-。｡]{0,3}\d)*(?:[ ._\-。｡]{0,3}[Xx](?![0-9A-Za-z]))?/g
const MAX_DIGITS = 19

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g

/** Phone shapes a chain does not verify (no checksum): kept after an order label, as before. */
const PHONE = new RegExp(
  [
    // Chinese mobile, optionally +86 / 0086, optionally split 3-4-4.
    `(?:(?:\\+|00)86[ .-]?)?1[3-9]\\d(?:[ .-]?\\d{4}){2}`,
    // Chinese landline: area code 0xx/0xxx (optionally in brackets) and a 7-8 digit number.
    `\\(?0\\d{2,3}\\)?[ .-]?\\d{7,8}`,
    // International: +CC then 6-14 more digits in groups.
    `\\+\\d{1,3}(?:[ .-]?\\(?\\d{1,4}\\)?){2,5}`,
    // North American: (977) 625-2661, 977-625-2661, 977.625.2661.
    `\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}`,
  ]
    .map((p) => `${NOT_DIGIT_BEFORE}${p}${NOT_DIGIT_AFTER}`)
    .join('|'),
  'g',
)

/**
 * Order numbers are business data the QA needs (facts, follow-ups), not personal data. A number right after an
 * order label is still masked when it verifies as PII under stricter rules than elsewhere: a resident ID number
 * also needs a province code (1-8) and a birth year 1900-2099, a card also an issuer's first digit (2-6: Mastercard
 * 2-series, Amex/JCB, Visa, Mastercard, UnionPay/Discover), a mobile an allocated prefix (13x, 145-149, 15x but
 * 154, 162/165-167, 170-178, 18x, 19x but 194). The label alone exempts only the checksum-less phone shapes.
 */
const ORDER_LABEL = /(?:订单号?|单号|order(?:\s*(?:number|no\.?|id|#))?)\s*(?:是|为|:|：|#)?\s*$/i
const LABEL_LOOKBEHIND = 16
const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/
const MOBILE_ALLOCATED = /^(?:0086|86)?1(?:3\d|4[5-9]|5[0-35-9]|6[25-7]|7[0-8]|8\d|9[0-35-9])\d{8}$/

/** What a digit string (an ID number may end in X) verifies as, or undefined. `labelled`: after an order label. */
export function numberKind(digits: string, labelled = false): PiiKind | undefined {
  if (digits.length === 18 && validCnId(digits)) {
    if (!labelled || (/^[1-8]/.test(digits) && /^(?:19|20)$/.test(digits.slice(6, 8)))) return 'cn_id'
  }
  if (!/^\d+$/.test(digits)) return undefined
  if ((labelled ? MOBILE_ALLOCATED : MOBILE).test(digits)) return 'phone'
  if (digits.length >= 13 && digits.length <= MAX_DIGITS && luhnValid(digits)) {
    if (!labelled || /^[2-6]/.test(digits)) return 'bank_card'
  }
  return undefined
}

interface Found {
  start: number
  end: number
  kind: PiiKind
}

interface Group {
  digits: string
  start: number
  end: number
}

/** The digit groups of one chain, `at` its offset in the text; a lone check letter joins the group before it. */
function groupsOf(chain: string, at: number): Group[] {
  const groups: Group[] = []
  let i = 0
  while (i < chain.length) {
    const c = chain.charCodeAt(i)
    const isDigit = c >= 48 && c <= 57
    if (!isDigit && c !== 88 && c !== 120) {
      i++
      continue
    }
    let j = i
    while (j < chain.length && /[0-9Xx]/.test(chain[j])) j++
    const digits = chain.slice(i, j).toUpperCase()
    if (!isDigit && groups.length) {
      const last = groups[groups.length - 1]
      last.digits += digits
      last.end = at + j
    } else groups.push({ digits, start: at + i, end: at + j })
    i = j
  }
  return groups
}

/**
 * The PII in one chain: from each group on, the runs of whole groups up to 19 digits are tried, and the first
 * group's best run taken (an ID number before a mobile before the longest card); then on after it.
 */
function chainPii(text: string, groups: Group[], out: Found[]): void {
  let a = 0
  while (a < groups.length) {
    const label = text.slice(Math.max(0, groups[a].start - LABEL_LOOKBEHIND), groups[a].start)
    const labelled = ORDER_LABEL.test(label)
    let id = -1
    let phone = -1
    let card = -1
    let digits = ''
    for (let b = a; b < groups.length; b++) {
      digits += groups[b].digits
      if (digits.length > MAX_DIGITS) break
      const kind = numberKind(digits, labelled)
      if (kind === 'cn_id') id = b
      else if (kind === 'phone' && phone < 0) phone = b
      else if (kind === 'bank_card') card = b
    }
    const b = id >= 0 ? id : phone >= 0 ? phone : card
    if (b < 0) {
      a++
      continue
    }
    const kind: PiiKind = b === id ? 'cn_id' : b === phone ? 'phone' : 'bank_card'
    let start = groups[a].start
    // +86 138…: the plus belongs to the number.
    if (kind === 'phone' && text[start - 1] === '+' && groups[a].digits.startsWith('86')) start--
    out.push({ start, end: groups[b].end, kind })
    a = b + 1
  }
}

/** The PII of a normalised text, in its offsets, non-overlapping, in text order. */
function detect(text: string): Found[] {
  const found: Found[] = []
  const taken = (start: number, end: number) => found.some((s) => start < s.end && s.start < end)
  forEachMatch(EMAIL, text, (m) => found.push({ start: m.index, end: m.index + m[0].length, kind: 'email' }))
  const numbers: Found[] = []
  forEachMatch(CHAIN, text, (m) => {
    const groups = groupsOf(m[0], m.index)
    // A last group run into a word (2pm, 0x7B) is part of that word.
    if (WORD.test(text[m.index + m[0].length] ?? '')) groups.pop()
    chainPii(text, groups, numbers)
  })
  for (const f of numbers) if (!taken(f.start, f.end)) found.push(f)
  forEachMatch(PHONE, text, (m) => {
    const start = m.index
    const end = start + m[0].length
    if (taken(start, end)) return
    const digits = m[0].replace(/\D/g, '').length
    if (digits < 7 || digits > 15) return
    if (ORDER_LABEL.test(text.slice(Math.max(0, start - LABEL_LOOKBEHIND), start))) return
    found.push({ start, end, kind: 'phone' })
  })
  return found.sort((x, y) => x.start - y.start)
}

/** Texts that cannot hold PII: no digit of any script (full-width, circled, superscript…) and no at sign. */
const MAYBE_PII = /[\p{Nd}\p{No}@\uFE6B\uFF20]/u

/** Finds the PII spans of one text, in ORIGINAL offsets, non-overlapping, in text order. */
export function findPii(text: string, turn = 0): PiiSpan[] {
  if (!MAYBE_PII.test(text)) return []
  const n = normalise(text)
  const spans: PiiSpan[] = []
  for (const f of detect(n.text)) {
    let start = n.starts ? n.starts[f.start] : f.start
    const end = n.ends ? n.ends[f.end - 1] : f.end
    // One original character folded into several (⑩ → 10) can end one match and start the next.
    const last = spans[spans.length - 1]
    if (last && start < last.end) start = last.end
    if (start < end) spans.push({ turn, start, end, kind: f.kind })
  }
  return spans
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
