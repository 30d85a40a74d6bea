/**
 * The route table every HTTP service declares its API with:
 *
 *   routes(
 *     {
 *       'GET /api/qa/queue': { needs: ['qa_reviewer'], handle: ({ url, who }) => queue(who.tenant, url) },
 *       'POST /api/qa/interactions/:id/review': { needs: ['qa_reviewer'], handle: ({ req, params, who }) => … },
 *     },
 *     { prefix: '/api/qa/', ...byRole(roleGate(config)), headers: { 'cache-control': 'no-store' } },
 *   )
 *
 * A value is the handler, or `{ needs, handle }`: the roles (or other grants) the route admits, handed to the guard
 * with the route, so each route declares who may call it next to what it does (`needsRequired` makes that
 * mandatory for every route of the table). The returned handler lists its routes in `routes` (DeclaredRoute), so
 * tests can check every route of a running system.
 *
 * Bodies: a POST, PUT, PATCH or DELETE must send JSON (content-type application/json) or no content type at all,
 * else 415; a cross-site HTML form cannot send JSON (`bodies: 'any'` lifts this for a table that takes other
 * bodies, such as the admin SQL channel behind a bearer token).
 *
 * Keys are `METHOD /path`; a `:name` segment matches one non-empty path segment and reaches the handler in
 * `params`, still percent-encoded (decode and check an id with `idFrom(params.id, 'interaction_id', { encoded: true
 * })`).
 * Where a literal segment and a `:param` both match, the route with more literal segments wins. A HEAD request is
 * answered by the GET route of its path when the table has no HEAD route.
 *
 * The table resolves false for paths it does not know (so the server tries the next handler), except under its
 * `prefix`, which it owns: an unknown path there answers 404 `not_found`. A known path with another method answers
 * 405 `method_not_allowed` with an `Allow` header. Then the guard runs (it returns who calls, or throws an HttpError:
 * 401, 403), then the handler. A handler returns a value, sent as 200 JSON (extra headers: `res.setHeader` first),
 * or writes the response itself (an SSE stream, a file, another status). An HttpError (BadRequest included) thrown
 * anywhere is answered with its status and the one error shape `{ error, reason, field? }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { HttpError, sendError, sendJson, type Handler } from './helpers.js'

export interface RouteContext<Who> {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  /** The `:name` segments of the route's path, still percent-encoded. */
  params: Record<string, string>
  /** What the table's guard returned (undefined without a guard). */
  who: Who
}

/** Returns the answer (sent as 200 JSON), or writes the response itself and returns nothing. */
export type RouteHandler<Who> = (ctx: RouteContext<Who>) => unknown

/** A route with what it needs: the guard gets `needs` (e.g. the roles it admits) with the route's key. */
export interface GuardedRoute<Who> {
  needs: readonly string[]
  handle: RouteHandler<Who>
}

/** One route of a table as declared: its `METHOD /path` key and what it needs (undefined: the guard decides alone). */
export interface DeclaredRoute {
  key: string
  needs?: readonly string[]
}

/** A Handler built by routes(): it lists its routes. */
export type RoutesHandler = Handler & { routes: readonly DeclaredRoute[] }

/** The routes a handler declares (a routes() table, or a handler that combines tables), [] when it declares none. */
export const declaredRoutes = (h: Handler): readonly DeclaredRoute[] => (h as Partial<RoutesHandler>).routes ?? []

export interface RoutesOptions<Who> {
  /** The path prefix the table owns (e.g. '/api/qa/'): unknown paths under it answer 404 instead of resolving false. */
  prefix?: string
  /**
   * Runs once a route matched, before its handler: returns who calls (the handler's `who`) or throws an HttpError.
   * `route` is the matched key, e.g. 'POST /api/qa/backfill'.
   */
  guard?: (req: IncomingMessage, url: URL, route: string, needs: readonly string[] | undefined) => Who | Promise<Who>
  /** Refuse to build a table with a route that does not declare `needs`. Default false. */
  needsRequired?: boolean
  /** What a state-changing request may carry: 'json' (default: JSON or nothing) or 'any'. */
  bodies?: 'json' | 'any'
  /** Headers on every JSON answer of the table, error answers included (e.g. cache-control: no-store). */
  headers?: Record<string, string>
  /**
   * The answer to an error that is no HttpError (log it here if it matters), e.g. 503 `unavailable` when the
   * warehouse fails. Without it the error reaches the server, which logs it and answers 500 `internal`.
   */
  unexpected?: (err: unknown, req: IncomingMessage) => HttpError
}

