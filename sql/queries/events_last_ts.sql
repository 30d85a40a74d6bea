-- One tenant's newest stored event before an instant, ms since the epoch (0 when none): `mofang start` back-fills
-- only the gap since it. Params: tenant String, before_ms Int64 (ms since the epoch).
SELECT toInt64(toUnixTimestamp64Milli(max(ts))) AS last_ms, count() AS n
FROM events
WHERE tenant = {tenant:String} AND ts < fromUnixTimestamp64Milli({before_ms:Int64})
