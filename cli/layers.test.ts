/**
 * The layer map (.dependency-cruiser.cjs) holds: no import cycle, core/ imports nothing of ours, runtime parts
 * do not import the entry points, shipped code does not import testing/. A violation fails here with the offending
 * import named.
 */
import { execFileSync } from 'node:child_process'
import { expect, it } from 'vitest'
import { rootDir } from '../core/compiled.js'

it('every import points down the layer map', () => {
  let output = ''
  try {
    output = execFileSync('npm', ['run', '-s', 'layers'], {
      cwd: rootDir(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    })
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string }
    expect.fail(`dependency-cruiser found imports against the layer map:\n${e.stdout ?? ''}${e.stderr ?? ''}`)
  }
  expect(output).toMatch(/no dependency violations found/)
}, 60_000)
