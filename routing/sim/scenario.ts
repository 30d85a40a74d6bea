/**
 * Simulation scenarios (YAML or JSON): who calls when, how long they talk and
 * wait, which agents work which shifts, and the routing configuration to test.
 */
import { readFileSync } from 'node:fs'
import { BadInputError, type Channel, CHANNELS, type FieldError } from '../../core/index.js'
import { arrayOf, either, num, obj, oneOf, recordOf, str, type Check } from '../checks.js'
import type { TenantRoutingConfig } from '../config.js'
import { formatErrors, parseConfigText, validateTenantConfig } from '../validate-config.js'

export interface Distribution {
  dist: 'exponential' | 'lognormal' | 'fixed'
  /** Mean, seconds. */
  mean_s: number
  /** Standard deviation for lognormal, seconds. */
  sd_s?: number
}

/** A stream of contacts with the same shape (e.g. "voice repair calls"). */
export interface StreamSpec {
  queue: string
  /** Default voice. */
  channel?: Channel
  /** Mean arrivals per hour at profile multiplier 1 (a Poisson process). */
  rate_per_h: number
  /** 24 multipliers, one per hour of the day (intraday profile); default flat. */
  profile?: number[]
  /** Language → probability. */
  language?: Record<string, number>
  /** Tag groups: from each, at most one tag is drawn (tag → probability). */
  tags?: Record<string, number>[]
  /** VIP tier → probability. */
  vip?: Record<string, number>
  /** Share of contacts from customers who called before (they carry history: last agent, ratings). Default 0. */
  returning?: number
  /** Share of contacts with negative sentiment (at-risk). Default 0. */
  at_risk?: number
  handle: Distribution
  /** Time a customer is willing to wait; absent = waits forever. */
  patience?: Distribution
}

export interface AgentGroupSpec {
  name: string
  count: number
  /** Hours since the start of the run; default the whole run. */
  shift?: { start_h: number; end_h: number }
  /** Skill → proficiency, or a [min, max] range drawn per agent. */
  skills: Record<string, number | [number, number]>
  /** Each entry is a tag, or a list from which one tag is drawn per agent. */
  tags?: (string | string[])[]
  groups?: string[]
  /** Default { voice: 1 }. */
  capacity?: Partial<Record<Channel, number>>
  /** Recent CSAT 1-5, or a [min, max] range. Default 4. */
  csat?: number | [number, number]
}

export interface Scenario {
  name: string
  description?: string
  seed?: number
  /** Hours of arrivals. */
  duration_h: number
  /** Hours at the start left out of the measures. Default 0. */
  warmup_h?: number
  /** Hours after the arrivals stop to let queues empty. Default 2. */
  drain_h?: number
  /** Handle time × (1 + effect × (3 − proficiency)): experts are faster. Default 0.05. */
  proficiency_effect?: number
  /**
   * Chats at once go slower: while an agent holds j contacts, each progresses at 1 / (1 + slowdown × (j − 1)) of
   * its solo speed (a drawn handle time is the time alone). Default 0: holding more costs nothing.
   */
  concurrency_slowdown?: number
  /** Probability that a customer accepts a callback offer. Default 0.5. */
  callback_accept?: number
  /** Returning customers are drawn from the last this many customers. Default 5000. */
  population?: number
  routing: TenantRoutingConfig
  streams: StreamSpec[]
  agents: AgentGroupSpec[]
}

const positive = num({ above: 0 })
const share = num({ min: 0, max: 1 })
const distribution = obj({ dist: oneOf(['exponential', 'lognormal', 'fixed']), mean_s: positive, sd_s: positive }, [
  'dist',
  'mean_s',
])
const level = num({ min: 1, max: 5, integer: true })
const range = (item: Check) => arrayOf(item, { minItems: 2 })
const anything: Check = () => {}

