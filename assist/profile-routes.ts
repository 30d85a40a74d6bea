/**
 * GET /api/customers/:id/profile: the customer profile (profile.ts) for the agent serving them and for those who
 * supervise, review or run the centre, always of the caller's own tenant (a customer of another tenant is 404).
 */
import type { Config } from '../core/index.js'
import { byRole, roleGate, type Caller, type Role } from '../kits/auth/index.js'
import { HttpError, idFrom, routes, type RoutesHandler } from '../kits/http/index.js'
import type { Warehouse } from '../warehouse/index.js'
import { customerProfile } from './profile.js'

/** Who may read a customer's profile. */
export const READS_PROFILE: readonly Role[] = ['agent', 'supervisor', 'qa_reviewer', 'qa_manager', 'admin']

export interface ProfileRoutesDeps {
  warehouse: Warehouse
  config: Config
}

export function profileRoutes(deps: ProfileRoutesDeps): RoutesHandler {
  return routes<Caller>(
    {
      'GET /api/customers/:id/profile': {
        needs: READS_PROFILE,
        async handle({ params, who }) {
          const id = idFrom(params.id, 'customer_id', { encoded: true })
          const profile = await customerProfile(deps.warehouse, who.tenant, id)
          if (!profile) throw new HttpError(404, 'not_found', `no customer ${id}`)
          return profile
        },
      },
    },
    {
      ...byRole(roleGate(deps.config)),
      headers: { 'cache-control': 'no-store' },
      // The warehouse failing: the route is there, its answer is not.
      unexpected: (err) => new HttpError(503, 'unavailable', (err as Error).message),
    },
  )
}
