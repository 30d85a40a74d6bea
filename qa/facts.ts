/**
 * Key facts for the review desk and search: error codes, product models and order numbers, taken from the
 * redacted turns. The built-in patterns (kits/facts: Windows stop codes, Lenovo's product lines) are shared with
 * OCR, live conversations and assist; a scorecard's `facts` section adds tenant-specific ones. A pattern's first
 * capture group, when it has one, is the value. A value that touches a masked span, or an order number that
 * verifies as PII by the redaction's rules after an order label (a card, ID or mobile number), is never a fact.
 */
import { FACT_KINDS, FACT_PATTERNS, matchFacts } from '../kits/facts/index.js'
import type { Scorecard } from './scorecard.js'
import type { Fact, Turn } from './types.js'

/** Facts of the turns, deduplicated by kind and value (first mention kept), in order of appearance. */
export function extractFacts(turns: readonly Turn[], card: Scorecard): Fact[] {
  const facts: Fact[] = []
  const seen = new Set<string>()
  // Per kind, the built-in pattern then the scorecard's: looked up once, not once per turn.
  const patterns = FACT_KINDS.flatMap((kind) =>
    [FACT_PATTERNS[kind], card.patterns.get(`facts.${kind}`)].flatMap((re) => (re ? [{ kind, re }] : [])),
  )
  turns.forEach((turn, i) => {
    for (const { kind, re } of patterns)
      for (const m of matchFacts(turn.text, kind, re)) {
        const key = `${kind}\u0000${m.value.toLowerCase()}`
        if (seen.has(key)) continue
        seen.add(key)
        // Field by field: in this V8, a spread followed by a new property builds a fresh hidden class every time.
        facts.push({ kind: m.kind, value: m.value, start: m.start, end: m.end, turn: i })
      }
  })
  return facts
}
