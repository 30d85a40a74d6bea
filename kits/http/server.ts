/**
 * The one HTTP server of a Mofang process: a list of handlers tried in order, answering what none of them
 * owns with 404 `not_found`, an unparsable request target with 400 `bad_request`, an HttpError (BadRequest
 * included) a handler throws with its status, and anything else a handler throws with 500 `internal` (logged,
 * never a crash). Every error answer has the one shape `{ error, reason, field? }` (ErrorAnswer in helpers.ts).
 */
import { createServer, type Server } from 'node:http'
import { BadRequest, HttpError, parsableUrl, sendError, type Handler } from './helpers.js'

export function createHttpServer(handlers: Handler[], log: (msg: string) => void = () => {}): Server {
  const server = createServer(async (req, res) => {
    // Every handler parses req.url; one that cannot be parsed is the client's error, not each handler's crash.
    if (!parsableUrl(req)) return sendError(res, new BadRequest('url', 'malformed request target'))
    try {
      for (const handle of handlers) if (await handle(req, res)) return
      sendError(res, new HttpError(404, 'not_found', `no route for ${req.method} ${req.url?.split('?')[0]}`))
    } catch (err) {
      if (err instanceof HttpError && !res.headersSent) return sendError(res, err)
      log(`http: ${req.method} ${req.url} failed: ${(err as Error).stack ?? err}`)
      if (!res.headersSent)
        sendError(res, new HttpError(500, 'internal', `internal error (${(err as Error).message}); see the server log`))
      else res.destroy()
    }
  })
  server.keepAliveTimeout = 65_000
  server.requestTimeout = 120_000
  return server
}
