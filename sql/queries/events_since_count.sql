-- How many events one tenant has stored since an instant (`mofang start --backfill today` fills a day only once).
-- Params: tenant String, from_ms Int64 (ms since the epoch).
SELECT count() AS n FROM events WHERE tenant = {tenant:String} AND ts >= fromUnixTimestamp64Milli({from_ms:Int64})
