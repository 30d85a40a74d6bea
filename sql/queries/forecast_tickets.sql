-- Tickets created (the ticket_channels) per tenant, queue, channel and local 15-minute interval: the ticket
-- forecast's training data. A ticket counts in its first queue, in the interval it was created.
-- Params: since_days UInt32 (history length), tz String (IANA), ticket_channels Array(String).
SELECT
    tenant,
    first_queue AS queue,
    channel,
    formatDateTime(toStartOfInterval(toTimeZone(offered_at, {tz:String}), INTERVAL 15 MINUTE), '%Y-%m-%dT%H:%i:00') AS local_ts,
    toUInt32(count()) AS created
FROM interaction_facts
WHERE channel IN {ticket_channels:Array(String)} AND first_queue != '' AND offered_at IS NOT NULL
  AND offered_at >= now64(3) - toIntervalDay({since_days:UInt32})
GROUP BY tenant, queue, channel, local_ts
ORDER BY tenant, queue, channel, local_ts
