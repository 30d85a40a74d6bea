/**
 * The warehouse tables that hold a customer's rows, and how each is tied to them: one line per table, read by the
 * export (SELECT) and the erase (lightweight DELETE, then the parts rewritten). A table added later with a
 * customer's rows (a reports rollup keyed by interaction, say) gets its line here; the erase test lists every table
 * of the database and fails on one that still holds the customer's data.
 */
import { loadQuery } from '../warehouse/index.js'
import type { Footprint } from './footprint.js'

/** How a table's rows belong to a customer, with the named queries that select and delete them. */
const KEYS = {
  /** The customer's ids or identities, or their interactions (agent state events aside). */
  events: { select: loadQuery('customer_events'), erase: loadQuery('customer_erase_events') },
  /** Rows of the customer's interactions. */
  interaction: {
    select: loadQuery('customer_interaction_rows'),
    erase: loadQuery('customer_erase_interaction_rows'),
  },
  /** Merge records naming one of their ids. */
  alias: { select: loadQuery('customer_alias_rows'), erase: loadQuery('customer_erase_alias_rows') },
}

export interface CustomerTable {
  table: string
  key: keyof typeof KEYS
  /** The export reads this table or view instead (interactions: the interaction_facts view, merged and readable). */
  exportFrom?: string
}

export const CUSTOMER_TABLES: readonly CustomerTable[] = [
  { table: 'events', key: 'events' },
  { table: 'interactions', key: 'interaction', exportFrom: 'interaction_facts' },
  { table: 'customer_aliases', key: 'alias' },
  { table: 'transcripts', key: 'interaction' },
  { table: 'qa_results', key: 'interaction' },
  { table: 'qa_flags', key: 'interaction' },
  { table: 'qa_reviews', key: 'interaction' },
  { table: 'qa_assignments', key: 'interaction' },
]

/** The parameters of a table's queries for one customer (`table` is where they run). */
export const customerParams = (fp: Footprint, table: string) => ({
  table,
  tenant: fp.tenant,
  ids: fp.ids,
  identities: fp.identities,
  interactions: fp.interactions,
})

export const selectSql = (t: CustomerTable): string => KEYS[t.key].select

/**
 * The lightweight DELETE of a table's customer rows; on a cluster it runs on every shard (the caller names the
 * `<table>_local` shard table), as the migrations' ALTERs do.
 */
export function eraseSql(t: CustomerTable, cluster?: string): string {
  const sql = KEYS[t.key].erase
  return cluster ? sql.replace(/^DELETE FROM \{table:Identifier\}/m, `$& ON CLUSTER '${cluster}'`) : sql
}
