-- The newest version of one tenant's roster for the week from a date (day 0), or none.
-- Params: tenant String, week Date (YYYY-MM-DD).
SELECT roster
FROM rosters FINAL
WHERE tenant = {tenant:String} AND week = {week:Date}
LIMIT 1
