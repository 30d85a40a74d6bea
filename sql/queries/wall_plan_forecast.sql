-- Stored forecasts of every tenant between two instants (ms), newest run per interval: the walls' plans of the day.
-- Params: from_ms Int64, to_ms Int64.
SELECT tenant, queue, channel, toUnixTimestamp64Milli(interval_start) AS t, forecast
FROM forecasts FINAL
WHERE interval_start >= fromUnixTimestamp64Milli({from_ms:Int64}) AND interval_start < fromUnixTimestamp64Milli({to_ms:Int64})
ORDER BY tenant, t, queue, channel
