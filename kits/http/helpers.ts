/** Small node:http helpers shared by the ingest API and the other HTTP handlers. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { idProblem } from '../../core/validate.js'

export type { Handler } from '../../core/service.js'

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}

export class BodyTooLarge extends Error {}

/** Reads the whole body, refusing more than `limit` bytes (checked against Content-Length first). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new BodyTooLarge()
    chunks.push(chunk)
  }
  return Buffer.concat(chunks, size)
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization
  if (!auth) return undefined
  const m = /^Bearer\s+(\S+)$/i.exec(auth)
  return m?.[1]
}

/**
 * Bad request data (a query parameter, an id in the path): a client error, never a 500. The main server
 * (server.ts beside it) answers it with 400 `{ error: '<field>: <reason>', reason, field }`.
 */
export class BadRequest extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`)
    this.name = 'BadRequest'
  }
}

export interface IntParamOptions {
  min: number
  max: number
  /** Used when the parameter is absent or empty. */
  default: number
}

// Plain decimal digits only: Number() would also take 1e9, 0x10, ' 5' and Infinity.
const WHOLE_NUMBER = /^-?\d{1,15}$/
const quoted = (raw: string) => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw)

/** A whole-number query parameter within [min, max]; anything else throws BadRequest naming the parameter. */
export function intParam(url: URL, name: string, opts: IntParamOptions): number {
  const raw = url.searchParams.get(name)
  if (raw === null || raw === '') return opts.default
  const range = `a whole number from ${opts.min} to ${opts.max}`
  if (!WHOLE_NUMBER.test(raw)) throw new BadRequest(name, `expected ${range}, got ${quoted(raw)}`)
  const n = Number(raw)
  if (n < opts.min || n > opts.max) throw new BadRequest(name, `expected ${range}, got ${n}`)
  return n
}

/**
 * An id from a path segment (still percent-encoded) or a query value: decoded without throwing, and held to
 * the event id rule (core/validate.ts idProblem), so it is refused with 400 before reaching a query.
 */
export function idFrom(raw: string, field: string, opts: { encoded?: boolean; maxLength?: number } = {}): string {
  let id = raw
  if (opts.encoded) {
    try {
      id = decodeURIComponent(raw)
    } catch {
      throw new BadRequest(field, 'malformed percent-encoding')
    }
  }
  const problem = idProblem(id, opts.maxLength ?? 128)
  if (problem) throw new BadRequest(field, problem)
  return id
}

/**
 * Whether `req.url` parses as a URL. Node accepts request targets such as `//` or `//[` that `new URL()`
 * refuses; the server answers those 400 before any handler parses them.
 */
export function parsableUrl(req: IncomingMessage): boolean {
  try {
    new URL(req.url ?? '/', 'http://localhost')
    return true
  } catch {
    return false
  }
}
