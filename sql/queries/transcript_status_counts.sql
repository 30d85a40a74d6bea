-- Calls per latest transcript status (awaiting, done, failed), for health.
-- Params: tenant String ('' = every tenant).
SELECT status, count() AS n FROM transcripts FINAL WHERE ({tenant:String} = '' OR tenant = {tenant:String}) GROUP BY status
