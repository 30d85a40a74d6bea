-- Executive reports (reports/): daily rollups, so a report over 13 months reads a few rows per day instead of
-- every event. README "Reports" explains the design; in short:
--
--   report_daily    the rows of the raw-event query sql/queries/report_facts.sql for one tenant, time zone and local
--                   day, at the grain channel × queue × team × site × agent (plus one row per contact reason and key
--                   fact), additive columns only. Written by the report service, one build per day; a rebuilt day gets
--                   a new build_id and its older rows are deleted.
--   report_builds   which build of a day is current (the newest built_at wins); readers take rows of current builds.
--   report_changes  per tenant and UTC hour, when rows last arrived for it: materialized views over events,
--                   qa_results and forecasts keep it, so the report service knows which days to build again.
--
-- Why the rollup is not a materialized view over events: a contact's figures (wait, talk, hold, wrap, transfer legs,
-- first-contact resolution over N days, ticket resolution times) need all its events, and they arrive in many
-- inserts, hours or days apart; a view sees one insert block at a time. The rollup therefore stores what the
-- raw query computes for a day, and the change log (which a view can keep exactly) says when a day must be
-- computed again. Days are local days of MOFANG_TIMEZONE: the change log is keyed by UTC hour (any time zone's
-- days are made of whole hours, or of halves at the edge for :30 offsets, which mark both days), and rollup rows
-- carry the time zone they were built for, so changing MOFANG_TIMEZONE builds new days instead of mixing zones.
CREATE TABLE IF NOT EXISTS report_changes
(
    tenant      LowCardinality(String),
    hour        DateTime('UTC'),
    changed_at  SimpleAggregateFunction(max, DateTime64(3, 'UTC'))
)
ENGINE = AggregatingMergeTree
ORDER BY (tenant, hour)
/* shard: cityHash64(tenant) */;

-- now64(3), not received_at: the history back-fill stores events with received_at = ts, long past.
CREATE MATERIALIZED VIEW IF NOT EXISTS report_changes_events_mv TO report_changes AS
SELECT tenant, toStartOfHour(ts) AS hour, max(now64(3)) AS changed_at
FROM events
GROUP BY tenant, hour;

-- QA results change a day's QA figures (scored late, re-scored); reviews are found by the report service itself.
CREATE MATERIALIZED VIEW IF NOT EXISTS report_changes_qa_mv TO report_changes AS
SELECT tenant, toStartOfHour(ended_at) AS hour, max(now64(3)) AS changed_at
FROM qa_results
GROUP BY tenant, hour;

-- Forecast runs rewrite the required agents of the days they cover.
CREATE MATERIALIZED VIEW IF NOT EXISTS report_changes_forecasts_mv TO report_changes AS
SELECT tenant, toStartOfHour(interval_start) AS hour, max(now64(3)) AS changed_at
FROM forecasts
GROUP BY tenant, hour;

-- What the tables held before these views existed is marked by the report service when it starts
-- (sql/queries/report_seed_changes.sql: every hour with rows and no mark yet), not here: a migration holds DDL only.

-- One row per build of a day; the newest built_at is current. `changes_to`: the newest change the build saw.
CREATE TABLE IF NOT EXISTS report_builds
(
    tenant      LowCardinality(String),
    tz          LowCardinality(String),
    day         Date,
    build_id    String,
    built_at    DateTime64(3, 'UTC'),
    changes_to  DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(built_at)
ORDER BY (tenant, tz, day)
/* shard: cityHash64(tenant) */;

-- The daily rollup: report_facts.sql's columns, in its order (the build inserts that query's rows as they are).
-- Rows with top_kind = '' carry the metrics; rows with a top_kind ('reason', 'error_code', 'product_model') carry
-- top_contacts for top_value only. Counters are UInt64, durations Int64 ms; `customers` is the exact set of
-- customers served, so a period's distinct customers are exact across days.
CREATE TABLE IF NOT EXISTS report_daily
(
    tenant                     LowCardinality(String),
    tz                         LowCardinality(String),
    day                        Date,
    build_id                   String,
    channel                    LowCardinality(String),
    queue                      LowCardinality(String),
    team                       LowCardinality(String),
    site                       LowCardinality(String),
    agent_id                   String,
    top_kind                   LowCardinality(String),
    top_value                  String,
    -- Contacts (first leg of a call, the chat, counted at the event that closes each fact) and legs (every queue
    -- leg of a transferred call): the wall's definitions (README "Metric definitions").
    offered                    UInt64,
    offered_legs               UInt64,
    answered                   UInt64,
    answered_legs              UInt64,
    answered_in_sl             UInt64,
    answered_in_sl_legs        UInt64,
    abandoned                  UInt64,
    abandoned_legs             UInt64,
    wait_ms                    Int64,
    wait_ms_legs               Int64,
    handled                    UInt64,
    talk_ms                    Int64,
    hold_ms                    Int64,
    wrap_ms                    Int64,
    transfers                  UInt64,
    -- Resolution, per contact of a known customer, at the contact's start.
    contacts                   UInt64,
    repeat_contacts            UInt64,
    fcr_eligible               UInt64,
    fcr_resolved               UInt64,
    switched                   UInt64,
    served_ms                  Int64,
    customers                  AggregateFunction(uniqExact, String),
    -- Tickets.
    tickets_created            UInt64,
    first_responses            UInt64,
    first_response_ms          Int64,
    resolutions                UInt64,
    resolution_ms              Int64,
    reopens                    UInt64,
    sla_breaches_urgent        UInt64,
    sla_breaches_high          UInt64,
    sla_breaches_normal        UInt64,
    sla_breaches_low           UInt64,
    backlog                    UInt64,
    -- Surveys and QA.
    nps_responses              UInt64,
    nps_promoters              UInt64,
    nps_detractors             UInt64,
    csat_responses             UInt64,
    csat_satisfied             UInt64,
    csat_five                  UInt64,
    csat_predicted_n           UInt64,
    csat_predicted_satisfied   UInt64,
    qa_scored                  UInt64,
    qa_score_sum               Float64,
    qa_flagged                 UInt64,
    sentiment_n                UInt64,
    sentiment_improved         UInt64,
    sentiment_worsened         UInt64,
    bot_sessions               UInt64,
    bot_contained              UInt64,
    -- Agents' time (rows with no channel: the channel and queue filters do not narrow them) and forecasts.
    logged_in_ms               Int64,
    ready_ms                   Int64,
    not_ready_ms               Int64,
    wrap_state_ms              Int64,
    busy_ms                    Int64,
    agent_days                 UInt64,
    required_ms                Int64,
    -- Reasons and facts.
    top_contacts               UInt64
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(day)
ORDER BY (tenant, tz, day, build_id, channel, queue, team, site, agent_id, top_kind, top_value)
/* shard: cityHash64(tenant) */;
