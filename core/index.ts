/**
 * The public API of core/ (the bottom layer: the event model and its validation, ids, errors, settings, the ports
 * (Warehouse, NatsLink, Topology), the pipeline step runner and the service contract. core/contracts has its own index
 * (bus messages and HTTP shapes)).
 * Other folders import only this file.
 */
export { compiledSibling, rootDir } from './compiled.js'
export { SETTINGS, describeSettings, loadConfig, parseApiKeys, parseList } from './config.js'
export type { Config } from './config.js'
export {
  BadInputError,
  ConfigError,
  MigrationError,
  MofangError,
  NatsUnavailableError,
  WarehouseError,
} from './errors.js'
export {
  CHANNELS,
  IDENTITY_KINDS,
  LIVE_CHAT_CHANNELS,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  MAX_INLINE_ATTACHMENT_BYTES,
  MESSAGING_CHANNELS,
  SCHEMA_VERSION,
  SERVICE_FAMILIES,
  emittedByServices,
  eventJsonSchema,
  subjectOf,
} from './events.js'
export type { Attachment, Channel, IdentityKind, IncomingEvent, StoredEvent } from './events.js'
export { digest, newId } from './ids.js'
export { forEachMatch } from './matches.js'
export { boundedMemo } from './memo.js'
export { Counters, dlq, drop, ok, pipeline } from './pipeline.js'
export type { Drop } from './pipeline.js'
export type { NatsLink, Params, RawInsertOptions, Topology, Warehouse } from './ports.js'
export { retryWithBackoff } from './retry.js'
export { namedService } from './service.js'
export type { Handler, HealthCheck, Service, ServiceContext, ServiceFactory, SystemParts } from './service.js'
export { DEFAULT_TS_RANGE, idProblem, validateEvent } from './validate.js'
export type { FieldError, TsRange } from './validate.js'
export { createYielder } from './yield.js'
