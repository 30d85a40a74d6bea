-- One customer's rows of the events table (or a table of its shape): their ids, their identities (`kind:value`), and
-- the events of their interactions but the agents' state events (privacy/customer-tables.ts: export, erase check).
-- Params: table Identifier, tenant String, ids Array(String), identities Array(String), interactions Array(String).
SELECT *
FROM {table:Identifier}
WHERE tenant = {tenant:String}
  AND (
    customer_id IN {ids:Array(String)}
    OR hasAny(arrayMap((k, v) -> concat(k, ':', v), mapKeys(identities), mapValues(identities)), {identities:Array(String)})
    OR (interaction_id IN {interactions:Array(String)} AND NOT startsWith(type, 'agent.'))
  )
ORDER BY ts
