import { describe, it, expect } from 'vitest'
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { readFileSync } from 'node:fs'
import { compileScorecard, defaultScorecard, defaultScorecardDir, loadScorecard, ScorecardSchema } from './scorecard.js'
import { QA_CHECK_IDS } from '../core/contracts/index.js'

const base = () => parse(readFileSync(join(defaultScorecardDir(), 'default.en.yaml'), 'utf8'))

describe('scorecards', () => {
  it('has exactly the shared check ids as its checks, in order', () => {
    expect(Object.keys(ScorecardSchema.properties.checks.properties)).toEqual([...QA_CHECK_IDS])
  })

  it('ships valid zh and en defaults', () => {
    expect(defaultScorecard('zh').spec.id).toBe('default-zh')
    expect(defaultScorecard('en').spec.id).toBe('default-en')
    expect(defaultScorecard('mixed').spec.id).toBe('default-zh')
  })

  it('names the field of a wrong type', () => {
    const card = base()
    card.checks.blame.weight = 'lots'
    expect(() => compileScorecard(card, 'x.yaml')).toThrow(/scorecard x\.yaml: checks\.blame\.weight: expected number/)
  })

  it('names a missing required field', () => {
    const card = base()
    delete card.checks.greeting.within_agent_turns
    expect(() => compileScorecard(card, 'x.yaml')).toThrow(/checks\.greeting\.within_agent_turns: required/)
  })

  it('names an unknown field', () => {
    const card = base()
    card.checks.closing.phrasess = ['bye']
    expect(() => compileScorecard(card, 'x.yaml')).toThrow(/checks\.closing\.phrasess: unknown field/)
  })

  it('names a broken regular expression with its index', () => {
    const card = base()
    card.checks.blame.phrases = ['fine', '/(unclosed/']
    expect(() => compileScorecard(card, 'x.yaml')).toThrow(/checks\.blame\.phrases\[1\]: invalid regular expression/)
  })

  it('rejects a scorecard where no check carries weight', () => {
    const card = base()
    for (const c of Object.values(card.checks) as { weight: number }[]) c.weight = 0
    expect(() => compileScorecard(card, 'x.yaml')).toThrow(/at least one check needs a weight/)
  })

  it('loads JSON and YAML files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qa-card-'))
    mkdirSync(join(dir, 'acme'))
    writeFileSync(join(dir, 'acme', 'default.json'), JSON.stringify({ ...base(), id: 'acme' }))
    writeFileSync(
      join(dir, 'acme', 'vip.yaml'),
      'id: acme-vip\nversion: 3\nlanguage: any\nchecks:\n  blame: { weight: 1, phrases: [not my job] }\n',
    )
    expect(loadScorecard(join(dir, 'acme', 'default.json')).spec.id).toBe('acme')
    expect(loadScorecard(join(dir, 'acme', 'vip.yaml')).spec.version).toBe(3)
    writeFileSync(join(dir, 'bad.yaml'), 'id: [unclosed')
    expect(() => loadScorecard(join(dir, 'bad.yaml'))).toThrow(/not valid YAML/)
  })
})
