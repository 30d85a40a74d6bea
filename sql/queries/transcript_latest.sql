-- The latest state of one call's transcript (every column of transcripts); no row when it has none.
-- Params: tenant String, id String.
SELECT * FROM transcripts FINAL WHERE tenant = {tenant:String} AND interaction_id = {id:String} LIMIT 1
