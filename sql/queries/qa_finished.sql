-- Finished chats and tickets in a period, scored or not (re-scoring with a changed scorecard: POST
-- /api/qa/scorecards/rescore). Same columns as qa_unscored.
-- Params: since, until (ms since the epoch, ended in [since, until)), tenant ('' = every tenant), limit.
SELECT tenant, interaction_id, any(channel) AS channel, toUnixTimestamp64Milli(max(ts)) AS ended_at
FROM events
WHERE type IN ('chat.ended', 'ticket.resolved')
  AND ts >= fromUnixTimestamp64Milli({since:Int64})
  AND ts < fromUnixTimestamp64Milli({until:Int64})
  AND ({tenant:String} = '' OR tenant = {tenant:String})
GROUP BY tenant, interaction_id
ORDER BY ended_at
LIMIT {limit:UInt32}
