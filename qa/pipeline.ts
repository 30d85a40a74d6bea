/**
 * scoreInteraction: a pure function from an interaction and a scorecard to a QaResult, run as a pipeline
 * of named steps (core/pipeline.ts) over one state. Redaction is the first step: every later step sees
 * masked text only.
 */
import { ok, pipeline } from '../core/index.js'
import { redact } from '../kits/pii/index.js'
import { detectLanguage, hanShare } from './language.js'
import { segmentEach } from '../kits/words/index.js'
import { sentimentModel } from './sentiment/model.js'
import { surnameOf } from './surname.js'
import { defaultScorecard, CHECK_NAMES, type CheckName, type Scorecard, type ScorecardSpec } from './scorecard.js'
import { extractFacts } from './facts.js'
import { npsOf, predictNps } from './nps.js'
import { satisfactionModel } from './satisfaction/model.js'
import type { CheckContext, CheckOutcome } from './checks/context.js'
import { greetingCheck, closingCheck } from './checks/opening-closing.js'
import { politenessCheck } from './checks/politeness.js'
import { addressCheck } from './checks/address.js'
import { blameCheck, forbiddenCheck } from './checks/phrases.js'
import { sentimentCheck } from './checks/sentiment.js'
import { deadAirCheck } from './checks/dead-air.js'
import type { CheckResult, Fact, Flag, Interaction, NpsClass, PiiSpan, QaResult } from './types.js'

type CheckFn<N extends CheckName> = (ctx: CheckContext, cfg: NonNullable<ScorecardSpec['checks'][N]>) => CheckOutcome

const CHECKS: { [N in CheckName]: CheckFn<N> } = {
  greeting: greetingCheck,
  closing: closingCheck,
  politeness: politenessCheck,
  address_by_surname: addressCheck,
  blame: blameCheck,
  forbidden_words: forbiddenCheck,
  sentiment: sentimentCheck,
  dead_air: deadAirCheck,
}

interface State extends CheckContext {
  /** Share of Han per turn (hanShare), worked out once for segmenting and sentiment. */
  hanShares: number[]
  pii: PiiSpan[]
  checks: Record<string, CheckResult>
  flags: Flag[]
  politeness: number | null
  agentSentiment: number | null
  facts: Fact[]
  predicted: NpsClass
  /** Predicted CSAT 1-5. */
  csat: number
  score: number
  autoFailed: boolean
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)
const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000)

/** The customer's first and last thirds (by turn), at least one turn each. */
function trajectory(scores: number[]): { first: number | null; last: number | null } {
  const third = Math.max(1, Math.ceil(scores.length / 3))
  return { first: mean(scores.slice(0, third)), last: mean(scores.slice(-third)) }
}

