/**
 * The public API of conversations/ (live conversations: every open chat and call per tenant with its live mood,
 * flags and key facts, incidents, the `/api/live/*` and `/api/incidents` routes, ConversationUpdate on NATS).
 * Other folders import only this file.
 */
export { conversationsService, type ConversationsServiceOptions } from './service.js'
export { conversationsSettings, liveWordMatcher, type ConversationsSettings } from './settings.js'
export { MOOD_DEFAULTS, type MoodOptions } from './mood.js'
export { ConversationTracker, type TrackerOptions } from './tracker.js'
