/**
 * The public API of testing/ (helpers for tests and benchmarks).
 * Other folders import only this file.
 */
export { launchChromium } from './browser.js';
export { TEST_KEY, TEST_TENANT, tempDir, testConfig, uniqueNamespace } from './env.js';
//# sourceMappingURL=index.js.map