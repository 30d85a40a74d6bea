/**
 * The public API of ingest/ (POST /v1/events: validation, admission, the dedup window, identity merge, packing and
 * publishing to JetStream).
 * Other folders import only this file.
 */
export { reserveFor, watchBacklog } from './admission-backlog.js'
export type { BacklogWatch, StreamBacklog } from './admission-backlog.js'
export { DedupWindow } from './dedup.js'
export { SubmitError, createEventsEndpoint } from './events-endpoint.js'
export type { SubmitEvents } from './events-endpoint.js'
export { createIdentityResolver } from './identity.js'
export { packEvents, publishMessages } from './publish.js'
export { redactEvent } from './redaction.js'
