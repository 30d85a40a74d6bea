-- Tickets created (the ticket_channels) per queue, channel and 15-minute interval between two instants (ms),
-- for ticket forecast vs actual; `offered` is the tickets created.
-- Params: tenant String, from_ms Int64, to_ms Int64, ticket_channels Array(String).
SELECT first_queue AS queue, channel, toUnixTimestamp64Milli(toDateTime64(toStartOfInterval(offered_at, INTERVAL 15 MINUTE), 3)) AS t,
       toUInt32(count()) AS offered
FROM interaction_facts
WHERE tenant = {tenant:String} AND channel IN {ticket_channels:Array(String)} AND first_queue != '' AND offered_at IS NOT NULL
  AND offered_at >= fromUnixTimestamp64Milli({from_ms:Int64}) AND offered_at < fromUnixTimestamp64Milli({to_ms:Int64})
GROUP BY queue, channel, t
ORDER BY t
