/**
 * The audit log of who did what with personal data (privacy/audit.ts writes it, GET /api/admin/audit answers it):
 * the actions it records and the JSON of the answer. Plain data and types only (the browser bundle imports it).
 */

/**
 * What is recorded. `customer.export` and `customer.erase` record themselves (privacy/); `transcript.open` is the
 * QA desk opening an interaction's transcript, `report.export` a report downloaded or sent.
 */
export const AUDIT_ACTIONS = ['customer.export', 'customer.erase', 'transcript.open', 'report.export'] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** One entry of the audit log. */
export interface AuditRow {
  /** When, ms since the epoch. */
  ts: number
  /** The signed-in user, or `cli:admin` (the admin token of the local commands). */
  actor: string
  action: AuditAction
  /** What was acted on: a customer id, an interaction id, a report. */
  target: string
  /** Counts and options of the action, never the personal data itself. */
  detail: Record<string, unknown>
}

/** GET /api/admin/audit?from=&to=&action=&limit= */
export interface AuditAnswer {
  tenant: string
  /** The window read, ms since the epoch: [from, to). */
  from: number
  to: number
  action?: AuditAction
  /** Newest first, at most `limit`. */
  entries: AuditRow[]
}
