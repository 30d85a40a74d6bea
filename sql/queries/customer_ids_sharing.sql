-- The customer ids on events that carry some identities (`kind:value`): one customer with those ids, the way identity
-- merge sees it, even where an identity was linked afresh after its KV entry expired (privacy/footprint.ts).
-- Params: tenant String, identities Array(String).
SELECT DISTINCT customer_id
FROM events
WHERE tenant = {tenant:String}
  AND customer_id != ''
  AND hasAny(arrayMap((k, v) -> concat(k, ':', v), mapKeys(identities), mapValues(identities)), {identities:Array(String)})
