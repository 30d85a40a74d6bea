-- Deletes one customer's rows of the events table: the rows customer_events selects (lightweight delete, visible at
-- once; privacy/erase.ts then rewrites the parts so the bytes leave the disk).
-- Params: table Identifier, tenant String, ids Array(String), identities Array(String), interactions Array(String).
DELETE FROM {table:Identifier}
WHERE tenant = {tenant:String}
  AND (
    customer_id IN {ids:Array(String)}
    OR hasAny(arrayMap((k, v) -> concat(k, ':', v), mapKeys(identities), mapValues(identities)), {identities:Array(String)})
    OR (interaction_id IN {interactions:Array(String)} AND NOT startsWith(type, 'agent.'))
  )
SETTINGS lightweight_deletes_sync = 2
