import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { ScorecardVersion } from '../core/contracts/index.js'
import { defaultScorecardDir } from './scorecard.js'
import { SCORECARDS_SETTING, seedScorecards, type SeedFile } from './scorecard-seed.js'
import type { ScorecardStore } from './scorecard-store.js'

/** A store in memory: versions per scope, saves numbered 1, 2, … */
function memoryStore() {
  const saved: ScorecardVersion[] = []
  const store = {
    versions: (_tenant: string, s: { queue: string; channel: string }) =>
      saved.filter((v) => v.queue === s.queue && v.channel === s.channel).reverse(),
    async save(_tenant: string, s: { queue: string; channel: string }, spec: Record<string, unknown>, by: string) {
      const version = store.versions('', s).length + 1
      const v = { ...s, version, spec: { ...spec, id: 'acme/vip/*', version }, saved_by: by, saved_at: 0 }
      saved.push(v)
      return v
    },
  }
  return { store: store as unknown as ScorecardStore, saved }
}

const spec = () => parse(readFileSync(join(defaultScorecardDir(), 'default.zh.yaml'), 'utf8'))
const file = (s: Record<string, unknown>): SeedFile => ({
  tenant: 'acme',
  queue: 'vip',
  channel: '',
  file: 'vip.yaml',
  spec: s,
})

describe(`${SCORECARDS_SETTING} seeding`, () => {
  it('stores a new file, skips it unchanged at the next start, and stores it again once it changed', async () => {
    const { store, saved } = memoryStore()
    expect(await seedScorecards(store, [file(spec())])).toEqual(['acme/vip/* v1 from vip.yaml'])
    expect(await seedScorecards(store, [file(spec())])).toEqual([])
    const changed = spec()
    changed.checks.blame.weight = 5
    expect(await seedScorecards(store, [file(changed)])).toEqual(['acme/vip/* v2 from vip.yaml'])
    expect(saved.map((v) => v.saved_by)).toEqual([SCORECARDS_SETTING, SCORECARDS_SETTING])
  })

  it('leaves a manager’s later save alone while the file is unchanged', async () => {
    const { store, saved } = memoryStore()
    await seedScorecards(store, [file(spec())])
    const edited = spec()
    edited.checks.greeting.weight = 50
    await store.save('acme', { queue: 'vip', channel: '' }, edited, 'lin')
    expect(await seedScorecards(store, [file(spec())])).toEqual([])
    expect(saved.map((v) => [v.version, v.saved_by])).toEqual([
      [1, SCORECARDS_SETTING],
      [2, 'lin'],
    ])
  })
})
