-- One tenant's incidents that are open, or ended since since_ms (GET /api/incidents, conversations/store.ts): the
-- open ones first, then the newest. Times in ms since the epoch.
-- Params: tenant String, since_ms Int64 (ms since the epoch), limit UInt32.
SELECT
    id, tenant_id, key, rule, conversations, interaction_ids,
    toUnixTimestamp64Milli(started_at) AS started_at,
    toUnixTimestamp64Milli(ended_at) AS ended_at
FROM incidents FINAL
WHERE tenant_id = {tenant:String}
  AND (ended_at IS NULL OR ended_at >= fromUnixTimestamp64Milli({since_ms:Int64}))
ORDER BY ended_at IS NULL DESC, started_at DESC, id
LIMIT {limit:UInt32}
