/**
 * AHT and ticket forecasts on SIMULATED history (the bank file has arrivals only): 16 weeks of the simulator's
 * deterministic centre (test-helpers/simulated-centre.ts: 300 contacts an hour at the peak, 30 agents, seed 11),
 * one week ahead from weekly origins with the service's 56 days of history, 6 tuning weeks and a final block of 4
 * held out (aht-eval.ts, weekly-eval.ts). The floors are the measured numbers plus a margin: they guard against a
 * change that makes the forecasts worse. Generating the history takes one to three minutes on a shared 2-core machine.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { AHT_BASELINES, profileAht } from './aht-methods.js'
import { ahtEvaluation, formatAhtEval, type AhtScore } from './aht-eval.js'
import { everyInterval } from './tickets.js'
import { BASELINES, formatWeeklyEval, weeklyEvaluationOf, type BlockScore } from './weekly-eval.js'
import { simulatedCentre, type SimulatedCentre } from './test-helpers/simulated-centre.js'

let centre: SimulatedCentre
const SCHEME = { holdoutWeeks: 4, minTrainWeeks: 6, historyDays: 56 }

beforeAll(() => {
  centre = simulatedCentre({ weeks: 16 })
}, 300_000)

describe('simulated centre, one week ahead from weekly origins', () => {
  it('the AHT forecast beats the 28-day mean, seasonal naive and the same-weekday means', () => {
    const e = ahtEvaluation(centre.live, {
      ...SCHEME,
      methods: [profileAht(), profileAht({ trend: false }, 'profile_no_trend'), ...AHT_BASELINES],
    })
    console.log(formatAhtEval(e))
    const all = (rows: AhtScore[]) =>
      Object.fromEntries(rows.filter((r) => r.segment === 'all').map((r) => [r.method, r]))
    const tuning = all(e.tuning)
    const holdout = all(e.holdout)
    expect(tuning.profile.weeks).toBe(6)
    expect(holdout.profile.weeks).toBe(4)
    // Measured: AHT WAPE 21.53 % and 21.41 % (the 28-day mean: 21.62 % and 21.58 %); with WeCom in the simulated
    // mix (2 % of contacts) 22.0 % and 21.8 % (mean 22.1 %, 21.9 %). The workload is a tie (arrivals' errors swamp the
    // AHT's at these volumes). The floor is loose; the comparisons below are the test.
    for (const block of [tuning, holdout]) {
      expect(block.profile.wape).toBeLessThan(0.23)
      // The simulated handle times vary little by interval (who is on shift), so the margin over the mean is small.
      expect(block.profile.wape).toBeLessThan(0.998 * block.mean_28d.wape)
      expect(block.profile.mape).toBeLessThan(0.998 * block.mean_28d.mape)
      expect(block.profile.workloadWape).toBeLessThan(block.mean_28d.workloadWape * 1.002)
      for (const baseline of ['seasonal_naive', 'mean_weeks', 'mean_weeks_6'])
        expect(block.profile.wape).toBeLessThan(0.9 * block[baseline].wape)
    }
  }, 300_000)

  it('the ticket forecast beats seasonal naive per interval and per day', () => {
    const series = centre.tickets.map((s) => everyInterval(s.created, centre.days.first, centre.days.end))
    const e = weeklyEvaluationOf(series, { ...SCHEME, interval: 15, methods: ['auto', ...BASELINES] })
    console.log(formatWeeklyEval(e))
    const by = (rows: BlockScore[]) => Object.fromEntries(rows.map((r) => [r.method, r]))
    const tuning = by(e.tuning)
    const holdout = by(e.holdout)
    expect(tuning.auto.weeks).toBe(6)
    expect(holdout.auto.weeks).toBe(4)
    // Measured: per interval 110.8 % and 110.2 %, per day 14.8 % and 15.4 %
    // (seasonal naive: 127.8 % and 126.5 %, 18.2 % and 18.9 %).
    for (const block of [tuning, holdout]) {
      expect(block.auto.wape).toBeLessThan(1.14)
      expect(block.auto.dailyWape).toBeLessThan(0.165)
      expect(block.auto.wape).toBeLessThan(0.92 * block.seasonal_naive.wape)
      expect(block.auto.dailyWape).toBeLessThan(0.85 * block.seasonal_naive.dailyWape)
      expect(block.auto.wape).toBeLessThan(block.mean_weeks_6.wape)
      expect(block.auto.coverage).toBeGreaterThan(0.72)
      expect(block.auto.coverage).toBeLessThan(0.9)
    }
  }, 300_000)
})
