/**
 * The cluster DDL of `mofang migrate --print --cluster NAME`, checked by ClickHouse itself (chDB runs the real
 * engine) rather than by string matching:
 *
 * 1. ClickHouse's parser accepts every statement as printed, ON CLUSTER included (`formatQuery`).
 * 2. The statements run, in order, on a chDB that plays one node of the cluster: a config gives it the `{shard}` and
 *    `{replica}` macros, the cluster in remote_servers and an in-memory Keeper (`testkeeper`). Each Replicated
 *    CREATE TABLE runs as printed, so the engine checks its Keeper path and arguments; but clickhouse-local runs no
 *    replication threads, so those tables stay read-only and take no ALTER or insert. The whole schema therefore
 *    runs a second time in the Mofang database with the same engines un-replicated (`ReplicatedReplacingMergeTree(
 *    path, replica, v)` → `ReplacingMergeTree(v)`): every ALTER, Distributed sharding key, view and TTL is checked
 *    against the real columns. ON CLUSTER is taken off to run them: clickhouse-local has no distributed DDL queue
 *    (the parser checked it in 1).
 * 3. What a parser cannot see, read back from system.tables: Keeper paths unique per shard and table, each
 *    Distributed table over its own `_local` table with a sharding key that keeps rows a merge must see together on
 *    one shard, and each materialized view reading a shard's `_local` rows and writing where the target's sharding
 *    key puts them.
 * 4. The retention TTLs (retention.ts) apply on the Replicated shards, and a second run changes nothing.
 *
 * Covers whatever sql/migrations holds: a new migration is checked without touching this file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Session } from 'chdb'
import { tempDir } from '../testing/env.js'
import type { Warehouse } from './client.js'
import { clusterMigrations } from './migrate.js'
import { applyRetention } from './retention.js'

const CLUSTER = 'cx'
const DATABASE = 'mofang'
/** Where the Replicated tables are created as printed (read-only here, see 2 above). */
const REPLICATED = 'replicated_check'
const ON_CLUSTER = ` ON CLUSTER '${CLUSTER}'`

/** One node of a 2 shards × 2 replicas cluster: shard 02, replica r2; the cluster's other hosts need not exist. */
const NODE_CONFIG = `<clickhouse>
  <macros><shard>02</shard><replica>r2</replica></macros>
  <zookeeper><implementation>testkeeper</implementation></zookeeper>
  <remote_servers><${CLUSTER}>
    <shard><internal_replication>true</internal_replication>
      <replica><host>ch-1-1</host><port>9000</port></replica><replica><host>ch-1-2</host><port>9000</port></replica>
    </shard>
    <shard><internal_replication>true</internal_replication>
      <replica><host>ch-2-1</host><port>9000</port></replica><replica><host>ch-2-2</host><port>9000</port></replica>
    </shard>
  </${CLUSTER}></remote_servers>
</clickhouse>
`

/** What `mofang migrate --print --cluster cx` prints (warehouse/commands.ts calls the same function). */
const printedStatements = () =>
  clusterMigrations({ cluster: CLUSTER, database: DATABASE }).flatMap((m) =>
    m.statements.map((sql) => ({ file: m.name, sql })),
  )