interface Route<Who> {
  key: string
  method: string
  segments: string[]
  /** Segments that are not `:params`: of two routes matching a path, the one with more wins. */
  literals: number
  needs?: readonly string[]
  handle: RouteHandler<Who>
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const KEY = /^([A-Z]+) (\/\S*)$/

/** Builds one Handler from a table of `METHOD /path` → handler (see the top of this file). */
export function routes<Who = undefined>(
  table: Record<string, RouteHandler<Who> | GuardedRoute<Who>>,
  opts: RoutesOptions<Who> = {},
): RoutesHandler {
  const compiled = Object.entries(table)
    .map(([key, spec]): Route<Who> => {
      const { handle, needs } = typeof spec === 'function' ? { handle: spec, needs: undefined } : spec
      const m = KEY.exec(key)
      if (!m) throw new Error(`route "${key}": expected "METHOD /path"`)
      if (opts.needsRequired && !needs) throw new Error(`route "${key}": declare what it needs ({ needs, handle })`)
      if (opts.prefix && !m[2].startsWith(opts.prefix))
        throw new Error(`route "${key}": the path is outside the table's prefix ${opts.prefix}`)
      const segments = m[2].split('/')
      const literals = segments.filter((x) => !x.startsWith(':')).length
      return { key, method: m[1], segments, literals, needs, handle }
    })
    .sort((a, b) => b.literals - a.literals) // stable: the table's order among equals
  const headers = opts.headers ?? {}

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    let url: URL
    try {
      url = new URL(req.url ?? '/', 'http://localhost')
    } catch {
      return false // the server answers an unparsable request target itself
    }
    const path = url.pathname
    if (opts.prefix && !path.startsWith(opts.prefix)) return false
    const segments = path.split('/')
    const known = compiled.filter((r) => paramsOf(r.segments, segments))
    if (known.length === 0 && !opts.prefix) return false
    try {
      if (known.length === 0) throw new HttpError(404, 'not_found', `no route for ${req.method} ${path}`)
      const method = req.method ?? 'GET'
      const hit =
        known.find((r) => r.method === method) ??
        (method === 'HEAD' ? known.find((r) => r.method === 'GET') : undefined)
      if (!hit) {
        const methods = new Set(known.map((r) => r.method))
        if (methods.has('GET')) methods.add('HEAD')
        const allow = [...methods].join(', ')
        throw new HttpError(405, 'method_not_allowed', `${method} is not allowed on ${path}: use ${allow}`, undefined, {
          allow,
        })
      }
      const params = paramsOf(hit.segments, segments)!
      const who = (opts.guard ? await opts.guard(req, url, hit.key, hit.needs) : undefined) as Who
      if (opts.bodies !== 'any' && STATE_CHANGING.has(method)) refuseNonJson(req)
      const value = await hit.handle({ req, res, url, params, who })
      if (!res.headersSent && !res.writableEnded) sendJson(res, 200, value ?? null, headers)
    } catch (err) {
      const answer = err instanceof HttpError ? err : opts.unexpected?.(err, req)
      if (!answer) throw err
      if (res.headersSent) res.destroy()
      else sendError(res, answer, headers)
    }
    return true
  }
  const declared = compiled.map(({ key, needs }) => ({ key, ...(needs && { needs }) }))
  return Object.assign(handler, { routes: declared })
}

/** 415 for a body that is not JSON: a content type that a cross-site form can send (form, multipart, text). */
function refuseNonJson(req: IncomingMessage): void {
  const type = req.headers['content-type']
  if (type !== undefined && !/^application\/json\s*(;|$)/i.test(type))
    throw new HttpError(415, 'unsupported_media_type', `send JSON (content-type: application/json), not ${type}`)
}

/** The `:name` segments when `path` matches `pattern` (both split on '/'), else undefined. */
function paramsOf(pattern: string[], path: string[]): Record<string, string> | undefined {
  if (pattern.length !== path.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]
    if (p.startsWith(':') && path[i] !== '') params[p.slice(1)] = path[i]
    else if (p !== path[i]) return undefined
  }
  return params
}
