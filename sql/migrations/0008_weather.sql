-- Hourly weather observed per tenant and region, stored by the forecast service on each run from what the
-- weather source reports for hours already past: the history the uplift model learns weather effects from.
-- ReplacingMergeTree keyed on the hour: re-reading the same hours (every run) keeps one row, the newest
-- reading (fetched_at) wins; read with FINAL.
CREATE TABLE IF NOT EXISTS weather_hours
(
    tenant         LowCardinality(String),
    region         String,
    hour           DateTime64(3, 'UTC'),
    precipitation  Float64,
    temperature    Float64,
    wind_speed     Float64,
    wind_gusts     Float64,
    weather_code   UInt16,
    source         String,
    fetched_at     DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(fetched_at)
PARTITION BY toYYYYMM(hour)
ORDER BY (tenant, region, hour)
/* shard: cityHash64(tenant) */;
