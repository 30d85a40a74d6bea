-- Call transcripts, one row per state change of a recording's transcription:
-- 'awaiting' (stored, waiting for a model or a worker), 'done', or 'failed' (with the reason).
-- ReplacingMergeTree keeps the latest state per call: read with FINAL (or argMax on updated_at).
CREATE TABLE IF NOT EXISTS transcripts
(
    tenant          LowCardinality(String),
    interaction_id  String,
    status          LowCardinality(String),
    error           String,
    recording_url   String,
    language        LowCardinality(String),
    model           LowCardinality(String),
    duration_ms     UInt64,
    channels        UInt8,
    turns           String,
    audio           String,
    attempts        UInt16,
    elapsed_ms      UInt64,
    updated_at      DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (tenant, interaction_id)
/* shard: cityHash64(tenant) */;
