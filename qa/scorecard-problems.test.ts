import { describe, it, expect } from 'vitest'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { defaultScorecardDir, scorecardProblems } from './scorecard.js'
import { readScorecardDir, SCORECARDS_SETTING } from './scorecard-seed.js'
import { tempDir } from '../testing/env.js'

const base = () => parse(readFileSync(join(defaultScorecardDir(), 'default.en.yaml'), 'utf8'))

describe('scorecard validation errors (the editor shows each next to its field)', () => {
  it('has no problem with the shipped scorecards', () => {
    expect(scorecardProblems(base())).toEqual([])
    expect(scorecardProblems(parse(readFileSync(join(defaultScorecardDir(), 'default.zh.yaml'), 'utf8')))).toEqual([])
  })

  it('names every bad field of a draft at once, not only the first', () => {
    const card = base()
    card.checks.blame.weight = 'lots'
    card.checks.greeting.within_agent_turns = 0
    delete card.checks.closing.phrases
    card.checks.sentiment.angry_below = 0.5
    card.checks.dead_air.extra = true
    card.checks.forbidden_words.severity = 'fatal'
    const fields = scorecardProblems(card).map((p) => p.field)
    expect(fields.sort()).toEqual(
      [
        'checks.blame.weight',
        'checks.closing.phrases',
        'checks.dead_air.extra',
        'checks.forbidden_words.severity',
        'checks.greeting.within_agent_turns',
        'checks.sentiment.angry_below',
      ].sort(),
    )
  })

  it('says what is wrong with each field', () => {
    const card = base()
    card.checks.blame.weight = -1
    delete card.checks.closing.phrases
    card.checks.dead_air.extra = true
    card.checks.politeness.polite = []
    const reasons = Object.fromEntries(scorecardProblems(card).map((p) => [p.field, p.reason]))
    expect(reasons['checks.blame.weight']).toMatch(/greater or equal to 0/)
    expect(reasons['checks.closing.phrases']).toBe('required')
    expect(reasons['checks.dead_air.extra']).toBe('unknown field')
    expect(reasons['checks.politeness.polite']).toMatch(/length to be greater or equal to 1/)
  })

  it('names each broken regular expression of a word list by its index', () => {
    const card = base()
    card.checks.blame.phrases = ['fine', '/(unclosed/', 'ok', '/[z-a]/']
    expect(scorecardProblems(card).map((p) => p.field)).toEqual(['checks.blame.phrases[1]', 'checks.blame.phrases[3]'])
    expect(scorecardProblems(card)[0].reason).toMatch(/^invalid regular expression/)
  })

  it('names the rules across fields: some weight, and NPS cuts in order', () => {
    const card = base()
    for (const c of Object.values(card.checks) as { weight: number }[]) c.weight = 0
    card.nps = { detractor_below: 4, promoter_from: 3 }
    expect(scorecardProblems(card)).toEqual([
      { field: 'checks', reason: 'at least one check needs a weight above 0' },
      { field: 'nps.detractor_below', reason: 'must not exceed nps.promoter_from' },
    ])
  })

  it('names an unknown check and a missing required top-level field', () => {
    const card = base()
    card.checks.empathy = { weight: 1 }
    delete card.language
    const fields = scorecardProblems(card).map((p) => p.field)
    expect(fields).toContain('checks.empathy')
    expect(fields).toContain('language')
  })
})

describe(`${SCORECARDS_SETTING} (files read at start)`, () => {
  it('reads <tenant>/<queue>[.<channel>].yaml with its scope, default = any queue', () => {
    const dir = tempDir('qa-seed')
    try {
      mkdirSync(join(dir.path, 'acme'))
      const yaml = readFileSync(join(defaultScorecardDir(), 'default.en.yaml'), 'utf8')
      writeFileSync(join(dir.path, 'acme', 'default.yaml'), yaml)
      writeFileSync(join(dir.path, 'acme', 'vip.wechat.yaml'), yaml)
      writeFileSync(join(dir.path, 'acme', 'notes.txt'), 'not a scorecard')
      const files = readScorecardDir(dir.path)
      expect(files.map((f) => [f.tenant, f.queue, f.channel])).toEqual([
        ['acme', '', ''],
        ['acme', 'vip', 'wechat'],
      ])
    } finally {
      dir.remove()
    }
  })

  it('stops the start with a message naming the setting, the file and the field', () => {
    const dir = tempDir('qa-seed-bad')
    try {
      mkdirSync(join(dir.path, 'acme'))
      const card = base()
      card.checks.blame.weight = 'lots'
      writeFileSync(join(dir.path, 'acme', 'vip.json'), JSON.stringify(card))
      expect(() => readScorecardDir(dir.path)).toThrow(
        new RegExp(`^${SCORECARDS_SETTING}: scorecard .*vip\\.json: checks\\.blame\\.weight: expected number`),
      )
      expect(() => readScorecardDir(join(dir.path, 'missing'))).toThrow(
        new RegExp(`^${SCORECARDS_SETTING}: cannot read the directory`),
      )
      writeFileSync(join(dir.path, 'acme', 'vip.json'), JSON.stringify(base()))
      writeFileSync(join(dir.path, 'acme', 'a.b.c.yaml'), 'x: 1')
      expect(() => readScorecardDir(dir.path)).toThrow(/a\.b\.c\.yaml: expected <queue>\[\.<channel>\]\.yaml/)
    } finally {
      dir.remove()
    }
  })
})
