/** The wallboard server module: one node:http handler for the API, the live stream and the app. */
export { createWallboardHandler, type WallboardHandler, type WallboardHandlerOptions } from './handler.js'
export { wallboardService } from './service.js'
export { openWallStore, WallConflict, type WallStore } from './wall-store.js'
export { wallAlarmRules } from './alarms-rules.js'
