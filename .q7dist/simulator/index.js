/** The simulator's public API: batch generation, the live simulator, and the assignment seam. */
export { generate, generateRun } from './generate.js';
export { startSimulator } from './run.js';
export { Simulation } from './engine.js';
export { longestIdle } from './assignment.js';
export { writeNdjson } from './ndjson.js';
export { weatherFactor } from './weather.js';
export { parseDuration } from './duration.js';
//# sourceMappingURL=index.js.map