import { idProblem } from '../../core/index.js';
export function sendJson(res, status, body, headers = {}) {
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        ...headers,
    });
    res.end(text);
}
export class BodyTooLarge extends Error {
}
/** Reads the whole body, refusing more than `limit` bytes (checked against Content-Length first). */
export async function readBody(req, limit) {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit)
        throw new BodyTooLarge();
    const chunks = [];
    let size = 0;
    for await (const chunk of req) {
        size += chunk.length;
        if (size > limit)
            throw new BodyTooLarge();
        chunks.push(chunk);
    }
    return Buffer.concat(chunks, size);
}
export function bearerToken(req) {
    const auth = req.headers.authorization;
    if (!auth)
        return undefined;
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    return m?.[1];
}
/**
 * A refusal a handler throws anywhere: the route table (routes.ts) or the server (server.ts) answers it with
 * `status` and the error answer above (`message` is its reason), plus `headers` (e.g. `allow` for a 405).
 */
export class HttpError extends Error {
    status;
    code;
    field;
    headers;
    constructor(status, code, reason, field, headers = {}) {
        super(reason);
        this.status = status;
        this.code = code;
        this.field = field;
        this.headers = headers;
        this.name = 'HttpError';
    }
    get answer() {
        return { error: this.code, reason: this.message, ...(this.field !== undefined && { field: this.field }) };
    }
}
/**
 * Bad request data (a query parameter, an id in the path, a body field): a client error, never a 500. Answered
 * 400 `{ error: 'bad_request', reason: '<field>: <reason>', field }`; `reason` here is the problem alone.
 */
export class BadRequest extends HttpError {
    reason;
    constructor(field, reason) {
        super(400, 'bad_request', `${field}: ${reason}`, field);
        this.reason = reason;
        this.name = 'BadRequest';
    }
}
/** Answers `err` with its status and the one error shape (`headers` first, the error's own over them). */
export function sendError(res, err, headers = {}) {
    sendJson(res, err.status, err.answer, { ...headers, ...err.headers });
}
/**
 * A JSON object body of at most `limit` bytes: 415 unless sent as application/json (a cross-site HTML form
 * cannot send that, which keeps CSRF out), 413 when larger, 400 (field `body`) when not a JSON object.
 * `example` shows what to send in the 415 answer.
 */
export async function readJsonObject(req, limit, example) {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        throw new HttpError(415, 'unsupported_media_type', example ? `send JSON: ${example}` : 'send JSON (content-type: application/json)');
    let text;
    try {
        text = (await readBody(req, limit)).toString('utf8');
    }
    catch (err) {
        if (err instanceof BodyTooLarge)
            throw new HttpError(413, 'payload_too_large', `body over ${limit} bytes`);
        throw err;
    }
    try {
        const v = JSON.parse(text);
        if (v && typeof v === 'object' && !Array.isArray(v))
            return v;
    }
    catch {
        // answered below
    }
    throw new BadRequest('body', 'expected a JSON object');
}
// Plain decimal digits only: Number() would also take 1e9, 0x10, ' 5' and Infinity.
const WHOLE_NUMBER = /^-?\d{1,15}$/;
const quoted = (raw) => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);
/** A whole-number query parameter within [min, max]; anything else throws BadRequest naming the parameter. */
export function intParam(url, name, opts) {
    const raw = url.searchParams.get(name);
    if (raw === null || raw === '')
        return opts.default;
    const range = `a whole number from ${opts.min} to ${opts.max}`;
    if (!WHOLE_NUMBER.test(raw))
        throw new BadRequest(name, `expected ${range}, got ${quoted(raw)}`);
    const n = Number(raw);
    if (n < opts.min || n > opts.max)
        throw new BadRequest(name, `expected ${range}, got ${n}`);
    return n;
}
/**
 * An id from a path segment (still percent-encoded) or a query value: decoded without throwing, and held to
 * the event id rule (core/validate.ts idProblem), so it is refused with 400 before reaching a query.
 */
export function idFrom(raw, field, opts = {}) {
    let id = raw;
    if (opts.encoded) {
        try {
            id = decodeURIComponent(raw);
        }
        catch {
            throw new BadRequest(field, 'malformed percent-encoding');
        }
    }
    const problem = idProblem(id, opts.maxLength ?? 128);
    if (problem)
        throw new BadRequest(field, problem);
    return id;
}
/**
 * Whether `req.url` parses as a URL. Node accepts request targets such as `//` or `//[` that `new URL()`
 * refuses; the server answers those 400 before any handler parses them.
 */
export function parsableUrl(req) {
    try {
        new URL(req.url ?? '/', 'http://localhost');
        return true;
    }
    catch {
        return false;
    }
}
/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) as `10.0.0.1`, so one address has one spelling. */
const plainAddress = (a) => (a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a);
/**
 * The client's address: the connecting one, or, when that is one of `trustedProxies` (a reverse proxy such as
 * nginx in front of Mofang), the nearest address in `X-Forwarded-For` that is no trusted proxy. A client can
 * write any `X-Forwarded-For` it likes, so the header counts only from a trusted proxy, read from the right.
 */
export function clientAddress(req, trustedProxies = new Set()) {
    let address = plainAddress(req.socket.remoteAddress ?? 'unknown');
    if (!trustedProxies.has(address))
        return address;
    const hops = String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .map((h) => plainAddress(h.trim()))
        .filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
        address = hops[i];
        if (!trustedProxies.has(address))
            break;
    }
    return address;
}
/**
 * Whether the request reached us over HTTPS: a TLS socket, or `X-Forwarded-Proto: https` from a proxy that ends
 * TLS. Believed from anyone: it only decides whether a cookie is marked `Secure`, which a client that forges it
 * can only use to lose its own session.
 */
export function cameOverHttps(req) {
    if (req.socket.encrypted)
        return true;
    const proto = String(req.headers['x-forwarded-proto'] ?? '');
    return proto.split(',')[0].trim().toLowerCase() === 'https';
}
//# sourceMappingURL=helpers.js.map