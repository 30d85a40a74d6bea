/**
 * The knowledge base's search: one in-memory index per tenant, kept current by the store's watch (store.ts).
 *
 * Two kinds of match, ranked in this order:
 *  1. exact: an article whose `error_codes` holds a code that appears in the text (or among the conversation's
 *     facts), then one whose `products` holds a product model named there. A code or model is found by its
 *     normalised form (case, spacing and OCR's misreadings read through) on word boundaries, so `0x0000007B` in a
 *     sentence finds the article for `0x0000007b` and `2100: Detection error on HDD0` is found whole;
 *  2. words: BM25 (bm25.ts) over jieba terms of the title (weight 3), tags and products (2) and body (1).
 * An exact match outranks any word score: a customer naming the stop code wants that code's article first. Among
 * matches, an article in the customer's language (Chinese or not) comes first.
 */
import type { KbArticle, KbSuggestion, LiveFact } from '../core/contracts/index.js'
import { factsInText, repairOcrText } from '../kits/facts/index.js'
import { hanShare } from '../qa/index.js'
import { Bm25 } from './bm25.js'
import { searchTerms } from './tokens.js'

/** What outranks words: each matched code, then each matched product, adds this much to an article's score. */
const CODE_WEIGHT = 1000
const PRODUCT_WEIGHT = 100
/**
 * An article in the text's script (Chinese or not) gets this much: of the Chinese and the English article for one
 * code, the customer's language wins; a strong word match in the other language still can.
 */
const LANGUAGE_WEIGHT = 50
/** Text with at least this share of Han (qa/ hanShare) is Chinese; a code or model in it does not make it English. */
const CHINESE_FROM = 0.3
/** Codes and models shorter than this are not looked for in free text (`E1` would match too much). */
const MIN_EXACT_LENGTH = 4

/** Whether a text is Chinese for ranking (see CHINESE_FROM). */
export const isChinese = (text: string): boolean => hanShare(text) >= CHINESE_FROM

/** A code or model as compared: OCR's misreadings repaired (kits/facts), upper case, single spaces. */
export function exactKey(value: string): string {
  return repairOcrText(value).toUpperCase().replace(/\s+/g, ' ').trim()
}

const WORD_CHAR = /[\p{L}\p{N}_]/u
/** `key` occurs in `text` (both exactKey'd) not inside a longer word. */
function containsWhole(text: string, key: string): boolean {
  for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
    const before = text[at - 1]
    const after = text[at + key.length]
    const edge = (c: string | undefined, inner: string) => !c || !WORD_CHAR.test(c) || !WORD_CHAR.test(inner)
    if (edge(before, key[0]) && edge(after, key[key.length - 1])) return true
  }
  return false
}

export interface SuggestOptions {
  /** Articles answered at most. Default 5. */
  limit?: number
  /**
   * Facts already found (the conversation's, OCR's), beside those found in the text itself (kits/facts): their codes
   * and models match exactly even when short.
   */
  facts?: readonly Pick<LiveFact, 'kind' | 'value'>[]
  /** Only articles with this tag. */
  tag?: string
  /**
   * Whether the customer writes Chinese, for the language preference. Default: judged from `text` (give it when
   * the text carries other words, such as what OCR read on an English error dialog).
   */
  chinese?: boolean
}

/** Exact-match lookup: normalised code or model → the ids of the articles that list it, with the value as listed. */
class ExactIndex {
  private readonly ids = new Map<string, Map<string, string>>()

  add(values: readonly string[], id: string) {
    for (const v of values) {
      const key = exactKey(v)
      if (!key) continue
      let m = this.ids.get(key)
      if (!m) this.ids.set(key, (m = new Map()))
      m.set(id, v)
    }
  }

  remove(values: readonly string[], id: string) {
    for (const v of values) {
      const key = exactKey(v)
      const m = this.ids.get(key)
      m?.delete(id)
      if (m?.size === 0) this.ids.delete(key)
    }
  }

  /** The articles listing a value found in `text` (exactKey'd) or named, each with the values as they list them. */
  find(text: string, named: readonly string[]): Map<string, string[]> {
    const keys = new Set<string>()
    for (const v of named) if (this.ids.has(exactKey(v))) keys.add(exactKey(v))
    for (const key of this.ids.keys())
      if (key.length >= MIN_EXACT_LENGTH && !keys.has(key) && containsWhole(text, key)) keys.add(key)
    const found = new Map<string, string[]>()
    for (const key of keys)
      for (const [id, listed] of this.ids.get(key)!) {
        const values = found.get(id)
        if (values) values.push(listed)
        else found.set(id, [listed])
      }
    return found
  }
}

