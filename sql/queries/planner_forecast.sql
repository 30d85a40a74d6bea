-- Stored forecasts of one tenant between two instants (ms), newest run per interval.
-- Params: tenant String, from_ms Int64, to_ms Int64.
SELECT queue, channel, toUnixTimestamp64Milli(interval_start) AS t, forecast, lo, hi, required_agents, aht_s,
       sl_target, sl_threshold_s, method, toUnixTimestamp64Milli(generated_at) AS generated_at
FROM forecasts FINAL
WHERE tenant = {tenant:String}
  AND interval_start >= fromUnixTimestamp64Milli({from_ms:Int64}) AND interval_start < fromUnixTimestamp64Milli({to_ms:Int64})
ORDER BY t, queue, channel
