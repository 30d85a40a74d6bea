import { describe, expect, it } from 'vitest'
import { auc, median, ranks, solveLinear, spearman } from './index.js'

describe('kits/stats', () => {
  it('solves a small system, and gives a never-seen direction 0 instead of an infinity', () => {
    expect(
      solveLinear(
        [
          [2, 1],
          [1, 3],
        ],
        [3, 5],
      ).map((v) => +v.toFixed(10)),
    ).toEqual([0.8, 1.4])
    expect(
      solveLinear(
        [
          [1, 0],
          [0, 0],
        ],
        [2, 0],
      ),
    ).toEqual([2, 0])
  })

  it('takes medians without reordering the input', () => {
    const xs = [3, 1, 2, 10]
    expect([median(xs), median([5, 1, 3]), median([])]).toEqual([2.5, 3, 0])
    expect(xs).toEqual([3, 1, 2, 10])
  })

  it('averages tied ranks, in Spearman and the AUC alike', () => {
    expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1])
    expect(spearman([1, 2, 3], [10, 20, 30])).toBeCloseTo(1)
    expect(auc([0.9, 0.1, 0.5, 0.5], [1, 0, 1, 0])).toBeCloseTo(0.875)
    expect(auc([0.9, 0.1, 0.5, 0.5], [true, false, true, false])).toBeCloseTo(0.875)
    expect(auc([1, 2], [1, 1])).toBeNaN()
  })
})