/** The same engine without replication: `ReplicatedXMergeTree('path', 'replica'[, args])` → `XMergeTree([args])`. */
const unreplicated = (sql: string) => sql.replace(/Replicated(\w*MergeTree)\('[^']*', '[^']*'(?:, )?/, '$1(')

interface TableRow {
  database: string
  name: string
  engine: string
  engine_full: string
  sorting_key: string
  create_table_query: string
}

/** The column names an expression uses (identifiers not followed by a parenthesis). */
const columnsOf = (expr: string) =>
  new Set([...expr.matchAll(/\b([A-Za-z_]\w*)\b(?!\s*\()/g)].map((m) => m[1]).filter((w) => !/^\d/.test(w)))

/** Splits an engine's argument list at top-level commas. */
function engineArgs(engineFull: string): string[] {
  const open = engineFull.indexOf('(')
  const args: string[] = []
  let depth = 0
  let current = ''
  for (const ch of engineFull.slice(open + 1)) {
    if (ch === '(') depth++
    if (ch === ')' && depth-- === 0) break
    if (ch === ',' && depth === 0) {
      args.push(current.trim())
      current = ''
    } else current += ch
  }
  return [...args, current.trim()]
}

describe(`cluster DDL (mofang migrate --print --cluster ${CLUSTER}) checked by ClickHouse`, () => {
  const dir = tempDir('cluster-sql')
  let node: Session
  const statements = printedStatements()
  const tables = new Map<string, TableRow>()
  /** Runs a statement on this node, in the Mofang database with the shards un-replicated (see 2 above). */
  const run = (sql: string) => node.query(unreplicated(sql.replaceAll(ON_CLUSTER, '')), 'CSV')
  const rows = <T>(sql: string, params: Record<string, unknown> = {}): T[] =>
    node
      .queryBind(sql, params, 'JSONEachRow')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as T)

  beforeAll(() => {
    writeFileSync(join(dir.path, 'node.xml'), NODE_CONFIG)
    node = new Session(join(dir.path, 'chdb'), { connectionArgs: [`--config-file=${join(dir.path, 'node.xml')}`] })
    node.query(`CREATE DATABASE IF NOT EXISTS ${DATABASE}`)
    node.query(`USE ${DATABASE}`)
  })
  afterAll(() => {
    // Read-only Replicated tables keep retrying Keeper and hold the engine's shutdown: drop them first.
    node?.query(`DROP DATABASE IF EXISTS ${REPLICATED} SYNC`)
    node?.cleanup()
    dir.remove()
  })

  it('are all accepted by ClickHouse’s parser as printed', () => {
    expect(statements.length).toBeGreaterThan(40)
    for (const { file, sql } of statements) {
      const formatted = rows<{ q: string }>('SELECT formatQuery({sql:String}) AS q', { sql })[0]?.q
      expect(formatted, `${file}: ${sql.slice(0, 80)}`).toBeTruthy()
      if (/^\s*(CREATE|ALTER)/i.test(sql.replace(/--.*$/gm, '')))
        expect(formatted, `${file}: ${sql.slice(0, 80)}`).toContain(`ON CLUSTER ${CLUSTER}`)
    }
  })

  it('run in order on a node of the cluster (Replicated engines with Keeper and macros, Distributed fronts)', () => {
    node.query(`CREATE DATABASE IF NOT EXISTS ${REPLICATED}`)
    for (const { file, sql } of statements) {
      const replicated = /^CREATE TABLE IF NOT EXISTS \w+_local /m.test(sql)
      try {
        if (replicated)
          node.query(
            sql
              .replaceAll(ON_CLUSTER, '')
              .replace(/^CREATE TABLE IF NOT EXISTS /m, `CREATE TABLE IF NOT EXISTS ${REPLICATED}.`),
          )
        run(sql)
      } catch (err) {
        throw new Error(`${file} failed on the cluster node: ${(err as Error).message}\n${sql}`, { cause: err })
      }
    }
    for (const t of rows<TableRow>(
      'SELECT database, name, engine, engine_full, sorting_key, create_table_query FROM system.tables WHERE database IN ({dbs:Array(String)})',
      { dbs: [DATABASE, REPLICATED] },
    ))
      tables.set(t.database === DATABASE ? t.name : `${REPLICATED}.${t.name}`, t)
    expect(tables.size).toBeGreaterThan(0)
  })

  it('store every table as Replicated shards with their own Keeper path, behind a Distributed front', () => {
    const created = new Set(
      statements.flatMap(({ sql }) => /^CREATE TABLE IF NOT EXISTS (\w+)_local /m.exec(sql)?.[1] ?? []),
    )
    expect(created.size).toBeGreaterThan(10)
    const paths = new Set<string>()
    for (const name of created) {
      const local = tables.get(`${REPLICATED}.${name}_local`)
      expect(local?.engine, name).toMatch(/^Replicated\w*MergeTree$/)
      const [path, replica] = engineArgs(local!.engine_full)
      // {shard}: the two replicas of a shard share the path and each shard has its own; {replica}: one entry each.
      expect(path, name).toBe(`'/clickhouse/tables/{shard}/${DATABASE}/${name}_local'`)
      expect(replica, name).toBe("'{replica}'")
      paths.add(path)
      const front = tables.get(name)
      expect(front?.engine, name).toBe('Distributed')
      const [cluster, database, target, shardingKey] = engineArgs(front!.engine_full)
      expect([cluster, database, target], name).toEqual([`'${CLUSTER}'`, `'${DATABASE}'`, `'${name}_local'`])
      // A retried insert must split into the same blocks per shard, or the shards' insert deduplication misses it.
      expect(shardingKey, `${name}: sharding key`).not.toMatch(/rand/i)
    }
    expect(paths.size).toBe(created.size)
  })

  it('keep together on one shard the rows that a merge replaces or aggregates', () => {
    // ReplacingMergeTree keeps the newest row of a sorting key and AggregatingMergeTree merges a key's partial
    // states, each within one shard only: the sharding key may use only sorting-key columns, so rows with the same
    // key land on the same shard (FINAL and the merges see them all). Plain MergeTree has nothing to merge.
    for (const [name, local] of tables) {
      if (local.database !== DATABASE || !name.endsWith('_local') || local.engine === 'MergeTree') continue
      const shardingKey = engineArgs(tables.get(name.slice(0, -'_local'.length))!.engine_full)[3]
      const sortingColumns = columnsOf(local.sorting_key)
      for (const column of columnsOf(shardingKey))
        expect(sortingColumns.has(column), `${name}: shards by ${column}, not in ORDER BY ${local.sorting_key}`).toBe(
          true,
        )
    }
  })

  it('materialize on each shard and write where the target’s sharding key puts the rows', () => {
    const views = [...tables.values()].filter((t) => t.engine === 'MaterializedView' && t.database === DATABASE)
    expect(views.length).toBeGreaterThan(0)
    const shardingKeyOf = (table: string) => engineArgs(tables.get(table)!.engine_full)[3]
    for (const view of views) {
      const target = new RegExp(`\\bTO ${DATABASE}\\.(\\w+)`).exec(view.create_table_query)![1]
      const sources = [
        ...view.create_table_query.matchAll(new RegExp(`\\b(?:FROM|JOIN) (?:${DATABASE}\\.)?(\\w+)`, 'g')),
      ]
      expect(sources.length, view.name).toBeGreaterThan(0)
      // A view fires on the replica that takes the insert: over a Distributed table it would fire on the node that
      // received the insert only, and once per replica never; over the shards' tables it sees every block once.
      for (const [, source] of sources) expect(source, `${view.name} reads`).toMatch(/_local$/)
      const source = sources[0][1]
      if (target.endsWith('_local')) {
        // Written on the shard the source row is on: the target must shard by the same key, on columns the view
        // passes through unchanged.
        const key = shardingKeyOf(target.slice(0, -'_local'.length))
        expect(key, `${view.name} writes ${target}`).toBe(shardingKeyOf(source.slice(0, -'_local'.length)))
      } else {
        // Written through the target's Distributed front, which routes each row by the target's own key.
        expect(tables.get(target)?.engine, `${view.name} writes ${target}`).toBe('Distributed')
      }
    }
  })

  it('apply the retention TTLs on the shards, once', async () => {
    const sent: string[] = []
    const warehouse = {
      query: async (sql: string, params?: Record<string, unknown>) => rows(sql, params),
      command: async (sql: string) => {
        sent.push(sql)
        run(sql)
      },
    } as unknown as Warehouse
    const retention = { events: 400, transcripts: 30, qa: 365, reports: 730 }
    const changes = await applyRetention(warehouse, retention, { cluster: CLUSTER })
    expect(changes.length).toBeGreaterThan(10)
    for (const sql of sent) expect(sql).toMatch(new RegExp(`^ALTER TABLE \\w+_local${ON_CLUSTER} MODIFY TTL `))
    expect(await applyRetention(warehouse, retention, { cluster: CLUSTER })).toEqual([])
    expect(await applyRetention(warehouse, {}, { cluster: CLUSTER })).toHaveLength(changes.length)
  })
})
