/**
 * Live contact-centre metrics: a pure engine fed with StoredEvents, read as per-tenant snapshots, and the threshold
 * alarms judged on them.
 */
export { createLiveMetrics, type LiveMetrics, type ApplyResult } from './engine.js'
export type { LiveMetricsOptions, ServiceLevelOptions } from './options.js'
export { localDate, dayStartOf } from './clock.js'
export { localMidnight } from './clock.js'
export { DEFAULT_SL_CHAT, DEFAULT_SL_VOICE } from './options.js'
export { liveMetricsService, type LiveServiceOptions } from './service.js'
export { LIVE_INSTANCE_HEADER, type PartitionOptions } from './partitions.js'
export { alarmGroupRules, type GroupRules } from './alarms-settings.js'
export type { AlarmOptions, AlarmRuleSource } from './alarms-runner.js'
export type { RuleSet } from './alarms.js'
export { listAlarms, type AlarmFilter } from './alarms-store.js'
