/**
 * The audit log (audit_log, sql/migrations/0015): who exported or erased a customer's data, who opened which
 * transcript, who exported which report. Any part records through recordAudit (here, beside the warehouse every part
 * already holds); admins read it through GET /api/admin/audit (privacy/audit-api.ts).
 */
import type { AuditAction, AuditRow } from '../core/contracts/index.js'
import type { Warehouse } from './client.js'
import { loadQuery } from './queries.js'

/** The actor of the admin token, which the local commands (`mofang customer …`) use. */
export const CLI_ADMIN = 'cli:admin'

export interface AuditEntry {
  tenant: string
  /** The signed-in user, or CLI_ADMIN. */
  actor: string
  action: AuditAction
  /** What was acted on: a customer id, an interaction id, a report. */
  target: string
  /** Counts and options of the action: never the personal data itself. */
  detail?: Record<string, unknown>
  /** When, ms since the epoch. Default: now. */
  ts?: number
}

export async function recordAudit(wh: Warehouse, entry: AuditEntry): Promise<void> {
  await wh.insert('audit_log', [
    {
      ts: entry.ts ?? Date.now(),
      tenant: entry.tenant,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      detail: JSON.stringify(entry.detail ?? {}),
    },
  ])
}

export interface AuditQuery {
  tenant: string
  /** [from, to), ms since the epoch. */
  from: number
  to: number
  /** Only this action; absent = every action. */
  action?: AuditAction
  /** Most entries, newest first. */
  limit: number
}

export async function readAudit(wh: Warehouse, q: AuditQuery): Promise<AuditRow[]> {
  const rows = await wh.query<Omit<AuditRow, 'ts' | 'detail'> & { ts: string; detail: string }>(
    loadQuery('audit_log'),
    {
      ...q,
      action: q.action ?? '',
    },
  )
  return rows.map((r) => ({
    ...r,
    ts: Date.parse(r.ts),
    detail: JSON.parse(r.detail || '{}') as Record<string, unknown>,
  }))
}
