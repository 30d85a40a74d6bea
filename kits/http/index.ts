/**
 * The HTTP kit: the one server of a Mofang process with its route helper and error answers (server.ts), and the
 * request helpers every handler uses: JSON answers, bounded bodies, bearer tokens, validated parameters and ids
 * (helpers.ts).
 */
export * from './helpers.js'
export * from './server.js'
