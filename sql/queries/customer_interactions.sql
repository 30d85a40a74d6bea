-- The interactions of one customer: those of the events carrying one of their ids or identities (`kind:value`; the
-- first-start history has identities but no customer id). Agent state events only point at an interaction.
-- Params: tenant String, ids Array(String), identities Array(String).
SELECT DISTINCT interaction_id
FROM events
WHERE tenant = {tenant:String}
  AND interaction_id != ''
  AND NOT startsWith(type, 'agent.')
  AND (
    customer_id IN {ids:Array(String)}
    OR hasAny(arrayMap((k, v) -> concat(k, ':', v), mapKeys(identities), mapValues(identities)), {identities:Array(String)})
  )
