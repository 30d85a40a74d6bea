/**
 * Migrations runner: applies sql/migrations/NNNN_*.sql in order, once each, and
 * records them in schema_migrations. Every statement is idempotent (IF [NOT] EXISTS),
 * so a run interrupted half-way is simply run again.
 *
 * Cluster mode rewrites the same files for a ClickHouse cluster: each table T
 * becomes T_local (Replicated engine, ON CLUSTER) plus T as a Distributed table
 * over it, so reads and inserts keep using T; materialized views read the _local
 * tables on every shard and write where their target's sharding key puts the rows.
 * docs/deploy.md explains the layout; warehouse/cluster-sql.e2e.test.ts has ClickHouse check it.
 *
 * After the files, the retention TTLs the settings ask for (retention.ts), when the caller passes them.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { MigrationError, rootDir } from '../core/index.js'
import type { Warehouse } from './client.js'
import { applyRetention, type TableRetention } from './retention.js'

export interface Migration {
  /** File name, e.g. 0001_events.sql: the order and the record key. */
  name: string
  statements: string[]
  checksum: string
}

export const MIGRATIONS_DIR = join(rootDir(), 'sql', 'migrations')

/** Splits a SQL file into statements at semicolons that end a line; comments stay with their statement. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.replace(/--.*$/gm, '').trim().length > 0)
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8')
      return {
        name,
        statements: splitStatements(text),
        checksum: createHash('sha256').update(text).digest('hex').slice(0, 16),
      }
    })
}

export interface ClusterOptions {
  /** Cluster name as in the server's remote_servers. */
  cluster: string
  database: string
}

const TABLE_RE = /CREATE\s+TABLE\s+IF\s+NOT\s+EXISTS\s+(\w+)/i
const MV_RE = /CREATE\s+MATERIALIZED\s+VIEW\s+IF\s+NOT\s+EXISTS\s+(\w+)\s+TO\s+(\w+)/i
const VIEW_RE = /CREATE\s+VIEW\s+IF\s+NOT\s+EXISTS\s+(\w+)/i
const ALTER_RE = /ALTER\s+TABLE\s+(\w+)/i
/** An ALTER of columns: the Distributed front must list the same columns as its shards. */
const COLUMN_ALTER_RE = /ALTER\s+TABLE\s+\w+\s+(ADD|MODIFY|DROP|RENAME|COMMENT|CLEAR)\s+COLUMN\b/i
const ENGINE_RE = /ENGINE\s*=\s*(\w*)MergeTree(\(([^)]*)\))?/i
/** A table's ORDER BY line (the migrations put it on a line of its own; a comment may follow). */
const ORDER_RE = /^\s*ORDER\s+BY\s+([^\n]+?)\s*(\/\*.*)?$/im
const SHARD_RE = /\/\*\s*shard:\s*(.+?)\s*\*\//
/** The table a materialized view reads (FROM) or joins. */
const SOURCE_RE = /\b(FROM|JOIN)\s+(\w+)/gi

