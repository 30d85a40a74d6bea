-- Average handling time (talk + hold + wrap, seconds) of answered contacts per tenant, queue and channel.
-- Params: since_days UInt32.
SELECT
    tenant,
    first_queue AS queue,
    channel,
    avg((greatest(talk_ms, 0) + hold_ms + greatest(coalesce(wrap_ms, 0), 0)) / 1000) AS aht_s,
    toUInt32(count()) AS answered
FROM interaction_facts
WHERE answered_at IS NOT NULL AND ended_at IS NOT NULL AND channel != 'ticket' AND first_queue != ''
  AND answered_at >= now64(3) - toIntervalDay({since_days:UInt32})
GROUP BY tenant, queue, channel
