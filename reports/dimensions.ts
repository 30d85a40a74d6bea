/** The queues, teams and sites a tenant's events named (report_dimensions.sql): what a report may be narrowed to. */
import type { Warehouse } from '../core/index.js'
import { loadQuery } from '../warehouse/index.js'
import type { KnownDimensions } from './params.js'

/** How far back the known queues, teams and sites are looked for, days. */
const DIMENSIONS_DAYS = 400

export async function knownDimensions(wh: Warehouse, tenant: string): Promise<KnownDimensions> {
  const [r] = await wh.query<{ queues: string[]; teams: string[]; sites: string[] }>(loadQuery('report_dimensions'), {
    tenant,
    days: DIMENSIONS_DAYS,
  })
  return { queue: r?.queues ?? [], team: r?.teams ?? [], site: r?.sites ?? [] }
}
