/**
 * Erlang C and A queueing maths and the staffing built on it: how many agents a load needs for a service
 * target (for chats, several at once per agent: chat.ts), and the per-interval plan of a forecast. Pure and
 * platform-neutral (no node built-ins): the forecast part, the routing simulation's checks and the web app's planner
 * worker run the same code.
 */
export { erlangs, erlangB, erlangC, erlangCMeasures, erlangAMeasures } from './erlang.js';
export { chatMeasures, chatHandleTime, DEFAULT_SLOWDOWN, MAX_CONCURRENCY } from './chat.js';
export { requiredAgents, staff, staffingPlan, } from './staffing.js';
//# sourceMappingURL=index.js.map