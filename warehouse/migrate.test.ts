import { describe, expect, it } from 'vitest'
import { clusterStatements, type ClusterTables, loadMigrations, splitStatements } from './migrate.js'

describe('migrations', () => {
  it('are numbered, ordered and idempotent', () => {
    const all = loadMigrations()
    expect(all.map((m) => m.name)).toEqual([...all.map((m) => m.name)].sort())
    // MODIFY SETTING has no IF EXISTS in ClickHouse, and setting a value twice is idempotent by nature.
    for (const m of all) for (const s of m.statements) expect(s).toMatch(/IF (NOT )?EXISTS|MODIFY SETTING/i)
  })

  it('split at semicolons that end a line only', () => {
    expect(splitStatements("SELECT ';';\n-- note\nSELECT 2;\n")).toEqual(["SELECT ';'", '-- note\nSELECT 2'])
  })

  it('become Replicated local tables, Distributed fronts and shard-local views in cluster mode', () => {
    const tables: ClusterTables = new Map()
    const out = loadMigrations().flatMap((m) =>
      clusterStatements(m.statements, { cluster: 'cx', database: 'mofang' }, tables),
    )
    const text = out.join('\n;\n')
    expect(text).toMatch(/CREATE TABLE IF NOT EXISTS events_local ON CLUSTER 'cx'/)
    expect(text).toMatch(
      /ENGINE = ReplicatedMergeTree\('\/clickhouse\/tables\/\{shard\}\/mofang\/events_local', '\{replica\}'\)/,
    )
    expect(text).toMatch(
      /CREATE TABLE IF NOT EXISTS events ON CLUSTER 'cx' AS events_local ENGINE = Distributed\('cx', 'mofang', 'events_local', cityHash64\(tenant, interaction_id\)\)/,
    )
    expect(text).toMatch(
      /ReplicatedAggregatingMergeTree\('\/clickhouse\/tables\/\{shard\}\/mofang\/interactions_local', '\{replica\}'\)/,
    )
    expect(text).toMatch(
      /ReplicatedReplacingMergeTree\('\/clickhouse\/tables\/\{shard\}\/mofang\/customer_aliases_local', '\{replica\}', merged_at\)/,
    )
    expect(text).toMatch(
      /CREATE MATERIALIZED VIEW IF NOT EXISTS interactions_mv ON CLUSTER 'cx' TO interactions_local AS[\s\S]*FROM events_local/,
    )
    expect(text).toMatch(/CREATE VIEW IF NOT EXISTS interaction_facts ON CLUSTER 'cx'/)
    expect(text).toMatch(/ALTER TABLE events_local ON CLUSTER 'cx' ADD COLUMN IF NOT EXISTS customer/)
    expect(text).toMatch(/ALTER TABLE events ON CLUSTER 'cx' ADD COLUMN IF NOT EXISTS customer/)
    // Storage settings go to the Replicated shards only: a Distributed table has no MergeTree settings.
    expect(text).toMatch(/ALTER TABLE events_local ON CLUSTER 'cx' MODIFY SETTING non_replicated_deduplication_window/)
    expect(text).not.toMatch(/ALTER TABLE events ON CLUSTER 'cx' MODIFY SETTING/)
    for (const s of out) expect(s).not.toMatch(/\/\* shard:/)
  })
})
