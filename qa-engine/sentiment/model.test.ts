import { describe, it, expect } from 'vitest'
import { hasSnownlp, loadSnownlpSplit } from './corpus.js'
import { loadSentimentModel } from './model.js'
import { statSync } from 'node:fs'
import { defaultWeightsPath } from './model.js'

const model = loadSentimentModel()

describe('sentiment model (shipped weights)', () => {
  it('is small enough to ship', () => {
    expect(statSync(defaultWeightsPath()).size).toBeLessThan(2 * 1024 * 1024)
  })

  it.skipIf(!hasSnownlp())('reaches its recorded accuracy on the held-out Chinese split (skipped without ../shared)', () => {
    const { heldOut } = loadSnownlpSplit()
    const ok = heldOut.filter((ex) => (model.zhLogit(ex.text) > 0 ? 1 : 0) === ex.label).length
    const accuracy = ok / heldOut.length
    expect(heldOut.length).toBeGreaterThan(1500)
    expect(accuracy).toBeCloseTo(model.weights.zh.held_out_accuracy, 3)
    expect(accuracy).toBeGreaterThan(0.86)
  })

  it('reads contact-centre phrases in both languages', () => {
    expect(model.score('this is ridiculous')).toBeLessThan(-0.3)
    expect(model.score('Thank you so much!')).toBeGreaterThan(0.3)
    expect(model.score('It is not good')).toBeLessThan(0)
    expect(model.score('这是什么破服务，气死我了')).toBeLessThan(-0.5)
    expect(model.score('谢谢您，问题解决了，非常满意')).toBeGreaterThan(0.5)
    expect(model.score('')).toBe(0)
  })
})
