-- The review desk's queue: scored interactions with their effective score, filtered and sorted.
-- Params: tenant String, tz String; filters ('' = any): queue, agent, check, severity (at least), reviewed ('yes'/'no');
-- from, to String (local dates YYYY-MM-DD, inclusive); flagged UInt8 (1 = flagged only);
-- sort String (ended_at | score | severity | sentiment), desc UInt8, limit UInt32.
WITH
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
    sentiment_customer
FROM qa_effective
WHERE tenant = {tenant:String}
  AND ({flagged:UInt8} = 0 OR flagged = 1)
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