const scenarioShape = obj(
  {
    name: str(),
    description: str(),
    seed: num({ min: 0, integer: true }),
    duration_h: positive,
    warmup_h: num({ min: 0 }),
    drain_h: num({ min: 0 }),
    proficiency_effect: num({ min: 0, max: 0.3 }),
    concurrency_slowdown: num({ min: 0, max: 1 }),
    callback_accept: share,
    population: num({ min: 1, integer: true }),
    routing: anything, // checked by validateTenantConfig, with its own field names
    streams: arrayOf(
      obj(
        {
          queue: str(),
          channel: oneOf(CHANNELS),
          rate_per_h: num({ min: 0 }),
          profile: arrayOf(num({ min: 0 })),
          language: recordOf(share),
          tags: arrayOf(recordOf(share)),
          vip: recordOf(share),
          returning: share,
          at_risk: share,
          handle: distribution,
          patience: distribution,
        },
        ['queue', 'rate_per_h', 'handle'],
      ),
      { minItems: 1 },
    ),
    agents: arrayOf(
      obj(
        {
          name: str(),
          count: num({ min: 0, integer: true }),
          shift: obj({ start_h: num({ min: 0 }), end_h: positive }, ['start_h', 'end_h']),
          skills: recordOf(either(level, range(level))),
          tags: arrayOf(either(str(), arrayOf(str(), { minItems: 1 }))),
          groups: arrayOf(str()),
          capacity: recordOf(num({ min: 0, integer: true })),
          csat: either(num({ min: 1, max: 5 }), range(num({ min: 1, max: 5 }))),
        },
        ['name', 'count', 'skills'],
      ),
      { minItems: 1 },
    ),
  },
  ['name', 'duration_h', 'routing', 'streams', 'agents'],
)

function crossChecks(s: Scenario, errors: FieldError[]): void {
  s.streams.forEach((st, i) => {
    if (st.profile && st.profile.length !== 24)
      errors.push({
        field: `streams[${i}].profile`,
        reason: `must have 24 hourly multipliers, got ${st.profile.length}`,
      })
    if (st.handle.dist === 'lognormal' && st.handle.sd_s === undefined)
      errors.push({ field: `streams[${i}].handle.sd_s`, reason: 'required for a lognormal distribution' })
    if (st.patience?.dist === 'lognormal' && st.patience.sd_s === undefined)
      errors.push({ field: `streams[${i}].patience.sd_s`, reason: 'required for a lognormal distribution' })
    for (const [k, w] of Object.entries({ language: st.language, vip: st.vip })) {
      if (w && Object.values(w).reduce((a, b) => a + b, 0) > 1 + 1e-9)
        errors.push({ field: `streams[${i}].${k}`, reason: 'probabilities add up to more than 1' })
    }
    st.tags?.forEach((g, j) => {
      if (Object.values(g).reduce((a, b) => a + b, 0) > 1 + 1e-9)
        errors.push({ field: `streams[${i}].tags[${j}]`, reason: 'probabilities add up to more than 1' })
    })
    for (const tier of Object.keys(st.vip ?? {})) {
      if (!/^[1-9]$/.test(tier)) errors.push({ field: `streams[${i}].vip.${tier}`, reason: 'VIP tiers are 1-9' })
    }
  })
  s.agents.forEach((g, i) => {
    if (g.shift && g.shift.end_h <= g.shift.start_h)
      errors.push({ field: `agents[${i}].shift.end_h`, reason: `must be after start_h (${g.shift.start_h})` })
  })
  if ((s.warmup_h ?? 0) >= s.duration_h)
    errors.push({ field: 'warmup_h', reason: `must be shorter than duration_h (${s.duration_h})` })
}

export function validateScenario(raw: unknown): { ok: true; value: Scenario } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = []
  scenarioShape(raw, '', errors)
  if (errors.length) return { ok: false, errors }
  const s = raw as Scenario
  const routing = validateTenantConfig(s.routing, 'routing.')
  if (!routing.ok) return { ok: false, errors: routing.errors }
  const scenario = { ...s, routing: routing.value }
  crossChecks(scenario, errors)
  return errors.length ? { ok: false, errors } : { ok: true, value: scenario }
}

export function loadScenarioFile(path: string): Scenario {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    throw new BadInputError(`cannot read scenario ${path}: ${(err as Error).message}`)
  }
  const r = validateScenario(parseConfigText(text, path))
  if (!r.ok) throw new BadInputError(formatErrors(path, r.errors))
  return r.value
}
