/** The wallboard server module: one node:http handler for the API, the live stream and the app. */
export { createWallboardHandler } from './handler.js';
export { wallboardService } from './service.js';
export { openWallStore, WallConflict } from './wall-store.js';
export { wallAlarmRules } from './alarms-rules.js';
//# sourceMappingURL=index.js.map