-- Threshold alarms (live-metrics/alarms-store.ts): one row per alarm, keyed by tenant, key (`<wall or group>:<rule
-- id>:<row>`) and start; each change (raised, updated, acknowledged, ended) writes the alarm as it is after it with
-- the next version, so the newest version is the alarm now (read with FINAL). Active alarms (no ended_at) are
-- rebuilt from here when the live metrics service starts; GET /api/alarms lists active and recent ones.
CREATE TABLE IF NOT EXISTS alarms
(
    tenant           LowCardinality(String),
    key              String,
    started_at       DateTime64(3, 'UTC'),
    version          UInt64,
    change           LowCardinality(String),
    owner            String,
    row              String,
    severity         LowCardinality(String),
    text             String,
    value            Nullable(Float64),
    -- The rule as it was (AlarmRule JSON): a rule edited or deleted later does not rewrite its past alarms.
    rule             String,
    acknowledged_at  Nullable(DateTime64(3, 'UTC')),
    acknowledged_by  Nullable(String),
    ended_at         Nullable(DateTime64(3, 'UTC'))
)
ENGINE = ReplacingMergeTree(version)
PARTITION BY toYYYYMM(started_at)
ORDER BY (tenant, key, started_at)
/* shard: cityHash64(tenant) */;
