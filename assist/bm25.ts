/**
 * BM25 over several weighted fields (BM25F's simple form: a term's frequency and the document's length are the sums
 * of each field's, times the field's weight), with posting lists per term, so an article is added, replaced or
 * removed at any time and a query costs the length of its terms' posting lists. Documents live in numbered slots and
 * a query adds up into one array, so a common term (蓝屏 in thousands of articles) costs no allocation per document.
 * minisearch was tried first: it builds a result object for every matching document, ~35 ms a query at 10,000
 * articles.
 */

/** The usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2
const B = 0.75

export interface Bm25Options<Doc> {
  /** Each field's weight (title 3 …) and how to read its terms from a document. */
  fields: readonly { weight: number; terms(doc: Doc): readonly string[] }[]
}

export class Bm25<Doc> {
  /** term → slot → weighted frequency. */
  private readonly postings = new Map<string, Map<number, number>>()
  private readonly slotOf = new Map<string, number>()
  /** slot → id ('' when free), weighted length, distinct terms. */
  private readonly ids: string[] = []
  private readonly lengths: number[] = []
  private readonly termsOf: (readonly string[])[] = []
  private readonly free: number[] = []
  private totalLength = 0

  constructor(private readonly opts: Bm25Options<Doc>) {}

  get size(): number {
    return this.slotOf.size
  }

  /** Adds the document, or replaces the one with this id. */
  put(id: string, doc: Doc): void {
    this.remove(id)
    const tf = new Map<string, number>()
    let length = 0
    for (const field of this.opts.fields)
      for (const term of field.terms(doc)) {
        tf.set(term, (tf.get(term) ?? 0) + field.weight)
        length += field.weight
      }
    const slot = this.free.pop() ?? this.ids.length
    for (const [term, f] of tf) {
      let list = this.postings.get(term)
      if (!list) this.postings.set(term, (list = new Map()))
      list.set(slot, f)
    }
    this.slotOf.set(id, slot)
    this.ids[slot] = id
    this.lengths[slot] = length
    this.termsOf[slot] = [...tf.keys()]
    this.totalLength += length
  }

  remove(id: string): void {
    const slot = this.slotOf.get(id)
    if (slot === undefined) return
    for (const term of this.termsOf[slot]) {
      const list = this.postings.get(term)!
      list.delete(slot)
      if (list.size === 0) this.postings.delete(term)
    }
    this.slotOf.delete(id)
    this.ids[slot] = ''
    this.termsOf[slot] = []
    this.totalLength -= this.lengths[slot]
    this.free.push(slot)
  }

  /** Every document sharing a term with the query, with its score, unsorted; each distinct term counts once. */
  scores(terms: readonly string[]): { id: string; score: number }[] {
    const n = this.slotOf.size
    if (n === 0) return []
    const avgLength = this.totalLength / n
    const sums = new Float64Array(this.ids.length)
    const touched: number[] = []
    for (const term of new Set(terms)) {
      const list = this.postings.get(term)
      if (!list) continue
      const idf = Math.log(1 + (n - list.size + 0.5) / (list.size + 0.5))
      for (const [slot, f] of list) {
        if (sums[slot] === 0) touched.push(slot)
        sums[slot] += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * this.lengths[slot]) / avgLength))
      }
    }
    return touched.map((slot) => ({ id: this.ids[slot], score: sums[slot] }))
  }
}
