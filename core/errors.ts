/**
 * Typed faults. Bad input is a value (see core/validate.ts); these are for real
 * faults: misconfiguration, an unreachable dependency, a broken invariant.
 */
export type ErrorCode =
  'CONFIG' | 'NATS_UNAVAILABLE' | 'NATS_SERVER_MISSING' | 'WAREHOUSE' | 'MIGRATION' | 'BAD_INPUT' | 'SHUTDOWN'

export class MofangError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.name = new.target.name
  }
}

/** A setting is missing or malformed; `variable` names the environment variable. */
export class ConfigError extends MofangError {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super('CONFIG', `${variable}: ${reason}`)
  }
}

/** JetStream did not acknowledge: the caller should answer 503 and the client retry. */
export class NatsUnavailableError extends MofangError {
  constructor(message: string, cause?: unknown) {
    super('NATS_UNAVAILABLE', message, { cause })
  }
}

export class WarehouseError extends MofangError {
  constructor(message: string, cause?: unknown) {
    super('WAREHOUSE', message, { cause })
  }
}

export class MigrationError extends MofangError {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super('MIGRATION', `migration ${file} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

/** A user-facing input error (CLI flags, files): printed without a stack trace. */
export class BadInputError extends MofangError {
  constructor(message: string) {
    super('BAD_INPUT', message)
  }
}
