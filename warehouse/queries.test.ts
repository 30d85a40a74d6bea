import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rootDir } from '../core/compiled.js'
import { loadQuery } from './queries.js'

const root = rootDir()
const queryDir = join(root, 'sql', 'queries')
const queryNames = readdirSync(queryDir)
  .filter((f) => f.endsWith('.sql'))
  .map((f) => f.slice(0, -'.sql'.length))
  .sort()

/** The shipped TypeScript: tsconfig.json's folders, tests left out. */
const SOURCE_DIRS: string[] = JSON.parse(readFileSync(join(rootDir(), 'tsconfig.json'), 'utf8')).include
const sources = SOURCE_DIRS.flatMap((dir) =>
  (readdirSync(join(root, dir), { recursive: true }) as string[])
    .filter(
      (f) =>
        f.endsWith('.ts') &&
        !f.endsWith('.d.ts') &&
        !/\.test\.ts$/.test(f) &&
        !f.split(/[\\/]/).includes('node_modules'),
    )
    .map((f) => join(root, dir, f)),
)

describe('named queries (sql/queries)', () => {
  it('has some', () => {
    expect(queryNames.length).toBeGreaterThan(0)
  })

  it.each(queryNames)(
    '%s loads, opens with a header comment naming its parameters, and interpolates nothing',
    (name) => {
      const sql = loadQuery(name)
      expect(sql.length).toBeGreaterThan(0)
      expect(sql.endsWith(';')).toBe(false)
      expect(sql.includes('${')).toBe(false)
      const lines = sql.split('\n')
      const header = lines
        .slice(
          0,
          lines.findIndex((l) => !l.startsWith('--')),
        )
        .join('\n')
      expect(header, 'a -- header comment saying what it returns').not.toBe('')
      const params = new Set([...sql.matchAll(/\{(\w+):[^}]+\}/g)].map((m) => m[1]))
      for (const p of params)
        expect(header, `parameter ${p} is described in the header`).toMatch(new RegExp(`\\b${p}\\b`))
    },
  )

  it('loads once and returns the same text', () => {
    expect(loadQuery(queryNames[0])).toBe(loadQuery(queryNames[0]))
  })

  it('every loadQuery name in the shipped code has its file', () => {
    const used = new Map<string, string[]>()
    for (const file of sources) {
      const text = readFileSync(file, 'utf8')
      const calls = [...text.matchAll(/\bloadQuery\(/g)].length - (/export function loadQuery\(/.test(text) ? 1 : 0)
      const named = [...text.matchAll(/\bloadQuery\(\s*'([^']+)'\s*\)/g)].map((m) => m[1])
      // A name computed at run time could not be checked here: keep them literal.
      expect(named.length, `${relative(root, file)}: every loadQuery call names its query literally`).toBe(calls)
      for (const n of named) used.set(n, [...(used.get(n) ?? []), relative(root, file)])
    }
    expect(used.size).toBeGreaterThan(0)
    const missing = [...used].filter(([n]) => !queryNames.includes(n)).map(([n, files]) => `${n} (${files.join(', ')})`)
    expect(missing).toEqual([])
  })
})
