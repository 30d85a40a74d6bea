-- Offered contacts per tenant, queue, channel and local 15-minute interval, the forecast's training data.
-- Offered is counted as in intervals_of_day (voice: offered, else queued), in the interval it was offered.
-- Params: since_days UInt32 (history length), tz String (IANA).
SELECT
    tenant,
    first_queue AS queue,
    channel,
    formatDateTime(toStartOfInterval(toTimeZone(offered_ts, {tz:String}), INTERVAL 15 MINUTE), '%Y-%m-%dT%H:%i:00') AS local_ts,
    toUInt32(count()) AS offered
FROM
(
    SELECT tenant, first_queue, channel,
           if(channel = 'voice', coalesce(offered_at, queued_at), coalesce(queued_at, offered_at)) AS offered_ts
    FROM interaction_facts
    WHERE channel != 'ticket' AND first_queue != ''
)
WHERE offered_ts >= now64(3) - toIntervalDay({since_days:UInt32})
GROUP BY tenant, queue, channel, local_ts
ORDER BY tenant, queue, channel, local_ts
