-- The latest scored interactions of a scope, for the scorecard editor's preview (a draft scored on them, nothing
-- stored). Params: tenant String, queue String ('' = any), channel String ('' = any), limit UInt32.
SELECT interaction_id, score
FROM qa_results FINAL
WHERE tenant = {tenant:String}
  AND ({queue:String} = '' OR queue = {queue:String})
  AND ({channel:String} = '' OR channel = {channel:String})
  AND channel != 'voice'
ORDER BY ended_at DESC
LIMIT {limit:UInt32}
