-- Agent state events (agent.login, .ready, .not_ready, .wrap_up, .logout) of one tenant between two instants (ms),
-- for schedule adherence; the caller asks from a day early so the state each agent started the day in is known.
-- Params: tenant String, from_ms Int64, to_ms Int64.
SELECT agent_id, toUnixTimestamp64Milli(ts) AS t, type
FROM events
WHERE tenant = {tenant:String} AND agent_id != ''
  AND type IN ('agent.login', 'agent.ready', 'agent.not_ready', 'agent.wrap_up', 'agent.logout')
  AND ts >= fromUnixTimestamp64Milli({from_ms:Int64}) AND ts < fromUnixTimestamp64Milli({to_ms:Int64})
ORDER BY agent_id, t, event_id
