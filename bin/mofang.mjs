#!/usr/bin/env node
// Launcher for the compiled CLI. Builds first when the compiled files are missing
// (a fresh clone that ran `npm install` but not `npm start`). `mofang start` runs
// in a child process with the server's V8 flags (dist/cli/node-flags.js).
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { execChild } from '../scripts/exec-child.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const entry = join(root, 'dist', 'cli', 'mofang.js')
if (!existsSync(entry)) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'bootstrap.mjs'), 'build'], {
    stdio: 'inherit',
    cwd: root,
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
if (process.argv[2] === 'start') {
  const { SERVER_NODE_FLAGS } = await import(pathToFileURL(join(root, 'dist', 'cli', 'node-flags.js')).href)
  execChild(process.execPath, [...SERVER_NODE_FLAGS, entry, ...process.argv.slice(2)], process.cwd())
} else {
  await import(entry)
}
