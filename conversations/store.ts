/**
 * Incidents in the warehouse (table `incidents`, sql/migrations/0022): each change writes the incident as it is after
 * it, versioned by when it was written, so the newest row is the incident now.
 */
import type { Incident } from '../core/contracts/index.js'
import type { Warehouse } from '../core/index.js'
import { loadQuery } from '../warehouse/index.js'

/** Writes an incident as it is now. */
export async function writeIncident(wh: Warehouse, incident: Incident): Promise<void> {
  await wh.insert('incidents', [{ ...incident, version: Date.now() }])
}

interface IncidentRow extends Omit<Incident, 'started_at' | 'ended_at' | 'conversations'> {
  started_at: number | string
  ended_at: number | string | null
  conversations: number | string
}

/** The tenant's open incidents and those that ended since `sinceMs`, open first, newest first. */
export async function listIncidents(
  wh: Warehouse,
  tenant: string,
  sinceMs: number,
  limit: number,
): Promise<Incident[]> {
  const rows = await wh.query<IncidentRow>(loadQuery('incident_list'), { tenant, since_ms: sinceMs, limit })
  return rows.map((r) => ({
    ...r,
    started_at: Number(r.started_at),
    ended_at: r.ended_at === null ? null : Number(r.ended_at),
    conversations: Number(r.conversations),
  }))
}
