-- Raw events: every event accepted by ingest, exactly once.
-- Partitioned by day; ordered for per-tenant time-range scans.
-- stream_seq is the JetStream sequence of the message that carried the event:
-- the sink uses it to recognise rows already stored when a message is redelivered.
CREATE TABLE IF NOT EXISTS events
(
    event_id        String,
    tenant          LowCardinality(String),
    ts              DateTime64(3, 'UTC'),
    received_at     DateTime64(3, 'UTC'),
    v               UInt8,
    channel         LowCardinality(String),
    type            LowCardinality(String),
    interaction_id  String,
    customer_id     String,
    merged_from     Array(String),
    identities      Map(LowCardinality(String), String),
    customer_name   String,
    agent_id        String,
    queue           LowCardinality(String),
    team            LowCardinality(String),
    site            LowCardinality(String),
    skills          Array(LowCardinality(String)),
    tags            Array(String),
    vip             UInt8,
    payload         String,
    stream_seq      UInt64,
    INDEX idx_stream_seq stream_seq TYPE minmax GRANULARITY 4,
    INDEX idx_interaction interaction_id TYPE bloom_filter(0.01) GRANULARITY 4,
    INDEX idx_customer customer_id TYPE bloom_filter(0.01) GRANULARITY 4
)
ENGINE = MergeTree
PARTITION BY toYYYYMMDD(ts)
ORDER BY (tenant, channel, type, ts)
/* shard: cityHash64(tenant, interaction_id) */;
