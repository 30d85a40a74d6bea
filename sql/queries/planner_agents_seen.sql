-- Agents seen in agent state events of one tenant since an instant (ms): the planner's demo roster team.
-- Params: tenant String, from_ms Int64, limit UInt32.
SELECT agent_id
FROM events
WHERE tenant = {tenant:String} AND agent_id != '' AND startsWith(type, 'agent.')
  AND ts >= fromUnixTimestamp64Milli({from_ms:Int64})
GROUP BY agent_id
ORDER BY agent_id
LIMIT {limit:UInt32}
