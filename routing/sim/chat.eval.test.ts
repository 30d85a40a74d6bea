/**
 * The chat staffing model (kits/erlang/chat.ts) against the simulator: 6 agents with k = 1…4 chat slots each, Poisson
 * arrivals, exponential handle times of 300 s alone, slowed by 25 % of that per further chat the agent holds
 * (`concurrency_slowdown: 0.25`, the model's default), new chats to the least-loaded agent (`fairness:
 * least_occupied`), FCFS. Loads are shares of full capacity (every slot busy: 6k / (300 s · (1 + 0.25(k − 1)))
 * chats per second); service level within 60 s must agree within 3 points.
 *
 * Run lengths come from the spread over seeds 1-8: one standard deviation of the simulated SL is at most 0.7 points
 * at 60 % of capacity (20,000 chats), 0.85 at 70 % (30,000) and 1.0 at 80 % (60,000); the model's own bias (it
 * assumes loads stay balanced) measured at most 0.55 points, the simulator serving slightly worse. Heavier loads
 * need far longer runs for the same spread (1.4-2.0 points at 85 % with 60,000 chats), so they are in the README,
 * not here. The fixed seed keeps it repeatable.
 */
import { describe, it, expect } from 'vitest'
import { chatMeasures } from '../../kits/erlang/index.js'
import { validateScenario, type Scenario } from './scenario.js'
import { simulate } from './simulate.js'

const AGENTS = 6
const AHT = 300
const SLOWDOWN = 0.25
const THRESHOLD = 60
const GRID: { utilisation: number; chats: number }[] = [
  { utilisation: 0.6, chats: 20_000 },
  { utilisation: 0.7, chats: 30_000 },
  { utilisation: 0.8, chats: 60_000 },
]

function scenario(k: number, ratePerH: number, hours: number, patienceS?: number): Scenario {
  const r = validateScenario({
    name: `chat check k=${k}`,
    duration_h: hours,
    warmup_h: 1,
    drain_h: 2,
    proficiency_effect: 0,
    concurrency_slowdown: SLOWDOWN,
    routing: {
      tenant: 'check',
      defaults: { service_level_s: THRESHOLD },
      queues: { chat: { skills: { chat: 1 }, fairness: { mode: 'least_occupied' } } },
    },
    streams: [
      {
        queue: 'chat',
        channel: 'webchat',
        rate_per_h: ratePerH,
        handle: { dist: 'exponential', mean_s: AHT },
        patience: patienceS ? { dist: 'exponential', mean_s: patienceS } : undefined,
      },
    ],
    agents: [{ name: 'agent', count: AGENTS, skills: { chat: 3 }, capacity: { webchat: k } }],
  })
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.value
}

/** Simulated and model SL for k slots at a share of full capacity, over about `chats` chats. */
function check(k: number, utilisation: number, chats: number, patienceS?: number) {
  const lambda = (utilisation * AGENTS * k) / (AHT * (1 + SLOWDOWN * (k - 1)))
  const sim = simulate(scenario(k, lambda * 3600, chats / (lambda * 3600), patienceS), {
    label: 'least_occupied',
    policies: ['fairness'],
  })
  const model = chatMeasures(AGENTS, { lambda, aht: AHT }, THRESHOLD, { concurrency: k, slowdown: SLOWDOWN }, patienceS)
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`
  console.log(
    `k=${k}, ${pct(utilisation)} of capacity${patienceS ? `, patience ${patienceS} s` : ''}: SL sim ${pct(sim.serviceLevel)} vs model ${pct(model.serviceLevel)}; ASA sim ${sim.asaS.toFixed(1)} s vs ${model.asa.toFixed(1)} s; ${sim.answered} chats`,
  )
  return { sim, model }
}

describe('chat concurrency: model agrees with the simulator', () => {
  for (const k of [1, 2, 3, 4]) {
    it(`k = ${k}: SL within 3 points at 60, 70 and 80 % of capacity`, () => {
      for (const { utilisation, chats } of GRID) {
        const { sim, model } = check(k, utilisation, chats)
        expect(Math.abs(sim.serviceLevel - model.serviceLevel)).toBeLessThan(0.03)
      }
    })
  }

  it('with abandonment (patience 300 s, 95 % of capacity): SL and abandonment within 3 points', () => {
    for (const k of [2, 4]) {
      const { sim, model } = check(k, 0.95, 30_000, 300) // spread over seeds: 1.1-1.3 points at 20,000 chats
      expect(Math.abs(sim.serviceLevel - model.serviceLevel)).toBeLessThan(0.03)
      expect(Math.abs(sim.abandonRate - model.abandonment)).toBeLessThan(0.03)
    }
  })
})
