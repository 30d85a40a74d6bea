/**
 * The admin token: the bearer token a running server writes to its lock file for local commands (`mofang sql`,
 * `mofang report`, `mofang customer`…) and hands to the parts it starts. One check for every route that takes it.
 */
import type { IncomingMessage } from 'node:http'
import { bearerToken, HttpError } from '../http/index.js'
import { sameSecret } from './secrets.js'

/** Whether the request carries the admin token (compared in constant time). */
export function hasAdminToken(req: IncomingMessage, adminToken: string | undefined): boolean {
  const given = bearerToken(req)
  return Boolean(given && adminToken && sameSecret(given, adminToken))
}

/** Refuses (401, naming what is needed) a request without the admin token. */
export function requireAdminToken(req: IncomingMessage, adminToken: string): void {
  if (!hasAdminToken(req, adminToken))
    throw new HttpError(401, 'unauthorized', 'admin token required (Authorization: Bearer <admin token>)')
}
