-- Agents logged in per 15-minute interval between two instants (ms): an agent counts in every interval
-- between the first agent event of a login session and its logout (or its last event when no logout came).
-- Params: tenant String, from_ms Int64, to_ms Int64.
WITH sessions AS (
    SELECT agent_id, min(ts) AS s, max(ts) AS e
    FROM events
    WHERE tenant = {tenant:String} AND agent_id != ''
      AND ts >= fromUnixTimestamp64Milli({from_ms:Int64}) - INTERVAL 1 DAY AND ts < fromUnixTimestamp64Milli({to_ms:Int64})
    GROUP BY agent_id, toDate(ts)
)
SELECT t, toUInt32(uniqExact(agent_id)) AS agents
FROM
(
    SELECT agent_id,
           arrayJoin(range(intDiv(toUnixTimestamp64Milli(s), 900000), intDiv(toUnixTimestamp64Milli(e), 900000) + 1)) * 900000 AS t
    FROM sessions
)
WHERE t >= {from_ms:Int64} AND t < {to_ms:Int64}
GROUP BY t
ORDER BY t
