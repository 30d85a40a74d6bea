-- Ticket arrivals (email and web-form tickets) forecast per tenant, queue, channel and 15-minute interval,
-- recomputed with the call forecasts. Tickets are deferred work: no required agents, no AHT, no service level.
-- ReplacingMergeTree keyed on the interval: the newest run (generated_at) wins; read with FINAL.
CREATE TABLE IF NOT EXISTS ticket_forecasts
(
    tenant           LowCardinality(String),
    queue            LowCardinality(String),
    channel          LowCardinality(String),
    interval_start   DateTime64(3, 'UTC'),
    forecast         Float64,
    lo               Float64,
    hi               Float64,
    method           LowCardinality(String),
    generated_at     DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(generated_at)
PARTITION BY toYYYYMM(interval_start)
ORDER BY (tenant, queue, channel, interval_start)
/* shard: cityHash64(tenant) */;
