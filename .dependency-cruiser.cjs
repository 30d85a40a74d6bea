/**
 * The layer map, written once: which folder may import which. `npm test` fails on any violation
 * (cli/layers.test.ts runs `npm run layers`). Tests may wire anything (they import system/system.ts to start a system).
 *
 * Bottom to top:
 *   core/                 events, validation, ids, errors, config, ports, pipeline steps: imports nothing of ours.
 *                         core/contracts/ (through its index.ts) holds the bus messages and the HTTP API's JSON shapes
 *                         that producers, consumers and the web app share
 *   kits/<name>/          shared kits (kits/sim: seeded randomness, time heap; kits/erlang: staffing maths): import
 *                         core/ and kits/ only; other folders use a kit through its index.ts
 *   runtime parts         bus/ ingest/ sink/ live-metrics/ warehouse/ qa/ transcribe/ forecast/ routing/ roster/
 *                         reports/ privacy/ channels/ ocr/ conversations/ assist/
 *                         simulator/ web/
 *   web/app/src/          the browser app: imports only itself, core/contracts and the browser-safe kits (BROWSER)
 *   system/               the composition root: starts the parts and wires them explicitly
 *   cli/, loadtest/       entry points: may import anything
 *   testing/              helpers for tests only
 *
 * Across folders: every folder's index.ts is its public API, and other folders import only that (cli/ also a part's
 * commands.ts); within a folder, files import each other directly.
 */
const PARTS =
  '^(ingest|bus|sink|live-metrics|warehouse|qa|transcribe|forecast|routing|roster|reports|privacy|channels|ocr|conversations|assist|simulator|web)/'
/** A `to` that matches any import of our own code outside `allowed` (node built-ins and packages are always fine). */
const onlyOurs = (allowed) => ({
  pathNot: [allowed, 'node_modules', '^node:'],
  dependencyTypesNot: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
})
const TESTS = '\\.(test|e2e\\.test|browser\\.test)\\.ts$'
/**
 * A folder with a public API: core/ (core/contracts/ is part of it), each kit, web/server and web/app, and every
 * other top-level folder. The capture group is the folder, for the `$1` in 'folders-through-their-index'.
 */
const FOLDER = '^(core|kits/[^/]+|web/[^/]+|[^/]+)/'
/** The files other folders may import: a folder's index.ts (core/contracts has its own). */
const PUBLIC = ['^[^/]+/index\\.ts$', '^(core|kits|web)/[^/]+/index\\.ts$']
/** Our own code (everything else is a package or a node built-in). */
const OURS =
  '^(core|kits|bus|ingest|sink|live-metrics|warehouse|qa|transcribe|forecast|routing|roster|reports|privacy|channels|ocr|conversations|assist|simulator|web|system|cli|loadtest|testing)/'
/** Tests, their helpers and fixtures, and the browser app (checked by its own rule) may reach into other folders. */
const TEST_CODE = [TESTS, '^testing/', '/test-helpers/', '/fixtures/', '^web/app/']
/** cli/ also imports each part's commands.ts: declarations only, so `mofang --help` loads no part. */
const COMMANDS = '^([^/]+|web/server)/commands\\.ts$'
/** What vite bundles into the browser app from outside web/app: plain data and pure code, no node built-ins. */
const BROWSER_SHARED = 'core/contracts|kits/erlang'
const BROWSER = `^(${BROWSER_SHARED})/`

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'a cycle makes two files one unit; split the shared part out',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-the-bottom',
      severity: 'error',
      comment: 'core/ holds the contracts everything else builds on: it imports only core/ and packages',
      from: { path: '^core/', pathNot: TESTS },
      to: onlyOurs('^core/'),
    },
    {
      name: 'contracts-through-their-index',
      severity: 'error',
      comment: "core/contracts/index.ts is the contracts' public API: from outside core/contracts, import that",
      from: { path: '^(?!core/contracts/)' },
      to: { path: '^core/contracts/', pathNot: '^core/contracts/index\\.ts$' },
    },
    {
      name: 'folders-through-their-index',
      severity: 'error',
      comment:
        "a folder's index.ts is its public API: from another folder, import that and nothing else in it (tests and their helpers, and testing/, may reach in)",
      from: { path: FOLDER, pathNot: [...TEST_CODE, '^cli/'] },
      to: { path: OURS, pathNot: ['^$1/', ...PUBLIC] },
    },
    {
      name: 'cli-through-index-or-commands',
      severity: 'error',
      comment:
        "cli/ imports a folder's index.ts, or a part's commands.ts (declarations only, so `mofang --help` loads no part)",
      from: { path: '^(cli)/', pathNot: TEST_CODE },
      to: { path: OURS, pathNot: ['^$1/', ...PUBLIC, COMMANDS] },
    },
    {
      name: 'kits-sit-on-core',
      severity: 'error',
      comment: 'kits/ holds building blocks shared by the runtime parts: it imports only core/, kits/ and packages',
      from: { path: '^kits/', pathNot: TESTS },
      to: onlyOurs('^(core|kits)/'),
    },
    {
      name: 'kits-through-their-index',
      severity: 'error',
      comment: "a kit's index.ts is its public API: from outside the kit, import that and nothing else in it",
      from: { path: '^(?!kits/)' },
      to: { path: '^kits/[^/]+/', pathNot: '^kits/[^/]+/index\\.ts$' },
    },
    {
      name: 'app-imports-only-contracts-and-browser-kits',
      severity: 'error',
      comment:
        'web/app gets the server shapes from core/contracts and shared maths from browser-safe kits, never from a part ' +
        '(cli/app-imports.test.ts also checks the type-only imports of .svelte files, which depcruise does not see)',
      from: { path: '^web/app/src/' },
      to: onlyOurs(`^(web/app/src|${BROWSER_SHARED})/`),
    },
    {
      name: 'browser-code-has-no-node-built-ins',
      severity: 'error',
      comment: 'core/contracts and the browser kits are bundled into the web app: no node: modules',
      from: { path: BROWSER, pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'parts-do-not-import-the-entry-points',
      severity: 'error',
      comment:
        'cli/, system/ and loadtest/ sit on top: a runtime part gets what it needs handed over, or from core/ and kits/',
      from: { path: PARTS, pathNot: TESTS },
      to: { path: '^(cli|system|loadtest)/' },
    },
    {
      name: 'only-tests-import-testing',
      severity: 'error',
      comment: 'testing/ is for tests (and benchmarks); shipped code must not depend on it',
      from: { pathNot: [TESTS, '^testing/', '^loadtest/'] },
      to: { path: '^testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|data|web/app/node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs'],
    },
  },
}
