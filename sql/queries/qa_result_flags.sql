-- The flags of one QA result (the scoring at scored_at), in the order the checks raised them.
-- Params: tenant String, id String, at Int64 (the result's scored_at, ms).
SELECT idx, check_name AS check, severity, turn, span_start AS start, span_end AS end, evidence, reason
FROM qa_flags FINAL WHERE tenant = {tenant:String} AND interaction_id = {id:String} AND scored_at = fromUnixTimestamp64Milli({at:Int64}) ORDER BY idx
