-- The review desk's queue: scored interactions with their effective score, filtered and sorted.
-- Params: tenant String, tz String; filters ('' = any): queue, agent, check, severity (at least), reviewed ('yes'/'no');
-- from, to String (local dates YYYY-MM-DD, inclusive); show String (flagged | sampled | review = either | all);
-- share Float64 (the weekly sample's share, qa/sample.ts); assigned String (the reviewer it is assigned to);
-- disputed String ('open' = a dispute awaits an answer, 'any' = ever disputed);
-- sort String (ended_at | score | severity | sentiment), desc UInt8, limit UInt32.
WITH
    -- The weekly sample's draw, as qa/sample.ts sampleDraw computes it: keep the two in step.
    bitShiftRight(reinterpretAsUInt64(MD5(concat(tenant, '|', toString(toMonday(toTimeZone(ended_at, {tz:String}))), '|', interaction_id))), 11)
        / 9007199254740992 AS draw,
    flagged = 0 AND draw < {share:Float64} AS sampled,
    multiIf(disputed_ms = 0, '', disputed_ms > answered_ms, 'open', 'answered') AS dispute_state,
    multiIf(max_severity = 'critical', 4, max_severity = 'high', 3, max_severity = 'medium', 2, max_severity = 'low', 1, 0) AS severity_rank,
    multiIf({severity:String} = 'critical', 4, {severity:String} = 'high', 3, {severity:String} = 'medium', 2, {severity:String} = 'low', 1, 0) AS min_rank,
    toDate(toTimeZone(ended_at, {tz:String})) AS local_day
SELECT
    interaction_id,
    channel,
    queue,
    agent_id,
    language,
    toUnixTimestamp64Milli(ended_at) AS ended_ms,
    auto_score,
    reviewed_score,
    effective_score,
    flagged,
    flag_count,
    flag_checks,
    max_severity,
    sentiment_customer,
    sampled,
    assigned_to,
    dispute_state
FROM qa_effective
LEFT JOIN (SELECT tenant, interaction_id, reviewer AS assigned_to FROM qa_assignments FINAL WHERE tenant = {tenant:String}) AS a
    USING (tenant, interaction_id)
LEFT JOIN (SELECT * FROM qa_review_marks WHERE tenant = {tenant:String}) AS m USING (tenant, interaction_id)
WHERE tenant = {tenant:String}
  AND multiIf({show:String} = 'all', 1, {show:String} = 'flagged', flagged = 1, {show:String} = 'sampled', sampled, flagged = 1 OR sampled)
  AND ({assigned:String} = '' OR assigned_to = {assigned:String})
  AND ({disputed:String} = '' OR ({disputed:String} = 'open' AND dispute_state = 'open') OR ({disputed:String} = 'any' AND dispute_state != ''))
  AND ({queue:String} = '' OR queue = {queue:String})
  AND ({agent:String} = '' OR agent_id = {agent:String})
  AND ({check:String} = '' OR has(flag_checks, {check:String}))
  AND severity_rank >= min_rank
  AND ({reviewed:String} = '' OR (reviewed_score IS NOT NULL) = ({reviewed:String} = 'yes'))
  AND local_day >= toDate({from:String}) AND local_day <= toDate({to:String})
ORDER BY
    multiIf({sort:String} = 'score', toFloat64(effective_score), {sort:String} = 'severity', toFloat64(severity_rank),
            {sort:String} = 'sentiment', toFloat64(coalesce(sentiment_customer, 0)), toFloat64(ended_ms))
        * if({desc:UInt8} = 1, -1, 1),
    interaction_id
LIMIT {limit:UInt32}
