/**
 * The Chinese model's weighted sum over zhFeatures(text), without building that set. A turn has ~70 features and
 * ~80 % of them have no weight; making each one a string and putting it in a Set was most of the sentiment step's
 * time and garbage. Here each feature is hashed where it lies, in the normalised text or in the jieba words:
 * - FNV-1a (the key filter's hash) and a second, independent 32-bit hash make a 64-bit fingerprint;
 * - a set of fingerprints counts the distinct features;
 * - only a feature that is new and that the key filter lets through (~20 %) is made into a string and looked up.
 * The weights are added in the order zhFeatures() lists the features, so the sum is the same number, bit for bit,
 * as long as no two features of one text share a fingerprint (about one text in 10^15 would have such a pair;
 * feature-sum.test.ts compares the two ways on the training corpora).
 */
import { FNV_OFFSET, fnv1a, type KeyFilter } from './key-filter.js'
import { forEachCharNgram, forEachZhWordFeature, normalize, zhWordFeature, type ZhWordFeatureKind } from './features.js'

/** The second hash over text[from..to), continuing from `g`: multiply, then fold the high bits down. */
function mix(g: number, text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    g = Math.imul(g ^ text.charCodeAt(i), 0x5bd1e995)
    g ^= g >>> 13
  }
  return g
}
const MIX_OFFSET = 0x9747b28c

/** Fingerprint slots are at least twice the features a text can have, so probe runs stay short. */
const MIN_SLOTS = 1024

export class ZhFeatureSum {
  /** After sum(): how many distinct features the text has (zhFeatures(text).size). */
  count = 0
  private z = 0
  private norm = ''
  private words: readonly string[] = []
  /** Open addressing: the two halves of each slot's fingerprint, and the call (generation) that filled it. */
  private fingerprints = new Int32Array(2 * MIN_SLOTS)
  private filled = new Int32Array(MIN_SLOTS)
  private generation = 0

  constructor(
    private readonly weights: ReadonlyMap<string, number>,
    private readonly filter: KeyFilter,
  ) {}

  /**
   * The sum of the weights of zhFeatures(text) (its words: zhWords(text)); sets `count`. Not re-entrant: one
   * instance per thread, as the shared model is.
   */
  sum(text: string, words: readonly string[]): number {
    this.norm = normalize(text)
    this.words = words
    this.z = 0
    this.count = 0
    this.reserve(4 * this.norm.length + 3 * words.length)
    forEachCharNgram(this.norm, this.addNgram)
    forEachZhWordFeature(words, this.addWordFeature)
    return this.z
  }

  private readonly addNgram = (from: number, to: number): void => {
    const h = fnv1a(FNV_OFFSET, this.norm, from, to)
    if (this.isNew(h, mix(MIX_OFFSET, this.norm, from, to)) && this.filter.mightHaveHash(h))
      this.z += this.weights.get(this.norm.slice(from, to)) ?? 0
  }

  private readonly addWordFeature = (kind: ZhWordFeatureKind, i: number): void => {
    const words = this.words
    let h = fnv1a(FNV_OFFSET, kind, 0, 2)
    let g = mix(MIX_OFFSET, kind, 0, 2)
    h = fnv1a(h, words[i], 0, words[i].length)
    g = mix(g, words[i], 0, words[i].length)
    if (kind === 'b:') {
      h = fnv1a(h, '|', 0, 1)
      g = mix(g, '|', 0, 1)
      h = fnv1a(h, words[i + 1], 0, words[i + 1].length)
      g = mix(g, words[i + 1], 0, words[i + 1].length)
    }
    if (this.isNew(h, g) && this.filter.mightHaveHash(h)) this.z += this.weights.get(zhWordFeature(words, kind, i)) ?? 0
  }

  /** Adds the fingerprint (h, g) to this call's set; false when it is there already. */
  private isNew(h: number, g: number): boolean {
    const mask = this.filled.length - 1
    for (let slot = (g ^ Math.imul(h, 0x85ebca6b)) & mask; ; slot = (slot + 1) & mask) {
      if (this.filled[slot] !== this.generation) {
        this.filled[slot] = this.generation
        this.fingerprints[2 * slot] = h
        this.fingerprints[2 * slot + 1] = g
        this.count++
        return true
      }
      if (this.fingerprints[2 * slot] === h && this.fingerprints[2 * slot + 1] === g) return false
    }
  }

  /** Starts a new, empty set of fingerprints with room for `features`. */
  private reserve(features: number): void {
    let slots = this.filled.length
    while (slots < 2 * features) slots *= 2
    if (slots > this.filled.length) {
      this.fingerprints = new Int32Array(2 * slots)
      this.filled = new Int32Array(slots)
      this.generation = 0
    } else if (this.generation === 0x7fffffff) {
      this.filled.fill(0)
      this.generation = 0
    }
    this.generation++
  }
}
