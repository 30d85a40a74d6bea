/** The simulator's public API: batch generation, the live simulator, and the assignment seam. */
export { generate, generateRun, type GenerateOptions, type GeneratedRun } from './generate.js'
export { startSimulator, type LiveOptions, type LiveStats, type RunningSimulator } from './run.js'
export { Simulation, type SimulationOptions, type GroundTruth, type CustomerTruth, type SimStats } from './engine.js'
export { longestIdle, type AssignmentStrategy, type AgentView, type WaitingView } from './assignment.js'
export { writeNdjson } from './ndjson.js'
export type { SimulatedAgent, Politeness } from './population.js'
export { weatherFactor, type SimWeather } from './weather.js'
export { parseDuration } from './duration.js'
