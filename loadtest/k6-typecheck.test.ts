/** k6 is not installable here, so its script is at least type-checked against @types/k6. */
import { it, expect } from 'vitest'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { rootDir } from '../core/compiled.js'

it('loadtest/k6/ingest.ts type-checks against @types/k6', () => {
  const tsc = join(rootDir(), 'node_modules', 'typescript', 'bin', 'tsc')
  const run = () =>
    execFileSync(process.execPath, [tsc, '-p', join(rootDir(), 'loadtest', 'k6', 'tsconfig.json')], {
      encoding: 'utf8',
    })
  expect(run).not.toThrow()
})
