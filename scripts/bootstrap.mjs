#!/usr/bin/env node
// The one set-up path behind `npm start` and `npm test` on a fresh machine:
// installs what is missing (npm packages, Debian packages when root), builds,
// then starts the system or runs the test suite.
// Plain JavaScript with no dependencies, because it runs before `npm install`.
//
// usage: node scripts/bootstrap.mjs start|test|build [args for the command…]
import { existsSync, statSync, readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { execChild } from './exec-child.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const [mode = 'start', ...rest] = process.argv.slice(2)

/**
 * Debian packages each mode needs, with the binary that proves each is there
 * (null: ask dpkg). Chromium renders the reports' PDF export (and runs the browser
 * tests); the CJK font lets it draw Chinese.
 */
const DEBIAN = {
  start: [
    ['nats-server', 'nats-server'],
    ['ffmpeg', 'ffmpeg'],
    ['chromium', 'chromium'],
    ['fonts-wqy-microhei', null],
  ],
  test: [
    ['nats-server', 'nats-server'],
    ['chromium', 'chromium'],
    ['espeak-ng', 'espeak-ng'],
    ['sox', 'sox'],
    ['ffmpeg', 'ffmpeg'],
    ['fonts-wqy-microhei', null],
  ],
  build: [],
}

function log(msg) {
  process.stderr.write(`[mofang] ${msg}\n`)
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts })
  if (r.error) throw r.error
  if (r.status !== 0) {
    log(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`)
    process.exit(r.status ?? 1)
  }
}

const onPath = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0
const dpkgHas = (pkg) =>
  /install ok installed/.test(spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout ?? '')
const present = ([pkg, bin]) => (bin ? onPath(bin) : !onPath('dpkg-query') || dpkgHas(pkg))
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0)

function ensureNpmPackages() {
  const installed = join(root, 'node_modules', '.package-lock.json')
  // `npm install`, not `npm ci`: @node-rs/jieba lists optional platform packages that the
  // registry does not have, which `npm ci` refuses as an out-of-sync lock file. The lock
  // file still pins every version.
  if (!existsSync(installed)) {
    log('installing npm packages (first run)…')
    run('npm', ['install', '--no-audit', '--no-fund'])
  } else if (mtime(join(root, 'package-lock.json')) > mtime(installed)) {
    log('package-lock.json changed: updating npm packages…')
    run('npm', ['install', '--no-audit', '--no-fund'])
  }
}

function ensureDebianPackages(list) {
  const natsExternal = Boolean(process.env.NATS_URL)
  const missing = list
    .filter((entry) => !(entry[0] === 'nats-server' && natsExternal && mode === 'start') && !present(entry))
    .map(([pkg]) => pkg)
  if (missing.length === 0) return
  const isRoot = process.getuid?.() === 0
  if (!isRoot) {
    log(`missing Debian packages: ${missing.join(' ')}`)
    log(`install them with:  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`)
    if (missing.includes('nats-server')) log('(or set NATS_URL to use an existing NATS server with JetStream)')
    process.exit(1)
  }
  log(`installing Debian packages: ${missing.join(' ')}…`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  run('apt-get', ['update', '-qq'], { env })
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env })
}

function newestSource(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue
    const p = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : mtime(p))
  }
  return newest
}

function build() {
  log('compiling TypeScript…')
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'])
  const app = join(root, 'web', 'app')
  if (existsSync(join(app, 'vite.config.ts'))) {
    const out = join(root, 'dist', 'web-app', 'index.html')
    // The app bundles the shared contracts and browser-safe kits too (see .dependency-cruiser.cjs, BROWSER).
    const sources = [app, join(root, 'core', 'contracts'), join(root, 'kits', 'erlang')]
    if (Math.max(...sources.map(newestSource)) > mtime(out)) {
      log('building the web app…')
      run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: app })
    }
  }
}

ensureNpmPackages()
ensureDebianPackages(DEBIAN[mode] ?? [])
build()
if (mode === 'start') {
  const { SERVER_NODE_FLAGS } = await import(pathToFileURL(join(root, 'dist', 'cli', 'node-flags.js')).href)
  execChild(process.execPath, [...SERVER_NODE_FLAGS, join(root, 'dist', 'cli', 'mofang.js'), 'start', ...rest], root)
} else if (mode === 'test') {
  // Type errors in tests and in the Svelte app fail the suite too (the build checks the rest).
  log('type-checking tests and the wallboard app…')
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.test.json', '--noEmit'])
  run(process.execPath, [
    join(root, 'node_modules/svelte-check/bin/svelte-check'),
    '--workspace',
    'web/app',
    '--output',
    'human',
    '--threshold',
    'error',
  ])
  // Lint and layout are part of the suite: typescript-eslint's rules and prettier's format (`npm run format` fixes it).
  log('linting (eslint, prettier --check)…')
  run(process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), '.'])
  run(process.execPath, [join(root, 'node_modules/prettier/bin/prettier.cjs'), '--check', '--log-level', 'warn', '.'])
  execChild(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...rest], root)
}
