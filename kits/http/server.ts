/**
 * The one HTTP server of a Mofang process: a list of handlers tried in order,
 * a JSON 404 for the rest, a JSON 400 for bad request data (an unparsable URL, a
 * BadRequest from a handler), and a JSON 500 (never a crash) when a handler throws.
 */
import { createServer, type Server } from 'node:http'
import { BadRequest, parsableUrl, sendJson, type Handler } from './helpers.js'

export function createHttpServer(handlers: Handler[], log: (msg: string) => void = () => {}): Server {
  const server = createServer(async (req, res) => {
    // Every handler parses req.url; one that cannot be parsed is the client's error, not each handler's crash.
    if (!parsableUrl(req))
      return sendJson(res, 400, {
        error: 'url: malformed request target',
        reason: 'malformed request target',
        field: 'url',
      })
    try {
      for (const handle of handlers) if (await handle(req, res)) return
      sendJson(res, 404, { error: `no route for ${req.method} ${req.url?.split('?')[0]}` })
    } catch (err) {
      if (err instanceof BadRequest && !res.headersSent)
        return sendJson(res, 400, { error: err.message, reason: err.reason, field: err.field })
      log(`http: ${req.method} ${req.url} failed: ${(err as Error).stack ?? err}`)
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error', detail: (err as Error).message })
      else res.destroy()
    }
  })
  server.keepAliveTimeout = 65_000
  server.requestTimeout = 120_000
  return server
}

/** Routes by exact path (query string ignored). */
export function route(
  path: string,
  handle: (req: Parameters<Handler>[0], res: Parameters<Handler>[1], url: URL) => Promise<void> | void,
): Handler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname !== path) return false
    await handle(req, res, url)
    return true
  }
}
