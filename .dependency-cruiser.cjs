/**
 * The layer map, written once: which folder may import which. `npm test` fails on any violation
 * (cli/layers.test.ts runs `npm run layers`). Tests may wire anything (they import system/system.ts to start a system).
 *
 * Bottom to top:
 *   core/                 events, validation, ids, errors, config, ports, pipeline steps: imports nothing of ours
 *   kits/<name>/          shared kits (kits/sim: seeded randomness, time heap): import core/ and kits/ only;
 *                         other folders use a kit through its index.ts
 *   runtime parts         bus/ ingest/ sink/ live-metrics/ warehouse/ qa/ transcribe/ forecast/ routing/ simulator/ web/
 *   system/               the composition root: starts the parts and wires them explicitly
 *   cli/, loadtest/       entry points: may import anything
 *   testing/              helpers for tests only
 */
const PARTS = '^(ingest|bus|sink|live-metrics|warehouse|qa|transcribe|forecast|routing|simulator|web)/'
/** A `to` that matches any import of our own code outside `allowed` (node built-ins and packages are always fine). */
const onlyOurs = (allowed) => ({
  pathNot: [allowed, 'node_modules', '^node:'],
  dependencyTypesNot: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
})
const TESTS = '\\.(test|e2e\\.test|browser\\.test)\\.ts$'

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