/** The column names an expression uses: identifiers not called as functions. */
const columnsIn = (expr: string) => [...expr.matchAll(/\b([A-Za-z_]\w*)\b(?!\s*\()/g)].map((m) => m[1])

/**
 * A table's sharding key: the migration's `/* shard: expr *\/`, else a hash of its leading ORDER BY column. Never
 * rand(): a retried insert must split into the same blocks per shard for the shards' insert deduplication to see it.
 * For engines that merge rows (Replacing, Aggregating, …) the key may use ORDER BY columns only: those merges run
 * within a shard, so rows with the same sorting key must all land on the same one.
 */
function shardingKey(name: string, stmt: string, mergeEngine: string): string {
  const sorting = columnsIn(stmt.match(ORDER_RE)?.[1] ?? '')
  const key = stmt.match(SHARD_RE)?.[1] ?? (sorting[0] && `cityHash64(${sorting[0]})`)
  if (!key) throw new Error(`table ${name}: cluster mode needs ORDER BY columns or a /* shard: expr */ comment`)
  if (/\brand\w*\s*\(/i.test(key))
    throw new Error(`table ${name}: sharding key ${key} is random; retries must split alike`)
  const stray = mergeEngine ? columnsIn(key).filter((c) => !sorting.includes(c)) : []
  if (stray.length)
    throw new Error(
      `table ${name}: sharding key ${key} uses ${stray.join(', ')}, not in ORDER BY: ${mergeEngine}MergeTree would merge rows across shards`,
    )
  return key
}

/** Table name → sharding key of the tables created so far (clusterStatements fills it in). */
export type ClusterTables = Map<string, string>

/**
 * Rewrites one migration's statements for a cluster. `tables` collects the tables seen so far and their sharding
 * keys, so views can point at their _local shards.
 *
 * A materialized view reads the _local table: it fires on the replica that takes each block (with
 * internal_replication, one per shard), so every row is materialized once. It writes to the target's _local table
 * when the target shards by the same key as its source (the row is already on the right shard), else to the
 * target's Distributed front, which routes each row by the target's own key.
 */
export function clusterStatements(statements: string[], opts: ClusterOptions, tables: ClusterTables): string[] {
  const on = `ON CLUSTER '${opts.cluster}'`
  const toLocal = (sql: string) =>
    sql.replace(SOURCE_RE, (m, kw: string, t: string) => (tables.has(t) ? `${kw} ${t}_local` : m))
  const out: string[] = []
  for (const stmt of statements) {
    const table = stmt.match(TABLE_RE)
    const mv = stmt.match(MV_RE)
    const view = stmt.match(VIEW_RE)
    const alter = stmt.match(ALTER_RE)
    if (table) {
      const name = table[1]
      const engine = stmt.match(ENGINE_RE)
      if (!engine) throw new Error(`table ${name}: cluster mode needs a MergeTree-family engine`)
      const shardKey = shardingKey(name, stmt, engine[1])
      const args = engine[3]?.trim()
      const replicated = `ENGINE = Replicated${engine[1]}MergeTree('/clickhouse/tables/{shard}/${opts.database}/${name}_local', '{replica}'${args ? ', ' + args : ''})`
      out.push(
        stmt
          .replace(TABLE_RE, `CREATE TABLE IF NOT EXISTS ${name}_local ${on}`)
          .replace(ENGINE_RE, replicated)
          .replace(SHARD_RE, ''),
      )
      out.push(
        `CREATE TABLE IF NOT EXISTS ${name} ${on} AS ${name}_local ENGINE = Distributed('${opts.cluster}', '${opts.database}', '${name}_local', ${shardKey})`,
      )
      tables.set(name, shardKey)
    } else if (mv) {
      const [, name, target] = mv
      const [head, body] = [stmt.slice(0, stmt.search(/\bAS\b/i)), stmt.slice(stmt.search(/\bAS\b/i))]
      const source = [...body.matchAll(SOURCE_RE)][0]?.[2]
      const sameShard = tables.has(target) && tables.get(target) === tables.get(source ?? '')
      out.push(
        `${head.replace(MV_RE, `CREATE MATERIALIZED VIEW IF NOT EXISTS ${name} ${on} TO ${sameShard ? target + '_local' : target}`).trimEnd()} ${toLocal(body)}`,
      )
    } else if (view) {
      out.push(stmt.replace(VIEW_RE, `CREATE VIEW IF NOT EXISTS ${view[1]} ${on}`))
    } else if (alter && tables.has(alter[1])) {
      // The shards and their Distributed front keep the same columns; indexes, settings and TTLs are the shards' alone.
      out.push(stmt.replace(ALTER_RE, `ALTER TABLE ${alter[1]}_local ${on}`))
      if (COLUMN_ALTER_RE.test(stmt)) out.push(stmt.replace(ALTER_RE, `ALTER TABLE ${alter[1]} ${on}`))
    } else {
      out.push(stmt)
    }
  }
  return out
}

/**
 * Every migration rewritten for a cluster, in order (checksums of the files as they are): what `mofang migrate
 * --print --cluster` prints and what cluster mode applies.
 */
export function clusterMigrations(opts: ClusterOptions, dir?: string): Migration[] {
  const tables: ClusterTables = new Map()
  return loadMigrations(dir).map((m) => ({ ...m, statements: clusterStatements(m.statements, opts, tables) }))
}

export interface MigrateOptions {
  cluster?: string
  dir?: string
  /** Called before each migration is applied. */
  onApply?: (name: string) => void
  /**
   * Each table's TTL after the migrations (warehouse/retention.ts: `tableRetention(config)`); a kind left out
   * removes its TTL. Absent: TTLs are left as they are.
   */
  retention?: TableRetention
}

/**
 * Applies pending migrations, then the retention TTLs when asked; returns the names applied, then each TTL change
 * (`events: TTL …`). Safe to run concurrently with readers.
 */
export async function migrate(wh: Warehouse, opts: MigrateOptions = {}): Promise<string[]> {
  const on = opts.cluster ? ` ON CLUSTER '${opts.cluster}'` : ''
  const engine = opts.cluster
    ? `ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${wh.database}/schema_migrations', '{replica}')`
    : 'ReplacingMergeTree'
  await wh.command(
    `CREATE TABLE IF NOT EXISTS schema_migrations${on} (name String, checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) ENGINE = ${engine} ORDER BY name`,
  )
  const done = new Set((await wh.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name))
  const migrations = opts.cluster
    ? clusterMigrations({ cluster: opts.cluster, database: wh.database }, opts.dir)
    : loadMigrations(opts.dir)
  const applied: string[] = []
  for (const m of migrations) {
    if (done.has(m.name)) continue
    opts.onApply?.(m.name)
    try {
      for (const stmt of m.statements) await wh.command(stmt)
      await wh.insert('schema_migrations', [{ name: m.name, checksum: m.checksum }])
    } catch (err) {
      throw new MigrationError(m.name, err)
    }
    applied.push(m.name)
  }
  if (opts.retention) applied.push(...(await applyRetention(wh, opts.retention, { cluster: opts.cluster })))
  return applied
}
