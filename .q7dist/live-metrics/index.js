/**
 * Live contact-centre metrics: a pure engine fed with StoredEvents, read as per-tenant snapshots, and the threshold
 * alarms judged on them.
 */
export { createLiveMetrics } from './engine.js';
export { localDate, dayStartOf } from './clock.js';
export { localMidnight } from './clock.js';
export { DEFAULT_SL_CHAT, DEFAULT_SL_VOICE } from './options.js';
export { liveMetricsService } from './service.js';
export { alarmGroupRules } from './alarms-settings.js';
export { listAlarms } from './alarms-store.js';
//# sourceMappingURL=index.js.map