/** One tenant's articles and their indexes. */
class TenantIndex {
  readonly articles = new Map<string, KbArticle>()
  private readonly chinese = new Set<string>()
  private readonly words = new Bm25<KbArticle>({
    fields: [
      { weight: 3, terms: (a) => searchTerms(a.title) },
      { weight: 2, terms: (a) => searchTerms([...a.tags, ...a.products].join('\n')) },
      { weight: 1, terms: (a) => searchTerms(a.body) },
    ],
  })
  private readonly codes = new ExactIndex()
  private readonly products = new ExactIndex()

  put(article: KbArticle) {
    this.remove(article.id)
    this.articles.set(article.id, article)
    if (isChinese(`${article.title}\n${article.body}`)) this.chinese.add(article.id)
    this.words.put(article.id, article)
    this.codes.add(article.error_codes, article.id)
    this.products.add(article.products, article.id)
  }

  remove(id: string) {
    const old = this.articles.get(id)
    if (!old) return
    this.articles.delete(id)
    this.chinese.delete(id)
    this.words.remove(id)
    this.codes.remove(old.error_codes, id)
    this.products.remove(old.products, id)
  }

  suggest(text: string, opts: SuggestOptions): KbSuggestion[] {
    const facts = [...(opts.facts ?? []), ...factsInText(repairOcrText(text))]
    const named = (kind: LiveFact['kind']) => facts.filter((f) => f.kind === kind).map((f) => f.value)
    const key = exactKey(text)
    const codes = this.codes.find(key, named('error_code'))
    const products = this.products.find(key, named('product_model'))
    const chinese = opts.chinese ?? isChinese(text)
    const top = new TopK(opts.limit ?? 5)
    const offer = (id: string, words: number) => {
      if (opts.tag && !this.articles.get(id)!.tags.includes(opts.tag)) return
      const exact = CODE_WEIGHT * (codes.get(id)?.length ?? 0) + PRODUCT_WEIGHT * (products.get(id)?.length ?? 0)
      top.offer({ id, words, score: words + exact + (this.chinese.has(id) === chinese ? LANGUAGE_WEIGHT : 0) })
    }
    const byWords = new Set<string>()
    for (const { id, score } of this.words.scores(searchTerms(text))) {
      offer(id, score)
      byWords.add(id)
    }
    for (const id of new Set([...codes.keys(), ...products.keys()])) if (!byWords.has(id)) offer(id, 0)
    return top.best().map(({ id, score, words }) => ({
      article: this.articles.get(id)!,
      score: round(score),
      matched: [
        ...(codes.get(id) ?? []).map((v) => `error_code:${v}`),
        ...(products.get(id) ?? []).map((v) => `product:${v}`),
        ...(words > 0 ? ['words'] : []),
      ],
    }))
  }
}

interface Offer {
  id: string
  /** The BM25 part of the score. */
  words: number
  score: number
}

/** The k best of many offers (score descending, then id), without sorting them all. */
class TopK {
  private readonly kept: Offer[] = []

  constructor(private readonly k: number) {}

  offer(o: Offer) {
    const kept = this.kept
    if (kept.length === this.k && !better(o, kept[kept.length - 1])) return
    let at = kept.length
    while (at > 0 && better(o, kept[at - 1])) at--
    kept.splice(at, 0, o)
    if (kept.length > this.k) kept.pop()
  }

  best(): readonly Offer[] {
    return this.kept
  }
}

const better = (a: Offer, than: Offer) => a.score > than.score || (a.score === than.score && a.id < than.id)

const round = (x: number) => Math.round(x * 1000) / 1000

/** Every tenant's searchable articles. */
export class KnowledgeIndex {
  private readonly tenants = new Map<string, TenantIndex>()

  private of(tenant: string): TenantIndex {
    let t = this.tenants.get(tenant)
    if (!t) this.tenants.set(tenant, (t = new TenantIndex()))
    return t
  }

  /** Adds the article or replaces the one with its id. */
  put(tenant: string, article: KbArticle): void {
    this.of(tenant).put(article)
  }

  remove(tenant: string, id: string): void {
    this.tenants.get(tenant)?.remove(id)
  }

  get(tenant: string, id: string): KbArticle | undefined {
    return this.tenants.get(tenant)?.articles.get(id)
  }

  size(tenant: string): number {
    return this.tenants.get(tenant)?.articles.size ?? 0
  }

  /** The tenant's articles, newest first, those with `tag` only when given. */
  list(tenant: string, opts: { tag?: string; limit: number }): KbArticle[] {
    const all = [...(this.tenants.get(tenant)?.articles.values() ?? [])]
    return all
      .filter((a) => !opts.tag || a.tags.includes(opts.tag))
      .sort((a, b) => b.updated_at - a.updated_at || a.id.localeCompare(b.id))
      .slice(0, opts.limit)
  }

  /** The articles that best answer `text` (see the top of this file); [] for a tenant without articles. */
  suggest(tenant: string, text: string, opts: SuggestOptions = {}): KbSuggestion[] {
    return this.tenants.get(tenant)?.suggest(text, opts) ?? []
  }
}
