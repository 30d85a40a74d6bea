-- Forecasts per tenant, queue, channel and 15-minute interval, recomputed on a schedule.
-- ReplacingMergeTree keyed on the interval: the newest run (generated_at) wins; read with FINAL.
CREATE TABLE IF NOT EXISTS forecasts
(
    tenant           LowCardinality(String),
    queue            LowCardinality(String),
    channel          LowCardinality(String),
    interval_start   DateTime64(3, 'UTC'),
    forecast         Float64,
    lo               Float64,
    hi               Float64,
    required_agents  UInt32,
    aht_s            Float64,
    sl_target        Float64,
    sl_threshold_s   UInt32,
    method           LowCardinality(String),
    generated_at     DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(generated_at)
PARTITION BY toYYYYMM(interval_start)
ORDER BY (tenant, queue, channel, interval_start)
/* shard: cityHash64(tenant) */;

-- Weather surge alerts as raised (one row per alert published on NATS).
CREATE TABLE IF NOT EXISTS surge_alerts
(
    tenant                   LowCardinality(String),
    alert_id                 String,
    region                   String,
    queues                   Array(String),
    window_start             String,
    window_end               String,
    expected_extra_contacts  UInt32,
    expected_extra_agents    UInt32,
    reason                   String,
    source                   String,
    raised_at                DateTime64(3, 'UTC')
)
ENGINE = MergeTree
ORDER BY (tenant, raised_at)
/* shard: cityHash64(tenant) */;
