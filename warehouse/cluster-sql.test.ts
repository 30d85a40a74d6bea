/** clusterStatements' sharding rules on small tables (cluster-sql.e2e.test.ts has ClickHouse check the real ones). */
import { describe, expect, it } from 'vitest'
import { clusterStatements, type ClusterTables } from './migrate.js'

const OPTS = { cluster: 'cx', database: 'mofang' }
const table = (name: string, engine: string, orderBy: string, shard?: string) =>
  `CREATE TABLE IF NOT EXISTS ${name} (tenant String, id String, v UInt64)\nENGINE = ${engine}\nORDER BY ${orderBy}${
    shard ? `\n/* shard: ${shard} */` : ''
  }`
const front = (sql: string[]) => sql.find((s) => s.includes('ENGINE = Distributed'))

describe('cluster sharding keys', () => {
  it('default to a hash of the leading ORDER BY column, never rand()', () => {
    const out = clusterStatements([table('t', 'ReplacingMergeTree(v)', '(tenant, id)')], OPTS, new Map())
    expect(front(out)).toMatch(/Distributed\('cx', 'mofang', 't_local', cityHash64\(tenant\)\)$/)
    expect(() => clusterStatements([table('t', 'MergeTree', 'tenant', 'rand()')], OPTS, new Map())).toThrow(/random/)
  })

  it('refuse a key that would split the rows a merge replaces or aggregates', () => {
    for (const engine of ['ReplacingMergeTree(v)', 'AggregatingMergeTree'])
      expect(() =>
        clusterStatements([table('t', engine, '(tenant, v)', 'cityHash64(tenant, id)')], OPTS, new Map()),
      ).toThrow(/sharding key cityHash64\(tenant, id\) uses id, not in ORDER BY/)
    // Plain MergeTree merges nothing: any key will do.
    expect(() =>
      clusterStatements([table('t', 'MergeTree', '(tenant, v)', 'cityHash64(tenant, id)')], OPTS, new Map()),
    ).not.toThrow()
  })
})

describe('cluster materialized views', () => {
  const tables: ClusterTables = new Map()
  clusterStatements(
    [
      table('src', 'MergeTree', '(tenant, v)', 'cityHash64(tenant, id)'),
      table('same', 'AggregatingMergeTree', '(tenant, id)', 'cityHash64(tenant, id)'),
      table('other', 'ReplacingMergeTree(v)', '(tenant, v)', 'cityHash64(tenant)'),
    ],
    OPTS,
    tables,
  )
  const view = (target: string) =>
    clusterStatements(
      [
        `CREATE MATERIALIZED VIEW IF NOT EXISTS mv TO ${target} AS\nSELECT tenant, id, max(v) AS v\nFROM src\nGROUP BY tenant, id`,
      ],
      OPTS,
      tables,
    )[0]

  it('write a shard’s rows to the target’s shard table when both shard by the same key', () => {
    expect(view('same')).toMatch(
      /^CREATE MATERIALIZED VIEW IF NOT EXISTS mv ON CLUSTER 'cx' TO same_local AS[\s\S]*FROM src_local/,
    )
  })

  it('write through the target’s Distributed table when it shards differently', () => {
    expect(view('other')).toMatch(
      /^CREATE MATERIALIZED VIEW IF NOT EXISTS mv ON CLUSTER 'cx' TO other AS[\s\S]*FROM src_local/,
    )
  })
})
