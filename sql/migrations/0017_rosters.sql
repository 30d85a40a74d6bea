-- The planner's rosters (forecast/roster-api.ts): one row per tenant, week and version, holding the roster as the
-- planner API answers it (RosterAnswer JSON). Each build and each stored edit writes the next version of its week (1
-- for a new week). ReplacingMergeTree keyed on the tenant and week: the newest version wins; read with FINAL.
CREATE TABLE IF NOT EXISTS rosters
(
    tenant    LowCardinality(String),
    week      Date,
    version   UInt32,
    saved_at  DateTime64(3, 'UTC'),
    roster    String CODEC(ZSTD(3))
)
ENGINE = ReplacingMergeTree(version)
ORDER BY (tenant, week)
/* shard: cityHash64(tenant) */;
