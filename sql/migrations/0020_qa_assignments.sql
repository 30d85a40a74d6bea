-- Review assignments (qa/assign.ts): a QA manager hands an interaction to a reviewer; the newest assignment counts
-- (read with FINAL), and an empty reviewer takes it back. `assigned_by` and `assigned_at` say who handed it out
-- and when.
CREATE TABLE IF NOT EXISTS qa_assignments
(
    tenant          LowCardinality(String),
    interaction_id  String,
    assigned_at     DateTime64(3, 'UTC'),
    reviewer        String,
    assigned_by     String
)
ENGINE = ReplacingMergeTree(assigned_at)
ORDER BY (tenant, interaction_id)
/* shard: cityHash64(tenant, interaction_id) */;

-- Where each interaction stands in the review workflow, from the append-only qa_reviews: the latest dispute (the
-- agent's objection), answer (the reviewer's reply) and acknowledgement (the agent accepts the evaluation), ms
-- since the epoch, 0 = none. A dispute is open while it is newer than the latest answer.
CREATE VIEW IF NOT EXISTS qa_review_marks AS
SELECT
    tenant,
    interaction_id,
    toUnixTimestamp64Milli(maxIf(created_at, kind = 'dispute')) AS disputed_ms,
    toUnixTimestamp64Milli(maxIf(created_at, kind = 'answer')) AS answered_ms,
    toUnixTimestamp64Milli(maxIf(created_at, kind = 'acknowledge')) AS acknowledged_ms
FROM qa_reviews
WHERE kind IN ('dispute', 'answer', 'acknowledge')
GROUP BY tenant, interaction_id;
