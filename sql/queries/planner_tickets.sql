-- Stored ticket forecasts of one tenant between two instants (ms), newest run per interval.
-- Params: tenant String, from_ms Int64, to_ms Int64.
SELECT queue, channel, toUnixTimestamp64Milli(interval_start) AS t, forecast, lo, hi, method,
       toUnixTimestamp64Milli(generated_at) AS generated_at
FROM ticket_forecasts FINAL
WHERE tenant = {tenant:String}
  AND interval_start >= fromUnixTimestamp64Milli({from_ms:Int64}) AND interval_start < fromUnixTimestamp64Milli({to_ms:Int64})
ORDER BY t, queue, channel
