/**
 * The planner page's data (GET /api/planner/data, served by forecast/planner-api.ts, read by the app's planner
 * and its what-if worker). Types only. Times are ms since the epoch unless the name says otherwise.
 */
export {};
//# sourceMappingURL=planner.js.map