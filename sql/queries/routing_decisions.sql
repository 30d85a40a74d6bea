-- The routing decisions (routing.* events) of one interaction, oldest first, each event once.
-- Params: tenant String, id String, types Array(String).
SELECT event_id, type, toUnixTimestamp64Milli(ts) AS ts, agent_id, queue, payload
FROM events
WHERE tenant = {tenant:String} AND interaction_id = {id:String} AND type IN ({types:Array(String)})
ORDER BY ts, event_id
LIMIT 1 BY event_id
