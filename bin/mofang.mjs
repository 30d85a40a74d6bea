#!/usr/bin/env node
// Launcher for the compiled CLI. Builds first when the compiled files are missing
// (a fresh clone that ran `npm install` but not `npm start`).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const entry = join(root, 'dist', 'cli', 'mofang.js')
if (!existsSync(entry)) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'bootstrap.mjs'), 'build'], { stdio: 'inherit', cwd: root })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
await import(entry)
