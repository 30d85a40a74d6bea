/**
 * Which live metrics instance follows which tenant: rendezvous (highest random weight) hashing of (tenant, member).
 * Every instance computes it on its own from the same member list, with no coordinator: each tenant goes to the member
 * with the highest hash of the pair. It is stable (the same members always give the same owners), and when a member
 * joins it takes only the tenants it now wins (about 1/N of them), when one leaves only its tenants move, each to the
 * member that ranked second for it.
 */
import { createHash } from 'node:crypto'

/** The pair's weight as a fixed-length hex string: compared as strings, they order as the numbers do. */
const weight = (tenant: string, member: string) => createHash('sha256').update(`${tenant}\u0000${member}`).digest('hex')

/** The member that follows the tenant; undefined when there are no members. */
export function ownerOf(tenant: string, members: readonly string[]): string | undefined {
  let best: string | undefined
  let bestWeight = ''
  for (const member of members) {
    const w = weight(tenant, member)
    // A tie (never seen with sha-256) goes to the smaller id, so every instance still agrees.
    if (w > bestWeight || (w === bestWeight && best !== undefined && member < best)) {
      best = member
      bestWeight = w
    }
  }
  return best
}

/** The tenants `member` follows among `tenants`, when `members` are live. */
export const tenantsOf = (member: string, tenants: readonly string[], members: readonly string[]): string[] =>
  tenants.filter((tenant) => ownerOf(tenant, members) === member)
