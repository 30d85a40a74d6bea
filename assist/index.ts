/**
 * The public API of assist/ (agent assist: the knowledge base in NATS KV with its search (BM25 over jieba terms plus
 * exact error-code and product matches), its import, knowledge suggestions for open conversations, one-click send,
 * the draft check, and the assist service with its HTTP + SSE API).
 * Other folders import only this file.
 */
export { checkDraft, draftChecker, type DraftChecker } from './check.js'
export { KnowledgeIndex, type SuggestOptions } from './search.js'
export { seedArticles } from './seed.js'
export { assistService, type AssistServiceOptions } from './service.js'
export { customerProfile, maskIdentity } from './profile.js'
export { profileRoutes, READS_PROFILE, type ProfileRoutesDeps } from './profile-routes.js'
