export class MofangError extends Error {
    code;
    constructor(code, message, options) {
        super(message, options);
        this.code = code;
        this.name = new.target.name;
    }
}
/** A setting is missing or malformed; `variable` names the environment variable. */
export class ConfigError extends MofangError {
    variable;
    constructor(variable, reason) {
        super('CONFIG', `${variable}: ${reason}`);
        this.variable = variable;
    }
}
/** JetStream did not acknowledge: the caller should answer 503 and the client retry. */
export class NatsUnavailableError extends MofangError {
    constructor(message, cause) {
        super('NATS_UNAVAILABLE', message, { cause });
    }
}
export class WarehouseError extends MofangError {
    constructor(message, cause) {
        super('WAREHOUSE', message, { cause });
    }
}
export class MigrationError extends MofangError {
    file;
    constructor(file, cause) {
        super('MIGRATION', `migration ${file} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
        this.file = file;
    }
}
/** A user-facing input error (CLI flags, files): printed without a stack trace. */
export class BadInputError extends MofangError {
    constructor(message) {
        super('BAD_INPUT', message);
    }
}
//# sourceMappingURL=errors.js.map