/** The scoring steps, on the core runner. None drops: every interaction gets a result. */
const SCORING = pipeline<State>('qa_score')
  .step('redact_pii', (s) => {
    s.turns = s.interaction.turns.map((t, i) => {
      const { text, spans } = redact(t.text, i)
      s.pii.push(...spans)
      return { ...t, text }
    })
    return ok(s)
  })
  .step('detect_language', (s) => {
    s.language = s.interaction.language ?? detectLanguage(s.turns.map((t) => t.text))
    return ok(s)
  })
  .step('segment', (s) => {
    s.hanShares = s.turns.map((t) => hanShare(t.text))
    // Only turns with Han are cut, all in one call into jieba.
    const withHan = s.turns.flatMap((t, i) => (s.hanShares[i] > 0 ? [i] : []))
    const cut = segmentEach(withHan.map((i) => s.turns[i].text))
    s.tokens = s.turns.map(() => [])
    withHan.forEach((turn, k) => (s.tokens[turn] = cut[k]))
    return ok(s)
  })
  .step('sentiment', (s) => {
    const model = sentimentModel()
    // The segment step's tokens and shares: each turn is cut by jieba once.
    s.sentiment = s.turns.map((t, i) => (t.role === 'bot' ? null : model.score(t.text, s.tokens[i], s.hanShares[i])))
    const of = (role: string) => s.sentiment.filter((x, i): x is number => x !== null && s.turns[i].role === role)
    const customer = of('customer')
    s.customer = { overall: mean(customer), ...trajectory(customer) }
    s.agentSentiment = mean(of('agent'))
    return ok(s)
  })
  .step('checks', (s) => {
    for (const name of CHECK_NAMES) {
      const cfg = s.card.spec.checks[name]
      if (!cfg) continue
      const out = (CHECKS[name] as CheckFn<typeof name>)(s, cfg as never)
      const autoFailed = out.applicable && out.failed && cfg.auto_fail === true
      s.checks[name] = {
        fraction: round3(out.fraction)!,
        weight: cfg.weight,
        applicable: out.applicable,
        auto_failed: autoFailed,
      }
      s.flags.push(...out.flags)
      if (name === 'politeness' && out.applicable) s.politeness = out.fraction
    }
    return ok(s)
  })
  .step('facts', (s) => {
    s.facts = extractFacts(s.turns, s.card)
    return ok(s)
  })
  .step('nps', (s) => {
    // Predicted CSAT from the redacted turns and the per-turn sentiment the sentiment step computed.
    s.csat = satisfactionModel().predict(s.turns, s.sentiment)
    s.predicted = predictNps(s.csat, s.flags, s.card)
    return ok(s)
  })
  .step('score', (s) => {
    const applicable = Object.values(s.checks).filter((c) => c.applicable)
    const total = applicable.reduce((sum, c) => sum + c.weight, 0)
    const earned = applicable.reduce((sum, c) => sum + c.weight * c.fraction, 0)
    s.autoFailed = applicable.some((c) => c.auto_failed)
    s.score = s.autoFailed || total === 0 ? 0 : Math.round((1000 * earned) / total) / 10
    return ok(s)
  })

/** The scoring steps in order, redaction first. */
export const STEPS = SCORING.steps

/**
 * Scores one interaction. Pure: the same input gives the same result, nothing is read or written except
 * the shared, read-only models (loaded once per thread). Without a scorecard, the shipped default for the
 * interaction's language is used.
 */
export function scoreInteraction(interaction: Interaction, scorecard?: Scorecard): QaResult {
  const s: State = {
    interaction,
    card: scorecard ?? defaultScorecard(interaction.language ?? detectLanguage(interaction.turns.map((t) => t.text))),
    turns: [],
    language: 'en',
    hanShares: [],
    tokens: [],
    sentiment: [],
    customer: { overall: null, first: null, last: null },
    surname: surnameOf(interaction.customer_name),
    pii: [],
    checks: {},
    flags: [],
    politeness: null,
    agentSentiment: null,
    facts: [],
    predicted: 'passive',
    csat: 3,
    score: 0,
    autoFailed: false,
  }
  const scored = SCORING.run(s)
  if (scored.kind !== 'ok') throw new Error(`QA step ${scored.step} stopped: ${scored.reason}`)
  return {
    interaction_id: interaction.interaction_id,
    scorecard: { id: s.card.spec.id, version: s.card.spec.version },
    language: s.language,
    score: s.score,
    auto_failed: s.autoFailed,
    checks: s.checks,
    flags: s.flags,
    politeness: { agent: round3(s.politeness) },
    sentiment: {
      turns: s.sentiment.map(round3),
      customer: { overall: round3(s.customer.overall), first: round3(s.customer.first), last: round3(s.customer.last) },
      agent: { overall: round3(s.agentSentiment) },
    },
    nps: npsOf(interaction, s.predicted),
    nps_predicted: s.predicted,
    csat_predicted: s.csat,
    facts: s.facts,
    pii: s.pii,
    turns: s.turns,
  }
}
