/**
 * The HTTP kit: the one server of a Mofang process (server.ts), the route table every service declares its API
 * with (routes.ts), and the request helpers every handler uses: JSON answers and bodies, bounded bodies, bearer
 * tokens, validated parameters and ids, and the one error answer (helpers.ts).
 *
 * Every HTTP error answer of Mofang has one shape:
 *
 *   { "error": "<snake_case code>", "reason": "<a sentence for people, naming the field>", "field": "<field>" }
 *
 * `error` is for programs (`bad_request`, `unauthorized`, `forbidden`, `not_found`, `method_not_allowed`,
 * `payload_too_large`, `unsupported_media_type`, `unavailable`, `internal`, …), `reason` for people
 * (`limit: expected a whole number from 1 to 10000, got -1`), and `field` (only when one is at fault) names the
 * query parameter, path segment or body field. A handler throws `HttpError(status, code, reason, field?)` or
 * `BadRequest(field, reason)` (400 `bad_request`) anywhere; the route table or the server answers it.
 * A 405 carries an `Allow` header. A failure that is no HttpError is logged and answered 500 `internal`.
 */
export * from './helpers.js'
export * from './routes.js'
export * from './server.js'
export * from './event-streams.js'
