/**
 * The public API of system/ (the composition root: startSystem, the default services and `mofang start`).
 * Other folders import only this file.
 */
export { defaultServices } from './services.js';
export { startSystem } from './system.js';
//# sourceMappingURL=index.js.map