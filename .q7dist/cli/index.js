/**
 * The public API of cli/ (the `mofang` entry point: its V8 flags for launchers).
 * Other folders import only this file.
 */
export { SERVER_NODE_FLAGS } from './node-flags.js';
//# sourceMappingURL=index.js.map