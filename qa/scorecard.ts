/**
 * Scorecards: versioned JSON or YAML documents (files, or stored per tenant, queue and channel: scorecard-store.ts)
 * that say which checks run, with which word lists, thresholds and weights. Validated on load; every error names the
 * field (`checks.blame.weight`).
 */
import { readFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { Type, type Static } from '@sinclair/typebox'
import { TypeCompiler } from '@sinclair/typebox/compiler'
import { parse as parseYaml } from 'yaml'
import { BadInputError, rootDir } from '../core/index.js'
import { QA_CHECK_IDS } from '../core/contracts/index.js'
import { compileWords, isRegexEntry } from '../kits/words/index.js'
import type { Language } from './language.js'

/** A literal phrase, or a regular expression written as "/source/" (flags i and u are always on). */
const Patterns = Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })
const Severity = Type.Union([
  Type.Literal('info'),
  Type.Literal('low'),
  Type.Literal('medium'),
  Type.Literal('high'),
  Type.Literal('critical'),
])
const Closed = Type.Object
const common = {
  /** Share of the total this check is worth; weights are normalised over the applicable checks. */
  weight: Type.Number({ minimum: 0, maximum: 1000 }),
  severity: Type.Optional(Severity),
  /** When the check fires, the whole interaction scores 0. */
  auto_fail: Type.Optional(Type.Boolean()),
}
const strict = { additionalProperties: false }

const Checks = Closed(
  {
    greeting: Type.Optional(
      Closed({ ...common, within_agent_turns: Type.Integer({ minimum: 1, maximum: 20 }), phrases: Patterns }, strict),
    ),
    closing: Type.Optional(
      Closed(
        { ...common, within_last_agent_turns: Type.Integer({ minimum: 1, maximum: 20 }), phrases: Patterns },
        strict,
      ),
    ),
    politeness: Type.Optional(
      Closed(
        {
          ...common,
          polite: Patterns,
          impolite: Type.Optional(Patterns),
          min_score: Type.Number({ minimum: 0, maximum: 1 }),
        },
        strict,
      ),
    ),
    address_by_surname: Type.Optional(
      Closed({ ...common, per_minute: Type.Number({ minimum: 0, maximum: 60 }) }, strict),
    ),
    blame: Type.Optional(Closed({ ...common, phrases: Patterns, exclude: Type.Optional(Patterns) }, strict)),
    forbidden_words: Type.Optional(
      Closed(
        { ...common, words: Patterns, sensitive: Type.Optional(Patterns), sensitive_severity: Type.Optional(Severity) },
        strict,
      ),
    ),
    sentiment: Type.Optional(Closed({ ...common, angry_below: Type.Number({ minimum: -1, maximum: 0 }) }, strict)),
    dead_air: Type.Optional(
      Closed(
        {
          ...common,
          max_silence_ms: Type.Integer({ minimum: 1000 }),
          max_silence_share: Type.Number({ minimum: 0, maximum: 1 }),
        },
        strict,
      ),
    ),
  },
  strict,
)

export const ScorecardSchema = Closed(
  {
    id: Type.String({ minLength: 1, maxLength: 128 }),
    version: Type.Integer({ minimum: 1 }),
    language: Type.Union([Type.Literal('zh'), Type.Literal('en'), Type.Literal('any')]),
    description: Type.Optional(Type.String()),
    checks: Checks,
    facts: Type.Optional(
      Closed(
        {
          error_code: Type.Optional(Patterns),
          product_model: Type.Optional(Patterns),
          order_number: Type.Optional(Patterns),
        },
        strict,
      ),
    ),
    nps: Type.Optional(
      Closed(
        {
          /**
           * Predicted CSAT (1-5) at or above this predicts a promoter (when nothing serious was flagged); default:
           * the satisfaction model's cut (qa/satisfaction/weights.json `classes`).
           */
          promoter_from: Type.Optional(Type.Number({ minimum: 1, maximum: 5 })),
          /** Predicted CSAT below this predicts a detractor; default: the model's cut. */
          detractor_below: Type.Optional(Type.Number({ minimum: 1, maximum: 5 })),
        },
        strict,
      ),
    ),
  },
  strict,
)

export type ScorecardSpec = Static<typeof ScorecardSchema>
export type CheckName = keyof ScorecardSpec['checks']
/**
 * The checks in the order they run: the shared list of check ids (scorecard.test.ts holds it equal to the schema's).
 */
export const CHECK_NAMES: readonly CheckName[] = QA_CHECK_IDS

