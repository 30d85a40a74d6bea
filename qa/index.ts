/**
 * The public API of qa/ (quality inspection: scoring an interaction (checks, scorecards, models), the scoring worker
 * pool and the QA service with its transcript hook).
 * Other folders import only this file.
 */
export { hanShare } from './language.js'
export type { Language } from './language.js'
export { scoreInteraction } from './pipeline.js'
export { createQaPool } from './pool.js'
export { defaultScorecard } from './scorecard.js'
export { sentimentModel } from './sentiment/model.js'
export { qaService } from './service.js'
export type { QaService } from './service.js'
export type { AudioStats, Interaction, Turn } from './types.js'
