-- Who did what with personal data (privacy/audit.ts): a customer's data exported or erased, a transcript opened, a
-- report exported. Append-only; admins read it through GET /api/admin/audit. `actor` is the signed-in user, or
-- 'cli:admin' for the admin token of the local commands; `target` what was acted on (a customer or interaction
-- id, a report); `detail` a JSON object of counts and options, never the personal data itself.
CREATE TABLE IF NOT EXISTS audit_log
(
    ts      DateTime64(3, 'UTC'),
    tenant  LowCardinality(String),
    actor   String,
    action  LowCardinality(String),
    target  String,
    detail  String
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(ts)
ORDER BY (tenant, ts)
/* shard: cityHash64(tenant) */;
