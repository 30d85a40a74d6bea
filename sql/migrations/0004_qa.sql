-- QA results, one row per scored interaction. Scoring again (a redelivery, a backfill, a new scorecard
-- version) replaces the row: read with FINAL or through qa_effective. Only redacted text is stored here:
-- `turns` is the transcript after PII masking, flags' evidence comes from it.
CREATE TABLE IF NOT EXISTS qa_results
(
    tenant              LowCardinality(String),
    interaction_id      String,
    channel             LowCardinality(String),
    queue               LowCardinality(String),
    agent_id            String,
    ended_at            DateTime64(3, 'UTC'),
    scored_at           DateTime64(3, 'UTC'),
    scorecard_id        String,
    scorecard_version   UInt32,
    language            LowCardinality(String),
    score               Float32,
    auto_failed         UInt8,
    flagged             UInt8,
    flag_count          UInt16,
    max_severity        LowCardinality(String),
    flag_checks         Array(LowCardinality(String)),
    sentiment_customer  Nullable(Float32),
    sentiment_first     Nullable(Float32),
    sentiment_last      Nullable(Float32),
    politeness          Nullable(Float32),
    nps_class           LowCardinality(String),
    nps_source          LowCardinality(String),
    nps_predicted       LowCardinality(String),
    pii_count           UInt16,
    -- JSON: Record<check, {fraction, weight, applicable, auto_failed}>
    checks              String,
    -- JSON: Fact[]
    facts               String,
    -- JSON: redacted turns [{role, text, ts?, sentiment}]
    turns               String
)
ENGINE = ReplacingMergeTree(scored_at)
PARTITION BY toYYYYMM(ended_at)
ORDER BY (tenant, interaction_id)
/* shard: cityHash64(tenant, interaction_id) */;

-- One row per flag of a result, keyed by its position; a flag belongs to the result with the same scored_at
-- (a later scoring with fewer flags leaves older positions behind, which that join drops).
CREATE TABLE IF NOT EXISTS qa_flags
(
    tenant          LowCardinality(String),
    interaction_id  String,
    idx             UInt16,
    scored_at       DateTime64(3, 'UTC'),
    ended_at        DateTime64(3, 'UTC'),
    queue           LowCardinality(String),
    agent_id        String,
    check_name      LowCardinality(String),
    severity        LowCardinality(String),
    turn            Int32,
    span_start      UInt32,
    span_end        UInt32,
    -- The flagged span of the redacted turn text.
    evidence        String,
    reason          String
)
ENGINE = ReplacingMergeTree(scored_at)
PARTITION BY toYYYYMM(ended_at)
ORDER BY (tenant, interaction_id, idx)
/* shard: cityHash64(tenant, interaction_id) */;

-- Reviewers' decisions, append-only. kind: review (item = check name: confirm or override with `earned`;
-- item = '' carries the corrected total in `score`), calibration (a blind score of one item, or the total
-- with item = ''), dispute (the agent's objection), answer (the reviewer's reply to a dispute).
CREATE TABLE IF NOT EXISTS qa_reviews
(
    tenant          LowCardinality(String),
    interaction_id  String,
    created_at      DateTime64(3, 'UTC'),
    review_id       String,
    kind            LowCardinality(String),
    reviewer        String,
    item            LowCardinality(String),
    decision        LowCardinality(String),
    earned          Nullable(Float32),
    score           Nullable(Float32),
    comment         String
)
ENGINE = MergeTree
ORDER BY (tenant, interaction_id, created_at)
/* shard: cityHash64(tenant, interaction_id) */;

-- The score that counts: a reviewer's corrected total wins over the automatic one.
CREATE VIEW IF NOT EXISTS qa_effective AS
SELECT
    r.tenant AS tenant,
    r.interaction_id AS interaction_id,
    r.channel AS channel,
    r.queue AS queue,
    r.agent_id AS agent_id,
    r.ended_at AS ended_at,
    r.scored_at AS scored_at,
    r.score AS auto_score,
    rv.score AS reviewed_score,
    rv.reviewer AS reviewer,
    rv.reviewed_at AS reviewed_at,
    coalesce(rv.score, r.score) AS effective_score,
    r.flagged AS flagged,
    r.max_severity AS max_severity,
    r.flag_count AS flag_count,
    r.flag_checks AS flag_checks,
    r.language AS language,
    r.sentiment_customer AS sentiment_customer
FROM (SELECT * FROM qa_results FINAL) AS r
LEFT JOIN
(
    SELECT tenant, interaction_id, argMax(score, created_at) AS score, argMax(reviewer, created_at) AS reviewer, max(created_at) AS reviewed_at
    FROM qa_reviews
    WHERE kind = 'review' AND item = ''
    GROUP BY tenant, interaction_id
) AS rv ON r.tenant = rv.tenant AND r.interaction_id = rv.interaction_id;
