/**
 * The admin channel behind `mofang customer export|erase` while a server owns the data (chDB allows one owner
 * process), like POST /v1/sql: the admin token of the lock file only, never a cookie, so no browser can reach it.
 *   GET  /v1/admin/customers/:id/export?tenant=T
 *   POST /v1/admin/customers/:id/erase?tenant=T[&dry_run=1]
 * Both are recorded in the audit log as done by `cli:admin`.
 */
import { requireAdminToken } from '../kits/auth/index.js'
import { BadRequest, HttpError, idFrom, routes, type RoutesHandler } from '../kits/http/index.js'
import { CLI_ADMIN } from '../warehouse/index.js'
import { eraseCustomer } from './erase.js'
import { ErasureBlockedError, UnknownCustomerError } from './errors.js'
import { exportCustomer } from './export.js'
import type { DataStores } from './stores.js'

const TENANT = /^[a-z0-9][a-z0-9_-]*$/

export interface CustomerApiDeps extends DataStores {
  adminToken: string
  recordingsDir?: string
  cluster?: string
}

export function customerRoutes(deps: CustomerApiDeps): RoutesHandler {
  const tenantOf = (url: URL) => {
    const tenant = url.searchParams.get('tenant') ?? ''
    if (!TENANT.test(tenant)) throw new BadRequest('tenant', 'expected a tenant name (lower-case letters, digits, _ -)')
    return tenant
  }
  return routes(
    {
      'GET /v1/admin/customers/:id/export': ({ url, params }) =>
        exportCustomer(deps, tenantOf(url), idFrom(params.id, 'customer_id', { encoded: true }), {
          actor: CLI_ADMIN,
          recordingsDir: deps.recordingsDir,
        }),
      'POST /v1/admin/customers/:id/erase': ({ url, params }) =>
        eraseCustomer(deps, tenantOf(url), idFrom(params.id, 'customer_id', { encoded: true }), {
          actor: CLI_ADMIN,
          dryRun: url.searchParams.get('dry_run') === '1',
          recordingsDir: deps.recordingsDir,
          cluster: deps.cluster,
        }),
    },
    {
      guard(req) {
        requireAdminToken(req, deps.adminToken)
        return undefined
      },
      headers: { 'cache-control': 'no-store' },
      unexpected(err) {
        if (err instanceof UnknownCustomerError) return new HttpError(404, 'not_found', err.message)
        if (err instanceof ErasureBlockedError) return new HttpError(409, 'busy', err.message)
        throw err
      },
    },
  )
}
