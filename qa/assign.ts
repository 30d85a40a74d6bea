/**
 * Reviewer assignment: a QA manager hands interactions (one, or a batch picked on the desk) to a reviewer, whose
 * queue then shows them as "mine" (GET /api/qa/queue?mine=1). Stored in qa_assignments
 * (sql/migrations/0020_qa_assignments.sql), the newest assignment of an interaction counting; an empty reviewer
 * takes it back. The row keeps who assigned it and when, which is the record of it.
 */
import type { AssignAnswer, AssignRequest } from '../core/contracts/index.js'
import { BadRequest, idFrom } from '../kits/http/index.js'
import { loadQuery, type Warehouse } from '../warehouse/index.js'

/** Most interactions one request may assign: a day's sample of a large team, and a bounded IN list. */
export const MAX_ASSIGN = 500

/**
 * The request of POST /api/qa/assign, checked: a reviewer (a MOFANG_USERS user name, so no `:` or `,`; '' to take
 * back) and 1-500 interaction ids held to the id rule. BadRequest naming the field otherwise.
 */
export function assignRequestOf(body: Record<string, unknown>): AssignRequest {
  const { reviewer, ids } = body
  if (typeof reviewer !== 'string' || reviewer.length > 128 || /[:,\s]/.test(reviewer))
    throw new BadRequest('reviewer', "expected a user name (no ':', ',' or spaces), or '' to take the assignment back")
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_ASSIGN)
    throw new BadRequest('ids', `expected 1 to ${MAX_ASSIGN} interaction ids`)
  return {
    reviewer,
    ids: ids.map((id, i) => idFrom(typeof id === 'string' ? id : '', `ids[${i}]`)),
  }
}

/** Stores the assignment of interactions of `tenant` that have a QA result; 400 naming the first that has none. */
export async function assign(wh: Warehouse, tenant: string, by: string, req: AssignRequest): Promise<AssignAnswer> {
  const found = new Set(
    (await wh.query<{ interaction_id: string }>(loadQuery('qa_existing_results'), { tenant, ids: req.ids })).map(
      (r) => r.interaction_id,
    ),
  )
  const missing = req.ids.findIndex((id) => !found.has(id))
  if (missing >= 0) throw new BadRequest(`ids[${missing}]`, 'no QA result for this interaction')
  const now = Date.now()
  await wh.insert(
    'qa_assignments',
    req.ids.map((interaction_id) => ({
      tenant,
      interaction_id,
      assigned_at: now,
      reviewer: req.reviewer,
      assigned_by: by,
    })),
  )
  return { assigned: req.ids.length }
}
