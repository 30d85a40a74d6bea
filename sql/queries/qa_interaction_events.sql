-- The events of some interactions that the QA engine needs to rebuild their turns.
-- Params: tenant String, ids Array(String).
SELECT
    interaction_id,
    event_id,
    type,
    channel,
    toUnixTimestamp64Milli(ts) AS ts,
    toUnixTimestamp64Milli(received_at) AS received_at,
    customer_name,
    agent_id,
    queue,
    payload
FROM events
WHERE tenant = {tenant:String}
  AND interaction_id IN {ids:Array(String)}
  AND type IN ('chat.message', 'ticket.comment', 'chat.ended', 'ticket.resolved', 'survey.nps', 'survey.csat', 'voice.ended')
ORDER BY interaction_id, ts, received_at, event_id