/** A scorecard with its patterns compiled, ready to score with. Plain data + RegExps: cheap to share per thread. */
export interface Scorecard {
  spec: ScorecardSpec
  /** One global regex per pattern list, keyed by its field path (e.g. `checks.blame.phrases`). */
  patterns: Map<string, RegExp>
}

const checker = TypeCompiler.Compile(ScorecardSchema)

function fieldOf(path: string): string {
  return (
    path
      .replace(/^\//, '')
      .replace(/\/(\d+)(?=\/|$)/g, '[$1]')
      .replaceAll('/', '.') || '(scorecard)'
  )
}

/** One problem of a scorecard document: the field path (`checks.blame.phrases[1]`) and what is wrong with it. */
export interface ScorecardProblem {
  field: string
  reason: string
}

/** Every pattern list of a (schema-valid) scorecard by its field path, e.g. `checks.blame.phrases`. */
function patternLists(spec: ScorecardSpec): [string, string[]][] {
  const out: [string, string[]][] = []
  const visit = (obj: Record<string, unknown>, prefix: string) => {
    for (const [key, v] of Object.entries(obj)) {
      const field = `${prefix}.${key}`
      if (Array.isArray(v)) out.push([field, v as string[]])
      else if (v && typeof v === 'object') visit(v as Record<string, unknown>, field)
    }
  }
  visit(spec.checks, 'checks')
  if (spec.facts) visit(spec.facts, 'facts')
  return out
}

/**
 * Every problem of a scorecard document, each naming its field (the editor shows them next to the fields); [] when
 * it is valid. Shape errors come first; the rules across fields and the regular expressions are checked once the
 * shape is right.
 */
export function scorecardProblems(value: unknown): ScorecardProblem[] {
  if (!checker.Check(value)) {
    const byField = new Map<string, string>()
    for (const err of checker.Errors(value)) {
      const reason =
        err.value === undefined
          ? 'required'
          : err.message.toLowerCase() === 'unexpected property'
            ? 'unknown field'
            : err.message.toLowerCase()
      if (!byField.has(fieldOf(err.path))) byField.set(fieldOf(err.path), reason)
    }
    return [...byField].map(([field, reason]) => ({ field, reason }))
  }
  const spec = value as ScorecardSpec
  const out: ScorecardProblem[] = []
  if (!CHECK_NAMES.some((n) => (spec.checks[n]?.weight ?? 0) > 0))
    out.push({ field: 'checks', reason: 'at least one check needs a weight above 0' })
  const { detractor_below, promoter_from } = spec.nps ?? {}
  if (detractor_below !== undefined && promoter_from !== undefined && detractor_below > promoter_from)
    out.push({ field: 'nps.detractor_below', reason: 'must not exceed nps.promoter_from' })
  for (const [field, list] of patternLists(spec))
    list.forEach((entry, i) => {
      if (!isRegexEntry(entry)) return
      try {
        new RegExp(entry.slice(1, -1), 'u')
      } catch (err) {
        out.push({ field: `${field}[${i}]`, reason: `invalid regular expression: ${(err as Error).message}` })
      }
    })
  return out
}

/** Validates a parsed scorecard object; `source` names it in errors (a file name). */
export function compileScorecard(value: unknown, source = '(inline)'): Scorecard {
  const [problem] = scorecardProblems(value)
  if (problem) throw new BadInputError(`scorecard ${source}: ${problem.field}: ${problem.reason}`)
  const spec = value as ScorecardSpec
  // Every list has at least one entry (the schema says so), so each compiles to one alternation.
  const patterns = new Map(patternLists(spec).map(([field, list]) => [field, compileWords(list) as RegExp]))
  return { spec, patterns }
}

/** Reads a .json, .yaml or .yml scorecard file. */
export function loadScorecard(file: string): Scorecard {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new BadInputError(`scorecard ${file}: cannot read: ${(err as Error).message}`)
  }
  let value: unknown
  try {
    value = extname(file) === '.json' ? JSON.parse(text) : parseYaml(text)
  } catch (err) {
    throw new BadInputError(
      `scorecard ${file}: not valid ${extname(file) === '.json' ? 'JSON' : 'YAML'}: ${(err as Error).message}`,
    )
  }
  return compileScorecard(value, file)
}

export function defaultScorecardDir(): string {
  return join(rootDir(), 'qa', 'scorecards')
}

const defaults = new Map<string, Scorecard>()

/** The shipped default for a language (mixed text uses the Chinese one: its lists carry English too). */
export function defaultScorecard(language: Language): Scorecard {
  const lang = language === 'en' ? 'en' : 'zh'
  let card = defaults.get(lang)
  if (!card) defaults.set(lang, (card = loadScorecard(join(defaultScorecardDir(), `default.${lang}.yaml`))))
  return card
}
