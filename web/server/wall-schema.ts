/**
 * What a saved wall may hold (PUT /api/walls/:id), as a TypeBox schema, and the checks a schema cannot say (ids
 * unique, colour limits the right way round, a rule's scope fitting its metric). Every refusal names its field,
 * e.g. `alarms.1.scope.name: required for a channel rule`, and is thrown as BadRequest(field, reason).
 */
import { Type, type TSchema } from '@sinclair/typebox'
import { TypeCompiler, type ValueError } from '@sinclair/typebox/compiler'
import { CHANNELS } from '../../core/index.js'
import {
  ALARM_METRICS,
  alarmRuleProblem,
  RESERVED_WALL_IDS,
  THRESHOLD_METRICS,
  WALL_ID_PATTERN,
  WALL_PANELS,
  WALL_TILES,
  WALL_WINDOWS,
  type ThresholdMetric,
  type WallInput,
} from '../../core/contracts/index.js'
import { BadRequest } from '../../kits/http/index.js'

const strict = { additionalProperties: false }
const OneOf = <const T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)))
const Name = (max: number) => Type.String({ minLength: 1, maxLength: max })
const Names = (maxItems: number) => Type.Array(Name(64), { maxItems, uniqueItems: true })
const Seconds = (max: number) => Type.Integer({ minimum: 0, maximum: max })
const DAY_S = 86_400

/** One threshold alarm rule (core/contracts/alarms.ts AlarmRule), as a wall carries it. */
const AlarmRuleSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
    metric: OneOf(ALARM_METRICS),
    scope: Type.Object({ kind: OneOf(['tenant', 'queue', 'channel', 'team']), name: Type.Optional(Name(64)) }, strict),
    op: OneOf(['above', 'below']),
    threshold: Type.Number(),
    window: Type.Optional(OneOf([...WALL_WINDOWS, 'today'])),
    for_s: Type.Optional(Seconds(DAY_S)),
    clear_s: Type.Optional(Seconds(DAY_S)),
    severity: OneOf(['critical', 'warning']),
  },
  strict,
)

const Limits = Type.Object({ green: Type.Number(), amber: Type.Number() }, strict)
const STATES = ['ready', 'on_contact', 'wrap_up', 'not_ready', 'offline'] as const

export const WallInputSchema = Type.Object(
  {
    id: Type.String({ pattern: WALL_ID_PATTERN }),
    name: Name(80),
    lang: OneOf(['zh', 'en']),
    window: OneOf(WALL_WINDOWS),
    filter: Type.Object(
      {
        channels: Type.Optional(Type.Array(OneOf(CHANNELS), { maxItems: CHANNELS.length, uniqueItems: true })),
        queues: Type.Optional(Names(100)),
        teams: Type.Optional(Names(100)),
        sites: Type.Optional(Names(50)),
      },
      strict,
    ),
    tiles: Type.Array(OneOf(WALL_TILES), { minItems: 1, maxItems: 12, uniqueItems: true }),
    panels: Type.Array(OneOf(WALL_PANELS), { maxItems: 4, uniqueItems: true }),
    thresholds: Type.Object(Object.fromEntries(THRESHOLD_METRICS.map((m) => [m, Type.Optional(Limits)])), strict),
    agent_board: Type.Object(
      {
        group_by: OneOf(['state', 'team']),
        sort: OneOf(['state', 'team', 'name', 'time_in_state']),
        long_in_state_s: Type.Object(
          Object.fromEntries(STATES.map((s) => [s, Type.Optional(Type.Integer({ minimum: 10, maximum: DAY_S }))])),
          strict,
        ),
      },
      strict,
    ),
    rotation: Type.Optional(
      Type.Object(
        {
          walls: Type.Array(Type.String({ pattern: WALL_ID_PATTERN }), {
            minItems: 1,
            maxItems: 12,
            uniqueItems: true,
          }),
          every_s: Type.Integer({ minimum: 5, maximum: 3600 }),
        },
        strict,
      ),
    ),
    alarms: Type.Array(AlarmRuleSchema, { maxItems: 50 }),
    revision: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  strict,
)

const wallCheck = TypeCompiler.Compile(WallInputSchema)

/** Metrics where more is better: their green limit is at or above the amber one. */
const HIGHER_IS_BETTER: ReadonlySet<ThresholdMetric> = new Set(['sl', 'nps', 'csat', 'qa', 'ticket_sl'])

/** The body as a wall, or BadRequest naming the first field that is wrong. */
export function checkWallInput(body: unknown): WallInput {
  if (!wallCheck.Check(body)) throw fieldError(wallCheck.Errors(body).First())
  const wall: WallInput = body
  if ((RESERVED_WALL_IDS as readonly string[]).includes(wall.id))
    throw new BadRequest('id', `"${wall.id}" is the name of a URL-configured wall; choose another id`)
  for (const [metric, limits] of Object.entries(wall.thresholds) as [
    ThresholdMetric,
    { green: number; amber: number },
  ][]) {
    const higher = HIGHER_IS_BETTER.has(metric)
    if (higher ? limits.green < limits.amber : limits.green > limits.amber)
      throw new BadRequest(
        `thresholds.${metric}.amber`,
        `must be ${higher ? 'at or below' : 'at or above'} green (${limits.green}): ${higher ? 'more' : 'less'} is better`,
      )
  }
  if (wall.rotation?.walls.includes(wall.id))
    throw new BadRequest(`rotation.walls.${wall.rotation.walls.indexOf(wall.id)}`, 'the wall itself comes first anyway')
  const ids = new Set<string>()
  wall.alarms.forEach((rule, i) => {
    if (ids.has(rule.id)) throw new BadRequest(`alarms.${i}.id`, `"${rule.id}" is used by another rule of this wall`)
    ids.add(rule.id)
    // The checks the alarm engine applies to every rule (core/contracts/alarms.ts), here with the rule's place.
    const problem = alarmRuleProblem(rule)
    if (problem) throw new BadRequest(`alarms.${i}.${problem.field}`, problem.reason)
  })
  return wall
}

function fieldError(err: ValueError | undefined): BadRequest {
  if (!err) return new BadRequest('body', 'not a wall')
  const field = err.path.replace(/^\//, '').replaceAll('/', '.') || 'body'
  if (/unexpected property/i.test(err.message)) return new BadRequest(field, 'unknown field')
  if (err.value === undefined) return new BadRequest(field, 'required')
  const choices = literals(err.schema)
  if (choices) return new BadRequest(field, `expected one of ${choices.join(', ')}`)
  if (err.schema.pattern === WALL_ID_PATTERN)
    return new BadRequest(field, 'lower-case letters, digits, - and _, 1-48, starting with a letter or digit')
  return new BadRequest(field, err.message.toLowerCase())
}

/** The values of a union of literals (the schema of `lang`, `tiles[i]` …), else undefined. */
function literals(schema: TSchema): string[] | undefined {
  const any = (schema as { anyOf?: { const?: unknown }[] }).anyOf
  return any?.every((s) => typeof s.const === 'string') ? any.map((s) => s.const as string) : undefined
}
