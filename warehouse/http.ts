/**
 * Warehouse endpoints of the running server:
 *  - POST /v1/sql: the admin channel behind `mofang sql` while the server owns
 *    the chDB directory (chDB allows one owner process); admin token only.
 *  - GET /v1/customers/<id>/history: a customer's cross-channel history (tenant API key).
 */
import { timingSafeEqual } from 'node:crypto'
import { bearerToken, idFrom, intParam, readBody, sendJson, type Handler } from '../kits/http/index.js'
import type { Warehouse } from './client.js'
import { customerHistory } from './customers.js'
import { runStatement } from './statement.js'

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

export function warehouseHandlers(deps: {
  warehouse: Warehouse
  adminToken: string
  apiKeys: ReadonlyMap<string, string>
}): Handler {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (url.pathname === '/v1/sql') {
      const token = bearerToken(req)
      if (!token || !sameSecret(token, deps.adminToken)) {
        sendJson(res, 401, { error: 'admin token required' })
        return true
      }
      if (req.method !== 'POST') {
        sendJson(res, 405, { error: 'use POST with the query as the body' })
        return true
      }
      const sql = (await readBody(req, 1024 * 1024)).toString('utf8').trim()
      try {
        sendJson(res, 200, { rows: await runStatement(deps.warehouse, sql) })
      } catch (err) {
        sendJson(res, 400, { error: (err as Error).message })
      }
      return true
    }
    const m = /^\/v1\/customers\/([^/]+)\/history$/.exec(url.pathname)
    if (m && req.method === 'GET') {
      const key = bearerToken(req)
      const tenant = key ? deps.apiKeys.get(key) : undefined
      if (!tenant) {
        sendJson(res, 401, { error: 'missing or invalid API key' })
        return true
      }
      // Bad values throw BadRequest (400 naming the parameter); unchecked, limit=-1 reached ClickHouse and came back a 500.
      const customerId = idFrom(m[1], 'customer_id', { encoded: true })
      const limit = intParam(url, 'limit', { min: 1, max: 10_000, default: 1000 })
      sendJson(res, 200, await customerHistory(deps.warehouse, tenant, customerId, limit))
      return true
    }
    return false
  }
}
