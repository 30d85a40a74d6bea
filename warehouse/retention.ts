/**
 * Retention as ClickHouse TTLs: how long each table keeps its rows follows the MOFANG_RETENTION_* settings
 * (core/config.ts). The migration runner applies it after the migration files, at every start, idempotently: the
 * TTL in force (system.tables) is compared with the one the settings ask for, and changed (MODIFY TTL) or removed
 * (REMOVE TTL, when a setting is unset) only where they differ. On a cluster the same change runs on the shards
 * (`<table>_local ON CLUSTER`), as the migrations' ALTERs do; the Distributed tables hold no rows.
 *
 * A table added later with personal or derived data (e.g. a reports rollup) gets its line in TTL_RULES.
 */
import type { Config } from '../core/index.js'
import type { Warehouse } from './client.js'
import { loadQuery } from './queries.js'

/** Which MOFANG_RETENTION_* setting a table follows. */
export type RetentionKind = 'events' | 'transcripts' | 'qa' | 'reports'

/** Days per kind; a kind left out keeps its rows for ever. */
export type TableRetention = Partial<Record<RetentionKind, number>>

export interface TtlRule {
  table: string
  kind: RetentionKind
  /** The row's time as a DateTime expression, from which its days are counted. */
  from: string
  /** Only rows matching this condition expire (a second rule on the same table). */
  where?: string
}

/**
 * Written as ClickHouse prints them back in system.tables (`toIntervalDay(n)`, `IN ('a', 'b')`), so a TTL in force
 * compares equal to the one asked for and nothing is rewritten at the next start.
 */
export const TTL_RULES: readonly TtlRule[] = [
  { table: 'events', kind: 'events', from: 'toDateTime(ts)' },
  // Message text is the transcript of a chat or ticket: it goes with the call transcripts.
  {
    table: 'events',
    kind: 'transcripts',
    from: 'toDateTime(ts)',
    where: "type IN ('chat.message', 'ticket.comment', 'survey.comment')",
  },
  { table: 'interactions', kind: 'events', from: 'toDateTime(last_ts)' },
  { table: 'customer_aliases', kind: 'events', from: 'toDateTime(merged_at)' },
  { table: 'transcripts', kind: 'transcripts', from: 'toDateTime(updated_at)' },
  { table: 'qa_results', kind: 'qa', from: 'toDateTime(ended_at)' },
  { table: 'qa_flags', kind: 'qa', from: 'toDateTime(ended_at)' },
  { table: 'qa_reviews', kind: 'qa', from: 'toDateTime(created_at)' },
  { table: 'qa_assignments', kind: 'qa', from: 'toDateTime(assigned_at)' },
  { table: 'forecasts', kind: 'reports', from: 'toDateTime(interval_start)' },
  { table: 'ticket_forecasts', kind: 'reports', from: 'toDateTime(interval_start)' },
  { table: 'rosters', kind: 'reports', from: 'toDateTime(saved_at)' },
  { table: 'report_daily', kind: 'reports', from: 'toDateTime(day)' },
  { table: 'surge_alerts', kind: 'reports', from: 'toDateTime(raised_at)' },
  { table: 'alarms', kind: 'reports', from: 'toDateTime(started_at)' },
  // Text read from the images customers send is message content: it goes with the transcripts.
  { table: 'message_ocr', kind: 'transcripts', from: 'toDateTime(ts)' },
  { table: 'incidents', kind: 'reports', from: 'toDateTime(started_at)' },
]

/** The table retention the settings ask for. */
export const tableRetention = (config: Config): TableRetention => ({
  events: config.retentionEventsDays,
  transcripts: config.retentionTranscriptsDays,
  qa: config.retentionQaDays,
  reports: config.retentionReportsDays,
})

/** The TTL clause for one table ('' = none). */
export function ttlClause(table: string, retention: TableRetention, rules: readonly TtlRule[] = TTL_RULES): string {
  return rules
    .filter((r) => r.table === table && retention[r.kind] !== undefined)
    .map((r) => `${r.from} + toIntervalDay(${retention[r.kind]})${r.where ? ` WHERE ${r.where}` : ''}`)
    .join(', ')
}

/** The TTL clause of a table's engine as system.tables prints it ('' = none). */
export function ttlInForce(engineFull: string): string {
  return / TTL (.*?)(?: SETTINGS |$)/.exec(engineFull)?.[1].trim() ?? ''
}

export interface RetentionOptions {
  /** CLICKHOUSE_CLUSTER: the TTL goes on each table's shards. */
  cluster?: string
  rules?: readonly TtlRule[]
}

/**
 * Brings every table's TTL to what `retention` asks for; returns the changes made, e.g.
 * `events: TTL toDateTime(ts) + toIntervalDay(30)` or `qa_results: TTL removed`. Tables not created yet are skipped.
 * ClickHouse applies a new TTL to the stored rows in the background (materialize_ttl_after_modify).
 */
export async function applyRetention(
  wh: Warehouse,
  retention: TableRetention,
  opts: RetentionOptions = {},
): Promise<string[]> {
  const rules = opts.rules ?? TTL_RULES
  const local = (t: string) => (opts.cluster ? `${t}_local` : t)
  const tables = [...new Set(rules.map((r) => r.table))]
  const rows = await wh.query<{ name: string; engine_full: string }>(loadQuery('table_engines'), {
    names: tables.map(local),
  })
  const engines = new Map(rows.map((r) => [r.name, r.engine_full]))
  const changes: string[] = []
  for (const table of tables) {
    const engine = engines.get(local(table))
    if (engine === undefined) continue
    const wanted = ttlClause(table, retention, rules)
    if (wanted === ttlInForce(engine)) continue
    const target = opts.cluster ? `${local(table)} ON CLUSTER '${opts.cluster}'` : table
    await wh.command(`ALTER TABLE ${target} ${wanted ? `MODIFY TTL ${wanted}` : 'REMOVE TTL'}`)
    changes.push(`${table}: ${wanted ? `TTL ${wanted}` : 'TTL removed'}`)
  }
  return changes
}
