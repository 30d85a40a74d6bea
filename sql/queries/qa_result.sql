-- One interaction's QA result (every column of qa_results), with ended_at and scored_at as ms since the epoch.
-- Params: tenant String, id String.
SELECT * EXCEPT (ended_at, scored_at), toUnixTimestamp64Milli(ended_at) AS ended_at, toUnixTimestamp64Milli(scored_at) AS scored_at
FROM qa_results FINAL WHERE tenant = {tenant:String} AND interaction_id = {id:String}
