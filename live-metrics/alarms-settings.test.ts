/** MOFANG_ALARM_RULES: the text format, the demo default, files, and refusals that name the variable and the rule. */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../testing/env.js'
import { alarmGroupRules, parseGroupRules } from './alarms-settings.js'

const dir = tempDir('alarm-rules')
afterAll(() => dir.remove())

describe('MOFANG_ALARM_RULES', () => {
  it('reads rules with their options, every tenant first, then a tenant of its own', () => {
    const rules = parseGroupRules(`
      # the floor
      sl-low: sl_pct queue:* below 80 for 5m clear 2m critical
      long-wait: longest_wait_s queue:repair above 120
      [acme]
      sl-low: sl_pct channel:voice below 85 window 15m for 90s warning; csat: csat_pct tenant below 75 window today
    `)
    expect(rules.rulesOf('other')).toEqual([
      {
        id: 'sl-low',
        metric: 'sl_pct',
        scope: { kind: 'queue', name: '*' },
        op: 'below',
        threshold: 80,
        for_s: 300,
        clear_s: 120,
        severity: 'critical',
      },
      {
        id: 'long-wait',
        metric: 'longest_wait_s',
        scope: { kind: 'queue', name: 'repair' },
        op: 'above',
        threshold: 120,
        severity: 'warning',
      },
    ])
    expect(rules.rulesOf('acme').map((r) => [r.id, r.scope, r.window, r.for_s])).toEqual([
      ['sl-low', { kind: 'channel', name: 'voice' }, '15m', 90],
      ['long-wait', { kind: 'queue', name: 'repair' }, undefined, undefined],
      ['csat', { kind: 'tenant' }, 'today', undefined],
    ])
  })

  it('gives the demo rules when unset, none for "none", and reads a file', () => {
    expect(
      alarmGroupRules({ alarmRules: undefined })
        .rulesOf('demo')
        .map((r) => r.id),
    ).toEqual(['sl-low', 'long-wait', 'csat-falling', 'no-agent-ready'])
    expect(alarmGroupRules({ alarmRules: 'none' }).rulesOf('demo')).toEqual([])
    const file = join(dir.path, 'rules.txt')
    writeFileSync(file, 'wait: waiting tenant above 10 critical\n')
    expect(alarmGroupRules({ alarmRules: file }).rulesOf('x')[0]).toMatchObject({ id: 'wait', threshold: 10 })
  })

  it.each([
    ['sl: sl tenant below 80', /MOFANG_ALARM_RULES: rule 1 .*unknown metric "sl"/],
    ['sl: sl_pct floor below 80', /expected a scope/],
    ['sl: sl_pct queue below 80', /scope\.name: required for a queue rule/],
    ['sl: sl_pct tenant under 80', /expected above or below/],
    ['sl: sl_pct tenant below eighty', /expected a number/],
    ['sl: sl_pct tenant below 80 for 5h', /expected a duration/],
    ['sl: sl_pct tenant below 80 loudly', /unexpected "loudly"/],
    ['qa: qa_avg queue:* below 80', /scope\.kind: qa_avg exists for tenant rows only/],
    ['a: waiting tenant above 1; a: waiting tenant above 2', /rule 2: the id a is used twice/],
    ['just words', /expected "id: metric scope/],
  ])('refuses %s', (text, message) => {
    expect(() => parseGroupRules(text)).toThrow(message)
  })

  it('refuses a file it cannot read, naming it', () => {
    expect(() => alarmGroupRules({ alarmRules: join(dir.path, 'missing.txt') })).toThrow(
      /MOFANG_ALARM_RULES: cannot read the rules file .*missing\.txt/,
    )
  })
})
