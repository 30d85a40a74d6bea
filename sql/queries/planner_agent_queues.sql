-- The queues each agent of one tenant handled contacts in since an instant (ms), and how many contacts: the
-- planner's per-queue roster takes an agent's skills from them. Counts contact events that name both the agent and
-- the queue (answered calls, agent chat messages, assignments …), once per contact.
-- Params: tenant String, from_ms Int64, limit UInt32.
SELECT agent_id, queue, uniqExact(interaction_id) AS contacts
FROM events
WHERE tenant = {tenant:String} AND agent_id != '' AND queue != '' AND interaction_id != ''
  AND NOT startsWith(type, 'agent.')
  AND ts >= fromUnixTimestamp64Milli({from_ms:Int64})
GROUP BY agent_id, queue
ORDER BY agent_id, queue
LIMIT {limit:UInt32}
