-- Offered contacts per queue, channel and 15-minute interval between two instants (ms), for forecast vs actual.
-- Tickets have their own (planner_ticket_actuals.sql).
-- Params: tenant String, from_ms Int64, to_ms Int64, ticket_channels Array(String) (left out).
SELECT queue, channel, toUnixTimestamp64Milli(toDateTime64(toStartOfInterval(offered_ts, INTERVAL 15 MINUTE), 3)) AS t, toUInt32(count()) AS offered
FROM
(
    SELECT first_queue AS queue, channel,
           if(channel = 'voice', coalesce(offered_at, queued_at), coalesce(queued_at, offered_at)) AS offered_ts
    FROM interaction_facts
    WHERE tenant = {tenant:String} AND channel NOT IN {ticket_channels:Array(String)} AND first_queue != ''
)
WHERE offered_ts >= fromUnixTimestamp64Milli({from_ms:Int64}) AND offered_ts < fromUnixTimestamp64Milli({to_ms:Int64})
GROUP BY queue, channel, t
ORDER BY t
