-- Offered contacts per tenant, queue, channel and local 15-minute interval, the arrivals forecast's training data,
-- and how many of them were answered with their handle time together (talk + hold + wrap, seconds), the AHT
-- forecast's. Offered is counted as in intervals_of_day (voice: offered, else queued), in the interval it was
-- offered; a contact's handle time counts in that same interval, so arrivals × AHT is the interval's workload.
-- One contact counts at most max_handle_s: a chat left open overnight is a data fault, not workload.
-- Tickets are deferred work with their own forecast (forecast_tickets.sql).
-- Params: since_days UInt32 (history length), tz String (IANA), ticket_channels Array(String) (left out),
-- max_handle_s UInt32.
SELECT
    tenant,
    first_queue AS queue,
    channel,
    formatDateTime(toStartOfInterval(toTimeZone(offered_ts, {tz:String}), INTERVAL 15 MINUTE), '%Y-%m-%dT%H:%i:00') AS local_ts,
    toUInt32(count()) AS offered,
    toUInt32(countIf(contact_s IS NOT NULL)) AS handled,
    sum(coalesce(contact_s, 0)) AS handle_s
FROM
(
    SELECT tenant, first_queue, channel,
           if(channel = 'voice', coalesce(offered_at, queued_at), coalesce(queued_at, offered_at)) AS offered_ts,
           if(answered_at IS NOT NULL AND ended_at IS NOT NULL,
              least((greatest(talk_ms, 0) + hold_ms + greatest(coalesce(wrap_ms, 0), 0)) / 1000, {max_handle_s:UInt32}), NULL) AS contact_s
    FROM interaction_facts
    WHERE channel NOT IN {ticket_channels:Array(String)} AND first_queue != ''
)
WHERE offered_ts >= now64(3) - toIntervalDay({since_days:UInt32})
GROUP BY tenant, queue, channel, local_ts
ORDER BY tenant, queue, channel, local_ts
