-- Per-interaction facts, maintained by a materialized view over events.
-- Each insert block adds partial aggregates; read through the interaction_facts view,
-- which merges them (GROUP BY), so facts are exact whatever the merge state.
CREATE TABLE IF NOT EXISTS interactions
(
    tenant           LowCardinality(String),
    interaction_id   String,
    channel          AggregateFunction(any, LowCardinality(String)),
    first_ts         SimpleAggregateFunction(min, DateTime64(3, 'UTC')),
    last_ts          SimpleAggregateFunction(max, DateTime64(3, 'UTC')),
    offered_at       SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))),
    queued_at        SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))),
    answered_at      SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))),
    abandoned_at     SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))),
    ended_at         SimpleAggregateFunction(max, Nullable(DateTime64(3, 'UTC'))),
    wrap_started_at  SimpleAggregateFunction(min, Nullable(DateTime64(3, 'UTC'))),
    wrap_ended_at    SimpleAggregateFunction(max, Nullable(DateTime64(3, 'UTC'))),
    hold_ms          SimpleAggregateFunction(sum, Int64),
    transfers        SimpleAggregateFunction(sum, UInt64),
    messages         SimpleAggregateFunction(sum, UInt64),
    first_queue      AggregateFunction(argMin, String, DateTime64(3, 'UTC')),
    last_queue       AggregateFunction(argMax, String, DateTime64(3, 'UTC')),
    agent_id         AggregateFunction(argMax, String, DateTime64(3, 'UTC')),
    customer_id      AggregateFunction(argMax, String, DateTime64(3, 'UTC')),
    vip              SimpleAggregateFunction(max, UInt8),
    nps              SimpleAggregateFunction(max, Nullable(UInt8)),
    csat             SimpleAggregateFunction(max, Nullable(UInt8))
)
ENGINE = AggregatingMergeTree
ORDER BY (tenant, interaction_id)
/* shard: cityHash64(tenant, interaction_id) */;

CREATE MATERIALIZED VIEW IF NOT EXISTS interactions_mv TO interactions AS
SELECT
    tenant,
    interaction_id,
    anyState(channel) AS channel,
    min(ts) AS first_ts,
    max(ts) AS last_ts,
    minIf(toNullable(ts), type IN ('voice.offered', 'chat.started', 'ticket.created')) AS offered_at,
    minIf(toNullable(ts), type IN ('voice.queued', 'chat.transferred_to_agent')) AS queued_at,
    minIf(toNullable(ts), type = 'voice.answered' OR (type = 'chat.message' AND JSONExtractString(payload, 'role') = 'agent')) AS answered_at,
    minIf(toNullable(ts), type = 'voice.abandoned') AS abandoned_at,
    maxIf(toNullable(ts), type IN ('voice.ended', 'chat.ended', 'ticket.resolved')) AS ended_at,
    minIf(toNullable(ts), type = 'agent.wrap_up') AS wrap_started_at,
    maxIf(toNullable(ts), type IN ('agent.ready', 'agent.not_ready', 'agent.logout')) AS wrap_ended_at,
    sum(multiIf(type = 'voice.unhold', toUnixTimestamp64Milli(ts), type = 'voice.hold', -toUnixTimestamp64Milli(ts), 0)) AS hold_ms,
    countIf(type = 'voice.transfer') AS transfers,
    countIf(type IN ('chat.message', 'ticket.comment')) AS messages,
    argMinStateIf(queue, ts, queue != '') AS first_queue,
    argMaxStateIf(queue, ts, queue != '') AS last_queue,
    argMaxStateIf(agent_id, ts, agent_id != '' AND NOT startsWith(type, 'agent.')) AS agent_id,
    argMaxStateIf(customer_id, ts, customer_id != '') AS customer_id,
    max(vip) AS vip,
    maxIf(toNullable(toUInt8(JSONExtractUInt(payload, 'score'))), type = 'survey.nps') AS nps,
    maxIf(toNullable(toUInt8(JSONExtractUInt(payload, 'score'))), type = 'survey.csat') AS csat
FROM events
WHERE interaction_id != ''
GROUP BY tenant, interaction_id;

-- One row per interaction with durations in ms. Times are NULL when the step did not happen.
CREATE VIEW IF NOT EXISTS interaction_facts AS
SELECT
    tenant,
    interaction_id,
    anyMerge(channel) AS channel,
    min(first_ts) AS first_ts,
    max(last_ts) AS last_ts,
    min(offered_at) AS offered_at,
    min(queued_at) AS queued_at,
    min(answered_at) AS answered_at,
    min(abandoned_at) AS abandoned_at,
    max(ended_at) AS ended_at,
    min(wrap_started_at) AS wrap_started_at,
    max(wrap_ended_at) AS wrap_ended_at,
    toUInt64(greatest(sum(hold_ms), 0)) AS hold_ms,
    sum(transfers) AS transfers,
    sum(messages) AS messages,
    argMinMerge(first_queue) AS first_queue,
    argMaxMerge(last_queue) AS last_queue,
    argMaxMerge(agent_id) AS agent_id,
    argMaxMerge(customer_id) AS customer_id,
    max(vip) AS vip,
    max(nps) AS nps,
    max(csat) AS csat,
    dateDiff('millisecond', coalesce(queued_at, offered_at), answered_at) AS wait_ms,
    dateDiff('millisecond', answered_at, ended_at) - toInt64(hold_ms) AS talk_ms,
    dateDiff('millisecond', wrap_started_at, wrap_ended_at) AS wrap_ms
FROM interactions
GROUP BY tenant, interaction_id;
