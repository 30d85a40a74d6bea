/**
 * The simulator against queueing theory: single skill, FCFS, Poisson arrivals and
 * exponential handle times must reproduce Erlang C (and with exponential patience,
 * Erlang A) from kits/erlang. Run length and tolerances come from the spread
 * measured over seeds 1-6 at 2,000 h: SL ±0.4 points, ASA ±1.7 % (one standard
 * deviation). 5,000 h (~800,000 calls) for Erlang C halves the ASA spread, so the
 * 3 % bound is about 2.8 standard deviations wide; the fixed seed keeps it repeatable.
 */
import { describe, it, expect } from 'vitest'
import { fileURLToPath } from 'node:url'
import { erlangAMeasures, erlangCMeasures } from '../../kits/erlang/index.js'
import { loadScenarioFile, type Scenario } from './scenario.js'
import { simulate } from './simulate.js'

const base = loadScenarioFile(fileURLToPath(new URL('../scenarios/erlang-check.yaml', import.meta.url)))
const load = { lambda: 160 / 3600, aht: 180 }

function run(hours: number, patienceS?: number) {
  const sc: Scenario = {
    ...base,
    duration_h: hours,
    streams: base.streams.map((s) => ({
      ...s,
      patience: patienceS ? { dist: 'exponential', mean_s: patienceS } : undefined,
    })),
  }
  return simulate(sc, { label: 'fcfs', policies: [] }, 7)
}

describe('simulation agrees with Erlang theory', () => {
  it('matches Erlang C (M/M/10, 8 Erlangs): SL within 2 points, ASA within 3 %', () => {
    const sim = run(5000)
    const theory = erlangCMeasures(10, load, 20)
    console.log(
      `Erlang C: SL sim ${(sim.serviceLevel * 100).toFixed(2)} % vs ${(theory.serviceLevel * 100).toFixed(2)} %; ASA sim ${sim.asaS.toFixed(2)} s vs ${theory.asa.toFixed(2)} s; occupancy ${(sim.occupancy * 100).toFixed(2)} % vs ${(theory.occupancy * 100).toFixed(2)} %; ${sim.answered} calls`,
    )
    expect(Math.abs(sim.serviceLevel - theory.serviceLevel)).toBeLessThan(0.02)
    expect(Math.abs(sim.asaS - theory.asa) / theory.asa).toBeLessThan(0.03)
    expect(Math.abs(sim.occupancy - theory.occupancy)).toBeLessThan(0.01)
  })

  it('matches Erlang A with exponential patience (mean 300 s): SL and abandonment within 2 points, ASA within 3 %', () => {
    const sim = run(2000, 300)
    const theory = erlangAMeasures(10, load, 20, 300)
    console.log(
      `Erlang A: SL sim ${(sim.serviceLevel * 100).toFixed(2)} % vs ${(theory.serviceLevel * 100).toFixed(2)} %; ASA sim ${sim.asaS.toFixed(2)} s vs ${theory.asa.toFixed(2)} s; abandonment ${(sim.abandonRate * 100).toFixed(2)} % vs ${(theory.abandonment * 100).toFixed(2)} %`,
    )
    expect(Math.abs(sim.serviceLevel - theory.serviceLevel)).toBeLessThan(0.02)
    expect(Math.abs(sim.abandonRate - theory.abandonment)).toBeLessThan(0.02)
    expect(Math.abs(sim.asaS - theory.asa) / theory.asa).toBeLessThan(0.03)
  })
})
