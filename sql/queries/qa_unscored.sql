-- Finished chats and tickets since a time that have no QA result yet (for `mofang qa backfill`).
-- Params: since Int64 (ms), until Int64 (ms), limit UInt32; tenant String ('' = every tenant).
SELECT tenant, interaction_id, any(channel) AS channel, toUnixTimestamp64Milli(max(ts)) AS ended_at
FROM events
WHERE type IN ('chat.ended', 'ticket.resolved')
  AND ts >= fromUnixTimestamp64Milli({since:Int64})
  AND ts < fromUnixTimestamp64Milli({until:Int64})
  AND ({tenant:String} = '' OR tenant = {tenant:String})
  AND (tenant, interaction_id) NOT IN (SELECT tenant, interaction_id FROM qa_results)
GROUP BY tenant, interaction_id
ORDER BY ended_at
LIMIT {limit:UInt32}
