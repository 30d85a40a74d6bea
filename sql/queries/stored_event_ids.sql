-- Which of a message's events are already stored: the warehouse sink asks this for a redelivered message (or
-- one from another publisher) and inserts only the rest.
-- A primary-key range read: a message holds one tenant, channel and type, and its events' time span.
-- Parameters: table (the events table, or one of its shape in tests), tenants, channels, types, from and to
-- (ms since the epoch, inclusive), ids (the message's event ids).
SELECT event_id
FROM {table:Identifier}
WHERE tenant IN {tenants:Array(String)}
  AND channel IN {channels:Array(String)}
  AND type IN {types:Array(String)}
  AND ts BETWEEN fromUnixTimestamp64Milli({from:Int64}) AND fromUnixTimestamp64Milli({to:Int64})
  AND event_id IN {ids:Array(String)}
