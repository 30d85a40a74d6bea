-- Which of one tenant's rosters covers a date (its week starts at most `days` − 1 days before): the one saved last,
-- with its version, so a caller can keep a parsed copy until it changes.
-- Params: tenant String, date Date (YYYY-MM-DD), days UInt8.
SELECT week, version
FROM rosters FINAL
WHERE tenant = {tenant:String}
  AND week <= {date:Date} AND week > {date:Date} - {days:UInt8}
ORDER BY saved_at DESC
LIMIT 1
