import { existsSync, readFileSync } from 'node:fs'
import { describe, it, expect } from 'vitest'
import { rollingSplits } from './backtest.js'
import { formatReport, runBacktest } from './backtest-report.js'
import { parseHistoryCsv } from './csv.js'
import { toHistory } from './series.js'
import { syntheticSeries } from './test-helpers/synthetic.js'

const BANK = '../shared/data/bank_calls_train.csv'

describe('rolling splits', () => {
  it('cuts non-overlapping windows, oldest first, with at least four weeks of training', () => {
    const h = toHistory(syntheticSeries(70, 30), 30) // 50 weekdays
    const splits = rollingSplits(h, 5, 10)
    expect(splits.map((s) => s.train.days.length)).toEqual([20, 25, 30, 35, 40, 45])
    expect(splits.every((s) => s.test.length === 5)).toBe(true)
    expect(splits[5].test.at(-1)).toBe(h.days.at(-1))
  })
})

describe.skipIf(!existsSync(BANK))('bank_calls_train.csv backtest (5 days ahead, 10 rolling origins)', () => {
  it('auto beats seasonal naive by ≥ 25% and mean of last 4 weeks by ≥ 10% (WAPE)', () => {
    const history = toHistory(parseHistoryCsv(readFileSync(BANK, 'utf8'), 'bank_calls_train.csv'), 5)
    const report = runBacktest(history, { horizonDays: 5, folds: 10 })
    console.log(formatReport(report))
    const wape = Object.fromEntries(report.rows.map((r) => [r.method, r.wape]))
    expect(report.folds).toBe(10)
    expect(wape.auto).toBeLessThanOrEqual(0.75 * wape.seasonal_naive)
    expect(wape.auto).toBeLessThanOrEqual(0.9 * wape.mean_weeks)
    expect(report.autoCoverage80).toBeGreaterThan(70)
    expect(report.autoCoverage80).toBeLessThan(90)
  })
})

if (!existsSync(BANK)) console.warn(`SKIP bank backtest: ${BANK} is absent (shared data not mounted)`)
