/**
 * The public API of routing/ (the routing engine, its simulation and the routing service).
 * Other folders import only this file.
 */
export { routingAssignmentFromFile } from './assignment-strategy.js';
export { emptyTenantConfig } from './config.js';
export { RoutingEngine } from './engine.js';
export { routingService } from './service.js';
//# sourceMappingURL=index.js.map