-- The identities (`kind:value`, e.g. `phone:13800000000`) on the events of some customer ids: what else of theirs
-- to look for (privacy/footprint.ts).
-- Params: tenant String, ids Array(String) (the customer ids).
SELECT DISTINCT concat(k, ':', v) AS identity
FROM events
ARRAY JOIN mapKeys(identities) AS k, mapValues(identities) AS v
WHERE tenant = {tenant:String} AND customer_id IN {ids:Array(String)} AND v != ''
