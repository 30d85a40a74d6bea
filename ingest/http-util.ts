/** Small node:http helpers shared by the ingest API and the other HTTP handlers. */
import type { IncomingMessage, ServerResponse } from 'node:http'

export type { Handler } from '../core/service.js'

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers })
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
