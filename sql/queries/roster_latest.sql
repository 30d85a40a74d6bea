-- The roster of one tenant saved last (newest version of its week), or none.
-- Params: tenant String.
SELECT roster
FROM rosters FINAL
WHERE tenant = {tenant:String}
ORDER BY saved_at DESC
LIMIT 1
