-- An agent's own evaluations (GET /api/qa/mine), newest first, with where each stands: the agent's
-- acknowledgement, their latest dispute and the reviewer's latest answer (ms, 0 = none).
-- Params: tenant String, agent String (the signed-in agent's id), limit UInt32.
SELECT
    interaction_id,
    channel,
    queue,
    toUnixTimestamp64Milli(ended_at) AS ended_ms,
    auto_score,
    reviewed_score,
    effective_score,
    flagged,
    flag_checks,
    max_severity,
    disputed_ms,
    answered_ms,
    acknowledged_ms
FROM qa_effective
LEFT JOIN (SELECT * FROM qa_review_marks WHERE tenant = {tenant:String}) AS m USING (tenant, interaction_id)
WHERE tenant = {tenant:String} AND agent_id = {agent:String}
ORDER BY ended_at DESC, interaction_id
LIMIT {limit:UInt32}
