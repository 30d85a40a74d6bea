/**
 * The group rules of MOFANG_ALARM_RULES: threshold alarm rules not tied to a wall, for every tenant or for one.
 * A small text format, one rule per line (or separated by `;`), `#` starting a comment:
 *
 *   sl-low: sl_pct queue:* below 80 for 5m clear 2m critical
 *   long-wait: longest_wait_s queue:* above 120 for 1m warning
 *   [acme]
 *   vip-wait: waiting queue:vip above 3 for 30s critical
 *
 * `id: metric scope above|below threshold [window 15m|30m|60m|today] [for D] [clear D] critical|warning`; scope is
 * `tenant` or `queue|channel|team:<name or *>`; D is seconds (`90`, `90s`) or minutes (`5m`). Rules before any
 * `[tenant]` line are every tenant's; those after it that tenant's too (one of its own replaces an every-tenant rule
 * of the same id). The value is a file of such lines when it holds no `:`; `none` = no group rules; unset = the
 * demo rules below.
 */
import { readFileSync } from 'node:fs'
import { ConfigError, type Config } from '../core/index.js'
import {
  ALARM_METRICS,
  alarmRuleProblem,
  WALL_WINDOWS,
  type AlarmMetric,
  type AlarmRule,
} from '../core/contracts/index.js'

const VARIABLE = 'MOFANG_ALARM_RULES'

/** SL below target for 5 min, a caller waiting over 2 min, CSAT falling, a queue with callers and no agent ready. */
export const DEMO_ALARM_RULES = `
  sl-low: sl_pct queue:* below 80 for 5m clear 5m critical
  long-wait: longest_wait_s queue:* above 120 for 1m clear 2m warning
  csat-falling: csat_pct tenant below 75 window 60m for 10m clear 10m warning
  no-agent-ready: agents_ready queue:* below 1 for 1m clear 1m critical
`

/** The group rules of each tenant. */
export interface GroupRules {
  rulesOf(tenant: string): AlarmRule[]
}

const WINDOWS: readonly string[] = [...WALL_WINDOWS, 'today']
const RULE = /^([A-Za-z0-9_-]{1,64})\s*:\s*(.+)$/

/** MOFANG_ALARM_RULES as each tenant's rules; throws a ConfigError naming the variable and the line. */
export function alarmGroupRules(config: Pick<Config, 'alarmRules'>): GroupRules {
  const raw = config.alarmRules?.trim() || DEMO_ALARM_RULES
  if (raw === 'none') return { rulesOf: () => [] }
  return parseGroupRules(raw.includes(':') ? raw : readRulesFile(raw))
}

function readRulesFile(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (err) {
    throw new ConfigError(VARIABLE, `cannot read the rules file ${path}: ${(err as Error).message}`)
  }
}

export function parseGroupRules(text: string): GroupRules {
  const every = new Map<string, AlarmRule>()
  const own = new Map<string, Map<string, AlarmRule>>()
  let section = every
  text
    .split(/[;\n]/)
    .map((line) => line.replace(/#.*$/, '').trim())
    .forEach((line, i) => {
      if (!line) return
      const tenant = /^\[([a-z0-9][a-z0-9_-]*)\]$/.exec(line)?.[1]
      if (tenant) return void (section = own.get(tenant) ?? own.set(tenant, new Map()).get(tenant)!)
      const rule = parseRule(line, `rule ${i + 1} ("${line}")`)
      if (section.has(rule.id)) throw new ConfigError(VARIABLE, `rule ${i + 1}: the id ${rule.id} is used twice`)
      section.set(rule.id, rule)
    })
  return { rulesOf: (tenant) => [...new Map([...every, ...(own.get(tenant) ?? [])]).values()] }
}

function parseRule(line: string, where: string): AlarmRule {
  const bad = (reason: string) => new ConfigError(VARIABLE, `${where}: ${reason}`)
  const m = RULE.exec(line)
  if (!m) throw bad('expected "id: metric scope above|below threshold …" (id: letters, digits, - and _)')
  const [metric, scope, op, threshold, ...rest] = m[2].split(/\s+/)
  if (!ALARM_METRICS.includes(metric as AlarmMetric))
    throw bad(`unknown metric "${metric}" (one of ${ALARM_METRICS.join(', ')})`)
  const [kind, name] = (scope ?? '').split(':')
  if (!['tenant', 'queue', 'channel', 'team'].includes(kind))
    throw bad(`expected a scope such as tenant, queue:* or channel:voice, got "${scope ?? ''}"`)
  if (op !== 'above' && op !== 'below') throw bad(`expected above or below, got "${op ?? ''}"`)
  if (!/^-?\d+(\.\d+)?$/.test(threshold ?? ''))
    throw bad(`expected a number as the threshold, got "${threshold ?? ''}"`)
  const rule: AlarmRule = {
    id: m[1],
    metric: metric as AlarmMetric,
    scope: name === undefined ? { kind: kind as 'tenant' } : { kind: kind as AlarmRule['scope']['kind'], name },
    op,
    threshold: Number(threshold),
    severity: 'warning',
  }
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i]
    if (word === 'critical' || word === 'warning') rule.severity = word
    else if (word === 'window' && WINDOWS.includes(rest[i + 1])) rule.window = rest[++i]
    else if (word === 'for' || word === 'clear') rule[word === 'for' ? 'for_s' : 'clear_s'] = seconds(rest[++i], bad)
    else throw bad(`unexpected "${word}" (window ${WINDOWS.join('|')}, for D, clear D, critical or warning)`)
  }
  const problem = alarmRuleProblem(rule)
  if (problem) throw bad(`${problem.field}: ${problem.reason}`)
  return rule
}

function seconds(word: string | undefined, bad: (reason: string) => ConfigError): number {
  const m = /^(\d+)(s|m)?$/.exec(word ?? '')
  if (!m) throw bad(`expected a duration such as 90, 90s or 5m, got "${word ?? ''}"`)
  return Number(m[1]) * (m[2] === 'm' ? 60 : 1)
}
