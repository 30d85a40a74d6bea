/**
 * npm runs a script through `sh -c`, and a SIGTERM sent to npm (by `timeout`, a supervisor or a container stop)
 * kills that shell but not what it started: without `exec`, `npm start` would leave Mofang running, orphaned.
 * With `exec` the shell becomes the node process, which passes the signal on (scripts/exec-child.mjs) and drains.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { rootDir } from '../core/compiled.js'

const scripts = JSON.parse(readFileSync(join(rootDir(), 'package.json'), 'utf8')).scripts as Record<string, string>

it.each(Object.entries(scripts).filter(([, command]) => /\bnode\b/.test(command)))(
  'npm run %s hands over to its last node process with exec',
  (_, command) => {
    expect(command).toMatch(/(^|&& )exec node [^&;|]*$/)
  },
)
