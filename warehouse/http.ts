/**
 * Warehouse endpoints of the running server:
 *  - POST /v1/sql: the admin channel behind `mofang sql` while the server owns
 *    the chDB directory (chDB allows one owner process); admin token only.
 *  - POST /v1/warehouse/*: the Warehouse port for parts run beside this server (owner.ts); admin token only.
 *  - GET /v1/customers/<id>/history: a customer's cross-channel history (tenant API key).
 */
import { requireAdminToken } from '../kits/auth/index.js'
import { bearerToken, HttpError, idFrom, intParam, readBody, routes, type Handler } from '../kits/http/index.js'
import type { Warehouse } from './client.js'
import { customerHistory } from './customers.js'
import { ownerRoutes } from './owner.js'
import { runStatement } from './statement.js'

export function warehouseHandlers(deps: {
  warehouse: Warehouse
  adminToken: string
  apiKeys: ReadonlyMap<string, string>
}): Handler {
  const sql = routes(
    {
      ...ownerRoutes(deps),
      'POST /v1/sql': async ({ req }) => {
        requireAdminToken(req, deps.adminToken)
        const statement = (await readBody(req, 1024 * 1024)).toString('utf8').trim()
        try {
          return { rows: await runStatement(deps.warehouse, statement) }
        } catch (err) {
          throw new HttpError(400, 'bad_request', (err as Error).message)
        }
      },
    },
    // A bearer token, never a cookie, reaches this route: no cross-site form can use it, and the statement is text.
    { bodies: 'any' },
  )
  const history = routes<string>(
    {
      'GET /v1/customers/:id/history': async ({ url, params, who: tenant }) => {
        // Bad values throw BadRequest (400 naming the parameter); unchecked, limit=-1 reached ClickHouse and came
        // back a 500.
        const customerId = idFrom(params.id, 'customer_id', { encoded: true })
        const limit = intParam(url, 'limit', { min: 1, max: 10_000, default: 1000 })
        return customerHistory(deps.warehouse, tenant, customerId, limit)
      },
    },
    {
      guard(req) {
        const key = bearerToken(req)
        const tenant = key ? deps.apiKeys.get(key) : undefined
        if (!tenant) throw new HttpError(401, 'unauthorized', 'missing or invalid API key')
        return tenant
      },
    },
  )
  const handler: Handler = async (req, res) => (await sql(req, res)) || history(req, res)
  return Object.assign(handler, { routes: [...sql.routes, ...history.routes] })
}
