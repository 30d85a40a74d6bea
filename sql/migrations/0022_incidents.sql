-- Incidents (conversations/incidents.ts): at least N conversations within M minutes sharing an error code or matching
-- an incident rule (MOFANG_INCIDENT_MIN_CONVERSATIONS, MOFANG_INCIDENT_WINDOW_MINUTES, MOFANG_INCIDENT_RULES). One row
-- per incident and change (raised, updated as more conversations join, cleared), the newest `version` being the
-- incident now (read with FINAL). `id` is `<key>:<started_at ms>`, so a replay after a restart writes the same rows.
-- GET /api/incidents lists the open ones and those that ended recently.
CREATE TABLE IF NOT EXISTS incidents
(
    tenant_id        LowCardinality(String),
    id               String,
    key              String,
    rule             LowCardinality(String),
    started_at       DateTime64(3, 'UTC'),
    ended_at         Nullable(DateTime64(3, 'UTC')),
    conversations    UInt32,
    interaction_ids  Array(String),
    version          UInt64
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(started_at)
ORDER BY (tenant_id, id)
/* shard: cityHash64(tenant_id) */;
