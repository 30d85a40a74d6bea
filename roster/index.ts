/**
 * Shift scheduling: from interval requirements, agents and rules to a week's roster (every agent's shifts with
 * breaks, requirement vs scheduled per interval), solved with HiGHS. `buildRoster(input, options)` is the API
 * (`buildRosterInWorker` on a server's thread); the shapes are in types.ts and the README's "Shift scheduling"
 * section; io.ts reads and writes the files.
 */
export { buildRoster } from './build.js'
export { buildRosterInWorker } from './build-in-worker.js'
export { RosterInputError, RosterInfeasibleError } from './errors.js'
export {
  coverageToCsv,
  parseAgents,
  parseCsv,
  parseRequirementsCsv,
  parseRules,
  rosterInput,
  rosterToCsv,
  rosterToXlsx,
} from './io.js'
export { plannerRules } from './planner-rules.js'
export { syntheticQueueWeek, syntheticWeek, type SyntheticOptions } from './synthetic.js'
export type * from './types.js'
export { adherenceOf, shiftsOnDay, type AdherenceOptions, type DayShift, type StateEvent } from './adherence.js'
