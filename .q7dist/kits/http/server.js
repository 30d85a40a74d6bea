/**
 * The one HTTP server of a Mofang process: a list of handlers tried in order, answering what none of them
 * owns with 404 `not_found`, an unparsable request target with 400 `bad_request`, an HttpError (BadRequest
 * included) a handler throws with its status, and anything else a handler throws with 500 `internal` (logged,
 * never a crash). Every error answer has the one shape `{ error, reason, field? }` (ErrorAnswer in helpers.ts).
 *
 * Timeouts: a client has HEADERS_TIMEOUT_MS to send its request headers (a connection that drips them is answered
 * 408 and closed; it used to be held 80-130 s), and requestTimeoutMs(maxBodyBytes) for the whole request, so
 * the largest accepted body still arrives over a slow link (MIN_UPLOAD_BYTES_PER_S). Idle keep-alive connections
 * close after 65 s.
 *
 * Cross-site requests: a POST, PUT, PATCH or DELETE whose `Origin` is neither this server's own (the Host it was
 * sent to) nor one of `allowedOrigins` is refused with 403 `cross_origin` before any handler runs, so a page on
 * another site cannot act with a signed-in user's cookie. Requests without `Origin` (curl, the CLI, server-to-server
 * calls with an API key) are not browsers' cross-site requests and pass.
 */
import { createServer } from 'node:http';
import { BadRequest, HttpError, parsableUrl, sendError } from './helpers.js';
/** How long a client may take to send its request headers, ms. */
export const HEADERS_TIMEOUT_MS = 10_000;
/** The slowest upload the request timeout allows for: 64 KiB/s (about 0.5 Mbit/s). */
export const MIN_UPLOAD_BYTES_PER_S = 64 * 1024;
/** The request timeout is never shorter than this, ms. */
const MIN_REQUEST_TIMEOUT_MS = 120_000;
/**
 * How long a whole request may take (headers and body), ms: the largest body at MIN_UPLOAD_BYTES_PER_S, at least
 * 2 minutes. For the default MOFANG_MAX_BODY_BYTES (16 MiB) that is 256 s.
 */
export const requestTimeoutMs = (maxBodyBytes) => Math.max(MIN_REQUEST_TIMEOUT_MS, Math.ceil(maxBodyBytes / MIN_UPLOAD_BYTES_PER_S) * 1000);
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The request's Origin when a browser sent it from another site: not the Host it reached, not allowed. */
export function foreignOrigin(req, allowed) {
    const origin = req.headers.origin;
    if (origin === undefined || !STATE_CHANGING.has(req.method ?? ''))
        return undefined;
    if (allowed.has(origin))
        return undefined;
    try {
        if (new URL(origin).host === req.headers.host)
            return undefined;
    }
    catch {
        // "null" (a sandboxed page, a file) or garbage: foreign
    }
    return origin;
}
export function createHttpServer(handlers, log = () => { }, opts = {}) {
    const headersTimeout = opts.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
    const allowedOrigins = new Set(opts.allowedOrigins ?? []);
    // Node checks the header and request deadlines of every connection at this interval (30 s by default, which is
    // what let slow headers hold a connection for up to 130 s).
    const connectionsCheckingInterval = Math.min(1_000, headersTimeout);
    const server = createServer({ connectionsCheckingInterval }, async (req, res) => {
        // Every handler parses req.url; one that cannot be parsed is the client's error, not each handler's crash.
        if (!parsableUrl(req))
            return sendError(res, new BadRequest('url', 'malformed request target'));
        const foreign = foreignOrigin(req, allowedOrigins);
        if (foreign !== undefined)
            return sendError(res, new HttpError(403, 'cross_origin', `${req.method} from ${foreign} refused (add it to MOFANG_ALLOWED_ORIGINS)`));
        try {
            for (const handle of handlers)
                if (await handle(req, res))
                    return;
            sendError(res, new HttpError(404, 'not_found', `no route for ${req.method} ${req.url?.split('?')[0]}`));
        }
        catch (err) {
            if (err instanceof HttpError && !res.headersSent)
                return sendError(res, err);
            log(`http: ${req.method} ${req.url} failed: ${err.stack ?? err}`);
            if (!res.headersSent)
                sendError(res, new HttpError(500, 'internal', `internal error (${err.message}); see the server log`));
            else
                res.destroy();
        }
    });
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = headersTimeout;
    server.requestTimeout = requestTimeoutMs(opts.maxBodyBytes ?? 16 * 1024 * 1024);
    return server;
}
//# sourceMappingURL=server.js.map