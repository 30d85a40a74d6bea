/**
 * How scored results travel from a worker thread back to the pool. Decoding structured clones costs the pool's
 * thread (the one that also loads, stores and publishes) about 36 µs a result, most of it the turns it sent out
 * itself; JSON text without them costs it about 10 µs. Results are JSON-shaped anyway: they are published and
 * stored as JSON.
 */
import type { Interaction, QaResult, Turn } from './types.js'

/** A result as sent: each turn is null where redaction left it as the pool sent it. */
type WireResult = Omit<QaResult, 'turns'> & { turns: (Turn | null)[] }

/** The results of a batch as one JSON text, the turns redaction did not change left out. */
export function encodeResults(batch: readonly Interaction[], results: readonly QaResult[]): string {
  const wire: WireResult[] = results.map((r, k) => {
    const sent = batch[k].turns
    return { ...r, turns: r.turns.map((t, i) => (t.text === sent[i].text ? null : t)) }
  })
  return JSON.stringify(wire)
}

/** The results of encodeResults, each left-out turn taken back from the batch the pool sent. */
export function decodeResults(batch: readonly Interaction[], encoded: string): QaResult[] {
  const wire = JSON.parse(encoded) as WireResult[]
  return wire.map((r, k) => {
    const sent = batch[k].turns
    return { ...r, turns: r.turns.map((t, i) => t ?? sent[i]) }
  })
}
