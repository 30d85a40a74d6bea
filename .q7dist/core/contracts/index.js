/**
 * The contracts between the parts, and between the server and the web app: the messages on the bus and the
 * JSON the HTTP API answers with. One declaration each, here at the bottom layer; producers, consumers and
 * web/app import them from this file. Plain data and pure functions only (the browser bundle imports it too).
 */
export { EVENTS_HEADER, DAY_HEADER, utcDayOf, encodeEvents, decodeEvents } from './event-batch.js';
export { ALARM_METRICS, GROUP_RULES_OWNER, alarmAckSubject, alarmRuleProblem } from './alarms.js';
export { DEFAULT_AGENT_BOARD, RESERVED_WALL_IDS, THRESHOLD_METRICS, WALL_ID_PATTERN, WALL_PANELS, WALL_TILES, WALL_WINDOWS, } from './walls.js';
export { AUDIT_ACTIONS } from './audit.js';
export { QA_CHECK_IDS } from './qa.js';
export { TICKET_SLA_HOURS } from './snapshot.js';
export { addRows, addSeries, addWindows, ratio1 } from './rows.js';
export { recountCoverage, } from './roster.js';
export { groupAdherence, wallPlanSubject, } from './plan.js';
export * from './report.js';
//# sourceMappingURL=index.js.map