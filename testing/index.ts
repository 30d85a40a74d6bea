/**
 * The public API of testing/ (helpers for tests and benchmarks).
 * Other folders import only this file.
 */
export { launchChromium } from './browser.js'
export { startNatsCluster } from './nats-cluster.js'
export type { ClusterNode, NatsCluster, NatsClusterOptions } from './nats-cluster.js'
export { TEST_KEY, TEST_TENANT, eventually, tempDir, testConfig, uniqueNamespace } from './env.js'
