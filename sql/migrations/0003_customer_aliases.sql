-- When ingest merges two customers (identities seen together), the event carries
-- the customer ids it absorbed in merged_from; this view records alias -> canonical.
CREATE TABLE IF NOT EXISTS customer_aliases
(
    tenant      LowCardinality(String),
    alias       String,
    canonical   String,
    merged_at   DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(merged_at)
ORDER BY (tenant, alias)
/* shard: cityHash64(tenant) */;

CREATE MATERIALIZED VIEW IF NOT EXISTS customer_aliases_mv TO customer_aliases AS
SELECT tenant, arrayJoin(merged_from) AS alias, customer_id AS canonical, received_at AS merged_at
FROM events
WHERE notEmpty(merged_from);
