/** Live contact-centre metrics: a pure engine fed with StoredEvents, read as per-tenant snapshots. */
export { createLiveMetrics, type LiveMetrics, type ApplyResult } from './engine.js'
export type { LiveMetricsOptions, ServiceLevelOptions } from './options.js'
export { localDate, dayStartOf } from './clock.js'
export { localMidnight } from './clock.js'
export { DEFAULT_SL_CHAT, DEFAULT_SL_VOICE } from './options.js'
export { liveMetricsService } from './service.js'
